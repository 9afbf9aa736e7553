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
        return md.toString();
    }

    private static void ratios(StringBuilder md, List<ScenarioResult> scenarios) {
        md.append("## Ratios\n\n");
        md.append("Throughput ratios: higher is better, 1.0 means as fast as the baseline. S6b is a latency ratio: ");
        md.append("lower is better.\n\n");
        md.append("| id | work | ratio of | measured | target | |\n");
        md.append("|---|---|---|---:|---:|---|\n");
        for (ScenarioResult scenario : scenarios) {
            md.append("| %s | %s | %s | **%s** | %s | %s |\n"
                    .formatted(
                            scenario.id(),
                            scenario.work(),
                            scenario.ratioName(),
                            Numbers.ratio(scenario.ratio()),
                            scenario.target().text(),
                            scenario.met() ? "met" : "**missed**"));
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
            for (VariantResult variant : scenario.variants()) {
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
