package dev.graphmemory.bench.migrate;

import dev.graphmemory.bench.report.Section;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The migration section: an original graph of {@code nodes} nodes migrated by the command, started each way, its rate
 * as the command reports it (reading, converting and writing, without the process's and the embedded Neo4j's start)
 * and the process's whole time.
 *
 * @param nodes nodes of the original graph
 * @param relationships relationships of the original graph
 * @param runs one per way of starting the command, in the order they ran
 */
public record MigrateSection(long nodes, long relationships, List<Run> runs) implements Section {
    /** The rate to reach. */
    public static final double TARGET_NODES_PER_SECOND = 5_000;

    /**
     * One migration.
     *
     * @param launch how the command was started
     * @param nodesPerSecond the rate the command reported
     * @param migrationSeconds the migration's own time, as reported
     * @param processSeconds the process's start to its end
     * @param report the command's report, as printed
     */
    public record Run(
            String launch, double nodesPerSecond, double migrationSeconds, double processSeconds, String report) {}

    @Override
    public String key() {
        return "migrate";
    }

    @Override
    public String markdown() {
        String rows = runs.stream()
                .map(run -> String.format(
                        Locale.ROOT,
                        "| %s | %,.0f %s | %.1f s | %.1f s |",
                        run.launch(),
                        run.nodesPerSecond(),
                        run.nodesPerSecond() >= TARGET_NODES_PER_SECOND ? "(met)" : "(MISSED)",
                        run.migrationSeconds(),
                        run.processSeconds()))
                .collect(Collectors.joining("\n"));
        return String.format(
                Locale.ROOT,
                """
                ## Migration from the original adapter's graph

                `graphmemory migrate --from bolt://…` on a graph shaped like the original's (string times, short ids,
                duplicate and reversed relationships, entities differing by case): %,d nodes and %,d relationships, into
                a new embedded store, once per way of starting the command.

                | started with | nodes/s (target ≥ %,.0f) | migration | whole process (JVM and embedded Neo4j start included) |
                |---|---|---|---|
                %s

                The last run's report:

                ```
                %s```

                """,
                nodes,
                relationships,
                TARGET_NODES_PER_SECOND,
                rows,
                runs.isEmpty() ? "" : runs.get(runs.size() - 1).report());
    }

    @Override
    public String json() {
        String each = runs.stream()
                .map(run -> String.format(
                        Locale.ROOT,
                        "{\"launch\": \"%s\", \"nodesPerSecond\": %.1f, \"migrationSeconds\": %.2f,"
                                + " \"processSeconds\": %.2f}",
                        run.launch().replace("\"", "\\\""),
                        run.nodesPerSecond(),
                        run.migrationSeconds(),
                        run.processSeconds()))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "{\"nodes\": %d, \"relationships\": %d, \"runs\": [%s], \"targetNodesPerSecond\": %.0f}",
                nodes,
                relationships,
                each,
                TARGET_NODES_PER_SECOND);
    }
}
