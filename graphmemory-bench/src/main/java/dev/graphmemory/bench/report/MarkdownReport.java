package dev.graphmemory.bench.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes {@code benchmarks.md}: the ratios in a table, every variant's numbers, and a short reading of them. */
public final class MarkdownReport {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MarkdownReport() {}

    /** The report as Markdown. */
    public static String write(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# graphmemory benchmarks\n\n");
        md.append("A %s run on %s, %d s in all, on %s.\n\n"
                .formatted(
                        report.mode(),
                        DATE.format(report.date()),
                        report.took().toSeconds(),
                        report.machine().describe()));
        md.append("Produced by `").append(report.command()).append("`; the chart is `benchmarks.png`, ");
        md.append("the same numbers as data are in `benchmarks.json`.\n\n");
        ratios(md, report.scenarios());
        variants(md, report.scenarios());
        reading(md, report.scenarios());
        report.sections().forEach(section -> md.append(section.markdown()));
        method(md);
        return md.toString();
    }

    private static void ratios(StringBuilder md, List<ScenarioResult> scenarios) {
        md.append("## Ratios\n\n");
        md.append(
                "Throughput ratios: higher is better, 1.0 means as fast as the baseline. S6b is a latency ratio and ");
        md.append(
                "S9b a latency in milliseconds: lower is better. The last column is graphmemory's throughput over the ");
        md.append(
                "limit: the same work inside the database process, no Bolt, the simplest Cypher that keeps the same ");
        md.append("guarantees (see the limit variants below).\n\n");
        md.append("| id | work | ratio of | measured | target | | ours / limit |\n");
        md.append("|---|---|---|---:|---:|---|---:|\n");
        for (ScenarioResult scenario : scenarios) {
            md.append("| %s | %s | %s | **%s** | %s | %s | %s |\n"
                    .formatted(
                            scenario.id(),
                            scenario.work(),
                            scenario.ratioName(),
                            Numbers.ratio(scenario.ratio()),
                            scenario.target().text(),
                            scenario.met() ? "met" : "**missed**",
                            scenario.limit() == null ? "" : Numbers.ratio(scenario.limitRatio())));
        }
        md.append('\n');
    }

    private static void variants(StringBuilder md, List<ScenarioResult> scenarios) {
        md.append("## Every variant\n\n");
        md.append("Throughput is the median over the counted rounds; latency is of one call (one operation, or one ");
        md.append("whole batch), over every call of those rounds.\n\n");
        md.append("| id | variant | throughput | latency p50 | latency p99 | rounds | calls |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult scenario : scenarios) {
            List<VariantResult> variants = new java.util.ArrayList<>(scenario.variants());
            if (scenario.limit() != null && !variants.contains(scenario.limit())) {
                variants.add(scenario.limit());
            }
            for (VariantResult variant : variants) {
                md.append("| %s | %s | %s %s/s | %s ms | %s ms | %d | %,d |\n"
                        .formatted(
                                scenario.id(),
                                variant.ours() ? "**" + variant.name() + "**" : variant.name(),
                                Numbers.throughput(variant.throughput()),
                                variant.unit(),
                                Numbers.millis(variant.p50Millis()),
                                Numbers.millis(variant.p99Millis()),
                                variant.rounds(),
                                variant.calls()));
            }
        }
        md.append('\n');
    }

    private static void reading(StringBuilder md, List<ScenarioResult> scenarios) {
        long met = scenarios.stream().filter(ScenarioResult::met).count();
        md.append("## Reading\n\n");
        md.append("%d of %d targets met".formatted(met, scenarios.size()));
        List<String> missed = scenarios.stream()
                .filter(scenario -> !scenario.met())
                .map(ScenarioResult::id)
                .toList();
        md.append(missed.isEmpty() ? ".\n\n" : "; missed: " + String.join(", ", missed) + ".\n\n");
        for (ScenarioResult scenario : scenarios) {
            md.append("- **").append(scenario.id()).append("** ").append(sentence(scenario));
            for (String note : scenario.notes()) {
                md.append(' ').append(note);
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void method(StringBuilder md) {
        md.append("""
                ## How it is measured

                Run it with `graphmemory-bench/run --quick` (under 3 minutes on 2 cores; smaller sizes, fewer rounds, \
                a 100,000-node graph for S6b) or `graphmemory-bench/run --out docs` (the full mode, which wrote this \
                page); `--only S1,S6b` picks scenarios. The script builds this checkout and runs the comparison in one \
                JVM with an embedded Neo4j 5.26; `graphmemory-bench/run --jmh` runs the JMH micro-benchmarks instead. \
                The sections after the scenarios (`PLANS`, `GROWTH`, `STARTUP`, `COMMAND`, `MERGE`, `MIGRATE`, \
                `PROCESSES`) run in the full mode, or when `--only` names them; the growth run alone takes an hour or \
                more, and stops after 90 minutes even short of its size (`-Dgraphmemory.bench.growth.minutes=N` in \
                `GRAPHMEMORY_BENCH_JAVA_OPTS` changes that).

                - **Side by side.** All variants of a scenario run in the same process against the same server, \
                round by round after warm-up rounds that are not counted; single operations take turns call by call, \
                so a pause of the machine falls on every variant alike. Throughput is the median over rounds, \
                latency percentiles are over every timed call.
                - **graphmemory** runs each call alone (its own managed, retried transaction) over Bolt on loopback, \
                with its default settings (2,000 rows per batch statement).
                - **raw driver**: the same Cypher the library sends, by hand, through `session.executeWrite` / \
                `executeRead`, UNWIND in chunks of the same size, rows in the same order; a test keeps the Cypher \
                equal to the library's.
                - **original**: the earlier Python adapter's access pattern: a session per operation, auto-commit \
                `session.run`, batches as a loop of statements in one transaction, label-less \
                `MATCH ({id: ...})`, no constraints or indexes, on a second embedded Neo4j of its own.
                - **embedded**: the library's UNWIND statement run inside the database process, no Bolt.
                - **limit**: the scenario's writes (or reads) inside the database process, each call a transaction of \
                its own as graphmemory's is, with the simplest Cypher that keeps the same guarantees (uniqueness on \
                the same constraints, MERGE on pre-generated ids, the same indexes); for single writes also an empty \
                write transaction, the floor of any call that commits.
                - **Spring Data Neo4j** 8.0 (what Spring Boot 4.0.7 brings, on the same driver 6.1.0): \
                `Neo4jTemplate.save` of an annotated commitment with its entities.
                - Both databases start with the same background graph (entities and commitments that involve them), \
                as a store in use would, so that label-less lookups and index lookups face graphs of the same size.

                """);
    }

    private static String sentence(ScenarioResult scenario) {
        String verdict = scenario.met() ? "met" : "missed";
        if (scenario.target().atMost()) {
            return "(%s): %s = %s, target %s, %s."
                    .formatted(
                            scenario.work(),
                            scenario.ratioName(),
                            Numbers.ratio(scenario.ratio()),
                            scenario.target().text(),
                            verdict);
        }
        VariantResult ours = scenario.variants().get(0);
        StringBuilder text = new StringBuilder("(%s): graphmemory %s %s/s"
                .formatted(scenario.work(), Numbers.throughput(ours.throughput()), ours.unit()));
        for (VariantResult other :
                scenario.variants().subList(1, scenario.variants().size())) {
            text.append(", %s %s".formatted(other.name(), Numbers.throughput(other.throughput())));
        }
        text.append("; %s = %s×, target %s, %s."
                .formatted(
                        scenario.ratioName(),
                        Numbers.ratio(scenario.ratio()),
                        scenario.target().text(),
                        verdict));
        return text.toString();
    }
}
