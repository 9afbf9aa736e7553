package dev.graphmemory.bench.report;

import java.util.List;

/**
 * Writes {@code benchmarks.json}: an object with {@code machine} and {@code scenarios}, each scenario with its
 * {@code id}, {@code ratio} (a number), {@code target} and {@code variants}. Written by hand: the format is small,
 * and the bench needs no JSON library for it.
 */
public final class JsonReport {
    private JsonReport() {}

    /** The report as JSON text. */
    public static String write(Report report) {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        field(json, 1, "mode", string(report.mode()), true);
        field(json, 1, "date", string(report.date().toString()), true);
        field(json, 1, "durationSeconds", Numbers.json(report.took().toMillis() / 1000.0), true);
        field(json, 1, "command", string(report.command()), true);
        json.append(indent(1))
                .append("\"machine\": ")
                .append(machine(report.machine()))
                .append(",\n");
        json.append(indent(1)).append("\"scenarios\": [");
        List<ScenarioResult> scenarios = report.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append(scenario(scenarios.get(i)));
        }
        json.append(scenarios.isEmpty() ? "]" : "\n" + indent(1) + "]");
        for (Section section : report.sections()) {
            json.append(",\n").append(indent(1)).append(pair(section.key(), section.json()));
        }
        json.append("\n}\n");
        return json.toString();
    }

    private static String machine(MachineInfo machine) {
        return "{"
                + String.join(
                        ", ",
                        pair("cpu", string(machine.cpu())),
                        pair("cores", Integer.toString(machine.cores())),
                        pair("memoryMiB", Long.toString(machine.memoryMiB())),
                        pair("os", string(machine.os())),
                        pair("java", string(machine.java())),
                        pair("heapMiB", Long.toString(machine.heapMiB())),
                        pair("neo4j", string(machine.neo4j())),
                        pair("driver", string(machine.driver())))
                + "}";
    }

    private static String scenario(ScenarioResult scenario) {
        StringBuilder json = new StringBuilder();
        json.append(indent(2)).append("{\n");
        field(json, 3, "id", string(scenario.id()), true);
        field(json, 3, "work", string(scenario.work()), true);
        field(json, 3, "ratioName", string(scenario.ratioName()), true);
        field(json, 3, "ratio", Numbers.json(scenario.ratio()), true);
        field(json, 3, "target", Numbers.json(scenario.target().value()), true);
        field(json, 3, "targetIs", string(scenario.target().atMost() ? "at most" : "at least"), true);
        field(json, 3, "met", Boolean.toString(scenario.met()), true);
        json.append(indent(3)).append("\"variants\": [");
        List<VariantResult> variants = scenario.variants();
        for (int i = 0; i < variants.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append(indent(4)).append(variant(variants.get(i)));
        }
        json.append("\n").append(indent(3)).append("],\n");
        if (scenario.limit() != null) {
            field(json, 3, "limit", variant(scenario.limit()), true);
            field(json, 3, "oursOverLimit", Numbers.json(scenario.limitRatio()), true);
        }
        json.append(indent(3)).append("\"notes\": [");
        for (int i = 0; i < scenario.notes().size(); i++) {
            json.append(i == 0 ? "" : ", ").append(string(scenario.notes().get(i)));
        }
        json.append("]\n");
        json.append(indent(2)).append("}");
        return json.toString();
    }

    static String variant(VariantResult variant) {
        return "{"
                + String.join(
                        ", ",
                        pair("name", string(variant.name())),
                        pair("ours", Boolean.toString(variant.ours())),
                        pair("throughput", Numbers.json(variant.throughput())),
                        pair("throughputUnit", string(variant.unit() + "/s")),
                        pair("latencyP50Ms", Numbers.json(variant.p50Millis())),
                        pair("latencyP99Ms", Numbers.json(variant.p99Millis())),
                        pair("rounds", Integer.toString(variant.rounds())),
                        pair("calls", Long.toString(variant.calls())))
                + "}";
    }

    private static void field(StringBuilder json, int depth, String name, String value, boolean comma) {
        json.append(indent(depth)).append(pair(name, value)).append(comma ? ",\n" : "\n");
    }

    static String pair(String name, String value) {
        return string(name) + ": " + value;
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }

    /** A JSON string literal. */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
