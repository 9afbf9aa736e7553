package dev.graphmemory.bench.startup;

import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up section of the report: for each tool, its first call in a fresh process minus its warm latency, in
 * each configuration of {@link StartupRun}.
 *
 * @param runs one per configuration
 */
public record StartupSection(List<Run> runs) implements Section {
    /** The most a tool's first call should cost over its warm calls. */
    static final double TARGET_MILLIS = 300;

    /**
     * One fresh process.
     *
     * @param label its configuration
     * @param warmUp whether the plan warm-up ran
     * @param pauseMillis how long after connecting the first call came
     * @param startMillis how long the embedded Neo4j and the connection took to start
     * @param tools per tool, its first call and its warm median, in ns
     */
    public record Run(String label, boolean warmUp, long pauseMillis, long startMillis, Map<String, long[]> tools) {
        double first(String tool) {
            return tools.get(tool)[0] / 1e6;
        }

        double warm(String tool) {
            return tools.get(tool)[1] / 1e6;
        }

        double extra(String tool) {
            return first(tool) - warm(tool);
        }

        /** The tools whose first call costs more than the target over their warm ones (the first tool aside). */
        List<String> over() {
            List<String> over = new ArrayList<>();
            tools.keySet().stream().skip(1).forEach(tool -> {
                if (extra(tool) > TARGET_MILLIS) {
                    over.add(tool);
                }
            });
            return over;
        }
    }

    public StartupSection {
        runs = List.copyOf(runs);
    }

    @Override
    public String key() {
        return "startup";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Start-up: the first call of each tool\n\n");
        md.append(("A fresh process per configuration, as `graphmemory serve` starts: an embedded Neo4j on an existing "
                        + "store of about 3,000 memories of every kind (entities, commitments and their links, decisions, "
                        + "patterns, facts, conversations with their turns, energy readings), the library connected, then each tool's operation called once (its "
                        + "first call in the process) and %d times more (warm, median). Each cell is the first call "
                        + "minus the warm median; target: %s ms or less. `health_check` comes first and also pays for "
                        + "the process's first round trips.\n\n")
                .formatted(FirstCalls.WARM, Numbers.millis(TARGET_MILLIS)));
        for (Run run : runs) {
            List<String> over = run.over();
            md.append("- **%s**: started in %,d ms; %s.\n"
                    .formatted(
                            run.label(),
                            run.startMillis(),
                            over.isEmpty()
                                    ? "every tool within the target"
                                    : over.size() + " tools over the target: " + String.join(", ", over)));
        }
        md.append("\n| tool | warm |");
        runs.forEach(run -> md.append(' ').append(run.label()).append(" |"));
        md.append("\n|---|---:|");
        runs.forEach(run -> md.append("---:|"));
        md.append('\n');
        Run base = runs.get(0);
        for (String tool : base.tools().keySet()) {
            md.append("| %s | %s ms |".formatted(tool, Numbers.millis(base.warm(tool))));
            for (Run run : runs) {
                double extra = run.extra(tool);
                String cell = Numbers.millis(extra) + " ms";
                md.append(' ')
                        .append(extra > TARGET_MILLIS ? "**" + cell + "**" : cell)
                        .append(" |");
            }
            md.append('\n');
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
                            "    {\"configuration\": %s, \"warmUp\": %b, \"pauseMs\": %d, \"startMs\": %d, \"tools\": {",
                            Section.quote(run.label()),
                            run.warmUp(),
                            run.pauseMillis(),
                            run.startMillis()));
            List<String> tools = new ArrayList<>();
            run.tools()
                    .forEach((tool, times) -> tools.add(String.format(
                            Locale.ROOT,
                            "%s: {\"firstMs\": %s, \"warmMs\": %s}",
                            Section.quote(tool),
                            Numbers.json(times[0] / 1e6),
                            Numbers.json(times[1] / 1e6))));
            json.append(String.join(", ", tools)).append("}}");
        }
        return json.append(runs.isEmpty() ? "]" : "\n  ]").toString();
    }
}
