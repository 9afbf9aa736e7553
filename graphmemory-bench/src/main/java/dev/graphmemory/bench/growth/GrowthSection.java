package dev.graphmemory.bench.growth;

import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.Section;
import dev.graphmemory.bench.report.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The growth run's section of the report: per operation, the latencies after the first minute and by tenth of the
 * growth, with the re-plans of each tenth and the slowest calls.
 *
 * @param target the memories the run was to reach
 * @param reached the memories it reached
 * @param took how long it ran
 * @param windows the tenths of the growth, in order
 * @param summary every call after the first minute, per operation
 * @param slowCalls the calls after the first minute over {@link #SLOW}
 * @param replans Neo4j's re-plans over the whole run
 */
public record GrowthSection(
        int target,
        int reached,
        Duration took,
        List<Window> windows,
        Summary summary,
        List<SlowCall> slowCalls,
        long replans)
        implements Section {

    /** No call should take longer than this after the first minute. */
    static final Duration SLOW = Duration.ofMillis(500);

    /** p99 should stay within this many times p50, for every operation. */
    static final double SPREAD = 5;

    public GrowthSection {
        windows = List.copyOf(windows);
        slowCalls = List.copyOf(slowCalls);
    }

    /**
     * The latencies of one operation.
     *
     * @param calls how many calls
     * @param p50 the median, ms
     * @param p99 the 99th percentile, ms
     * @param p999 the 99.9th percentile, ms
     * @param max the slowest, ms
     */
    public record Latency(int calls, double p50, double p99, double p999, double max) {
        static Latency of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Latency(
                    nanos.size(),
                    Stats.percentile(nanos, 50) / 1e6,
                    Stats.percentile(nanos, 99) / 1e6,
                    Stats.percentile(nanos, 99.9) / 1e6,
                    nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        }

        /** p99 over p50. */
        double spread() {
            return p99 / p50;
        }
    }

    /**
     * One tenth of the growth.
     *
     * @param from memories at its start
     * @param to memories at its end
     * @param at time since the start of the run, at its end
     * @param took how long it took
     * @param replans Neo4j's re-plans during it
     * @param replanWaitMillis how long they took (whoever waited for them: the plan keeper, a background worker, or a call)
     * @param latencies per operation
     */
    public record Window(
            int from,
            int to,
            Duration at,
            Duration took,
            long replans,
            long replanWaitMillis,
            Map<String, Latency> latencies) {
        static Window of(
                int from,
                int to,
                Duration at,
                Duration took,
                long replans,
                long replanWaitMillis,
                Map<GrowthRun.Operation, List<Long>> nanos) {
            Map<String, Latency> latencies = new LinkedHashMap<>();
            nanos.forEach((operation, values) -> latencies.put(operation.label, Latency.of(values)));
            return new Window(from, to, at, took, replans, replanWaitMillis, latencies);
        }
    }

    /**
     * Every call after the first minute, per operation.
     *
     * @param latencies per operation
     * @param slow per operation, the calls over {@link #SLOW}
     */
    public record Summary(Map<String, Latency> latencies, Map<String, Long> slow) {
        static Summary of(Map<GrowthRun.Operation, List<Long>> nanos) {
            Map<String, Latency> latencies = new LinkedHashMap<>();
            Map<String, Long> slow = new LinkedHashMap<>();
            nanos.forEach((operation, values) -> {
                latencies.put(operation.label, Latency.of(values));
                slow.put(
                        operation.label,
                        values.stream().filter(took -> took > SLOW.toNanos()).count());
            });
            return new Summary(latencies, slow);
        }
    }

    /**
     * A call over {@link #SLOW} after the first minute.
     *
     * @param operation which
     * @param millis how long it took
     * @param memories how many memories the namespace held
     * @param at when, since the start of the run
     */
    public record SlowCall(String operation, double millis, int memories, Duration at) {}

    @Override
    public String key() {
        return "growth";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Growth\n\n");
        long slow = summary.slow().values().stream().mapToLong(Long::longValue).sum();
        List<String> spread = new ArrayList<>();
        summary.latencies().forEach((operation, latency) -> {
            if (latency.spread() > SPREAD) {
                spread.add(operation + " " + Numbers.ratio(latency.spread()));
            }
        });
        md.append(
                ("One namespace grown from empty to %,d memories (target %,d) by single calls, one at a time, the mix "
                                + "an assistant makes: per step a turn stored with `storeMemory` (a commitment, a decision, "
                                + "three entities of which a project met again every ten steps, four links), an entity, a "
                                + "commitment, a link between them, the project's context and a search for the turn before. "
                                + "%s in all; Neo4j re-planned statements %,d times (as in `graphmemory serve`, the "
                                + "statements calls send are planned again in the background, by the plan keeper, and the "
                                + "background workers' on their own threads: the time in brackets below is spent there, "
                                + "not waited for by a call). Targets after the first minute: no call "
                                + "over %d ms (%s), and p99 within %s × p50 for every operation (%s).\n\n")
                        .formatted(
                                reached,
                                target,
                                minutes(took),
                                replans,
                                SLOW.toMillis(),
                                slow == 0 ? "met" : "**missed**: " + slow + " calls",
                                Numbers.ratio(SPREAD),
                                spread.isEmpty() ? "met" : "**missed**: " + String.join(", ", spread)));
        md.append("After the first minute, per operation:\n\n");
        md.append("| operation | calls | p50 | p99 | p99.9 | max | p99 / p50 | over %d ms |\n"
                .formatted(SLOW.toMillis()));
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        summary.latencies()
                .forEach((operation, latency) -> md.append("| %s | %,d | %s ms | %s ms | %s ms | %s ms | %s | %d |\n"
                        .formatted(
                                operation,
                                latency.calls(),
                                Numbers.millis(latency.p50()),
                                Numbers.millis(latency.p99()),
                                Numbers.millis(latency.p999()),
                                Numbers.millis(latency.max()),
                                Numbers.ratio(latency.spread()),
                                summary.slow().get(operation))));
        md.append("\nBy tenth of the growth (each cell p50 / p99 / max, ms; the first tenth includes the first "
                + "minute):\n\n");
        List<String> operations = new ArrayList<>(summary.latencies().keySet());
        md.append("| memories | at | re-plans (their time) |");
        operations.forEach(operation -> md.append(' ').append(operation).append(" |"));
        md.append("\n|---|---:|---:|");
        operations.forEach(operation -> md.append("---:|"));
        md.append('\n');
        for (Window window : windows) {
            md.append("| %,d–%,d | %s | %d (%,d ms) |"
                    .formatted(
                            window.from(),
                            window.to(),
                            minutes(window.at()),
                            window.replans(),
                            window.replanWaitMillis()));
            for (String operation : operations) {
                Latency latency = window.latencies().get(operation);
                md.append(" %s / %s / %s |"
                        .formatted(
                                Numbers.millis(latency.p50()),
                                Numbers.millis(latency.p99()),
                                Numbers.millis(latency.max())));
            }
            md.append('\n');
        }
        if (!slowCalls.isEmpty()) {
            md.append("\nThe slowest calls after the first minute:\n\n");
            md.append("| operation | took | memories then | at |\n|---|---:|---:|---:|\n");
            slowCalls.stream()
                    .sorted(Comparator.comparingDouble(SlowCall::millis).reversed())
                    .limit(10)
                    .forEach(call -> md.append("| %s | %s ms | %,d | %s |\n"
                            .formatted(
                                    call.operation(),
                                    Numbers.millis(call.millis()),
                                    call.memories(),
                                    minutes(call.at()))));
        }
        md.append('\n');
        return md.toString();
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%.1f min", duration.toMillis() / 60_000.0);
    }

    @Override
    public String json() {
        StringBuilder json = new StringBuilder("{");
        json.append(String.format(
                Locale.ROOT,
                "\"target\": %d, \"reached\": %d, \"seconds\": %s, \"replans\": %d, \"slowCalls\": %d,%n",
                target,
                reached,
                Numbers.json(took.toMillis() / 1000.0),
                replans,
                slowCalls.size()));
        json.append("    \"afterFirstMinute\": ")
                .append(latencies(summary.latencies()))
                .append(",\n");
        json.append("    \"windows\": [");
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append(String.format(
                            Locale.ROOT,
                            "      {\"from\": %d, \"to\": %d, \"atSeconds\": %s, \"replans\": %d, "
                                    + "\"replanWaitMs\": %d, \"latencies\": %s}",
                            window.from(),
                            window.to(),
                            Numbers.json(window.at().toMillis() / 1000.0),
                            window.replans(),
                            window.replanWaitMillis(),
                            latencies(window.latencies())));
        }
        return json.append(windows.isEmpty() ? "]}" : "\n    ]}").toString();
    }

    private static String latencies(Map<String, Latency> latencies) {
        List<String> parts = new ArrayList<>();
        latencies.forEach((operation, latency) -> parts.add(String.format(
                Locale.ROOT,
                "%s: {\"calls\": %d, \"p50Ms\": %s, \"p99Ms\": %s, \"p999Ms\": %s, \"maxMs\": %s}",
                Section.quote(operation),
                latency.calls(),
                Numbers.json(latency.p50()),
                Numbers.json(latency.p99()),
                Numbers.json(latency.p999()),
                Numbers.json(latency.max()))));
        return "{" + String.join(", ", parts) + "}";
    }
}
