package dev.graphmemory.bench.migrate;

import dev.graphmemory.bench.report.Section;
import java.util.Locale;

/**
 * The migration section: an original graph of {@code nodes} nodes migrated by the command, its rate as the command
 * reports it (reading, converting and writing, without the process's and the embedded Neo4j's start) and the
 * process's whole time.
 *
 * @param nodes nodes of the original graph
 * @param relationships relationships of the original graph
 * @param nodesPerSecond the rate the command reported
 * @param migrationSeconds the migration's own time, as reported
 * @param processSeconds the process's start to its end
 * @param report the command's report, as printed
 */
public record MigrateSection(
        long nodes,
        long relationships,
        double nodesPerSecond,
        double migrationSeconds,
        double processSeconds,
        String report)
        implements Section {
    /** The rate to reach. */
    public static final double TARGET_NODES_PER_SECOND = 5_000;

    @Override
    public String key() {
        return "migrate";
    }

    @Override
    public String markdown() {
        return String.format(
                Locale.ROOT,
                """
                ## Migration from the original adapter's graph

                `graphmemory migrate --from bolt://…` on a graph shaped like the original's (string times, short ids,
                duplicate and reversed relationships, entities differing by case): %,d nodes and %,d relationships, into
                a new embedded store.

                | nodes/s (target ≥ %,.0f) | migration | whole process (JVM and embedded Neo4j start included) |
                |---|---|---|
                | %,.0f %s | %.1f s | %.1f s |

                ```
                %s```

                """,
                nodes,
                relationships,
                TARGET_NODES_PER_SECOND,
                nodesPerSecond,
                nodesPerSecond >= TARGET_NODES_PER_SECOND ? "(met)" : "(MISSED)",
                migrationSeconds,
                processSeconds,
                report);
    }

    @Override
    public String json() {
        return String.format(
                Locale.ROOT,
                "{\"nodes\": %d, \"relationships\": %d, \"nodesPerSecond\": %.1f, \"migrationSeconds\": %.2f,"
                        + " \"processSeconds\": %.2f, \"targetNodesPerSecond\": %.0f}",
                nodes,
                relationships,
                nodesPerSecond,
                migrationSeconds,
                processSeconds,
                TARGET_NODES_PER_SECOND);
    }
}
