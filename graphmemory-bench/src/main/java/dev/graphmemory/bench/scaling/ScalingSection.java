package dev.graphmemory.bench.scaling;

import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.Section;
import java.util.List;
import java.util.Locale;

/**
 * The 1-vs-2-process section of the report (see {@link ProcessesRun}).
 *
 * @param seconds how long each configuration ran
 * @param runs one per configuration
 */
public record ScalingSection(long seconds, List<Run> runs) implements Section {

    /**
     * One configuration.
     *
     * @param label its name
     * @param callers callers in all
     * @param callsPerSecond calls per second of both processes
     * @param herePerSecond of the benchmark's process
     * @param therePerSecond of the child process
     * @param p50 median latency of a call, ms
     * @param p99 99th percentile, ms
     * @param writesP99 99th percentile of the writes alone, ms
     * @param searchesP99 99th percentile of the searches alone, ms
     * @param failures calls that threw
     * @param duplicates entities stored more than once
     * @param pending memories left waiting for the search index after both processes closed
     */
    public record Run(
            String label,
            int callers,
            double callsPerSecond,
            double herePerSecond,
            double therePerSecond,
            double p50,
            double p99,
            double writesP99,
            double searchesP99,
            long failures,
            long duplicates,
            long pending) {}

    public ScalingSection {
        runs = List.copyOf(runs);
    }

    @Override
    public String key() {
        return "processes";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## One process or two\n\n");
        md.append(("Several graphmemory processes on one database (an embedded Neo4j, reached over Bolt by each), "
                        + "%d s per configuration, one namespace each: every caller in a loop creates an entity from a "
                        + "pool of 500 names shared by all, a commitment and a link between them, and every tenth step "
                        + "searches for a name of the pool. See [scaling.md](scaling.md).\n\n")
                .formatted(seconds));
        md.append("| configuration | calls/s | of which the second process | p50 | p99 | p99 of writes "
                + "| p99 of searches | failures | duplicates | left pending |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            md.append("| %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %d | %d | %d |\n"
                    .formatted(
                            run.label(),
                            Numbers.throughput(run.callsPerSecond()),
                            run.therePerSecond() == 0 ? "" : Numbers.throughput(run.therePerSecond()),
                            Numbers.millis(run.p50()),
                            Numbers.millis(run.p99()),
                            Numbers.millis(run.writesP99()),
                            Numbers.millis(run.searchesP99()),
                            run.failures(),
                            run.duplicates(),
                            run.pending()));
        }
        md.append('\n');
        return md.toString();
    }

    @Override
    public String json() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append(String.format(
                            Locale.ROOT,
                            "    {\"configuration\": %s, \"callers\": %d, \"callsPerSecond\": %s, "
                                    + "\"secondProcessCallsPerSecond\": %s, \"p50Ms\": %s, \"p99Ms\": %s, "
                                    + "\"writesP99Ms\": %s, \"searchesP99Ms\": %s, "
                                    + "\"failures\": %d, \"duplicates\": %d, \"pending\": %d}",
                            Section.quote(run.label()),
                            run.callers(),
                            Numbers.json(run.callsPerSecond()),
                            Numbers.json(run.therePerSecond()),
                            Numbers.json(run.p50()),
                            Numbers.json(run.p99()),
                            Numbers.json(run.writesP99()),
                            Numbers.json(run.searchesP99()),
                            run.failures(),
                            run.duplicates(),
                            run.pending()));
        }
        return json.append(runs.isEmpty() ? "]" : "\n  ]").toString();
    }
}
