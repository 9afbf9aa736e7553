package dev.graphmemory.bench.recall;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graphmemory.bench.report.Stats;
import dev.graphmemory.model.SearchQuery.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the recall benchmark found, as Markdown and JSON.
 *
 * @param timings each conversation's ingest with the embedder off and on
 * @param answers what each mode found for each question
 * @param largeMemories the size of the namespace {@code large} was measured on
 * @param large search latencies (ms) over that namespace, by mode
 * @param peakResidentMiB the benchmark process's peak resident memory
 */
record RecallReport(
        Instant started,
        Duration took,
        String machine,
        String data,
        int conversations,
        Duration modelLoad,
        List<RecallBench.Ingest.Timing> timings,
        List<Answer> answers,
        int largeMemories,
        Map<Mode, List<Double>> large,
        long peakResidentMiB) {

    /** The targets of the default (hybrid) search: recall@10 and recall@5, in percent. */
    static final double TARGET_AT_10 = 74;

    static final double TARGET_AT_5 = 65;

    /** What a search found: the turn refs in rank order, and how long it took. */
    record Found(List<String> refs, double millis) {}

    /** One question and what each mode found. */
    record Answer(String dialogue, Locomo.Question question, Map<Mode, Found> found) {
        /** The share of the evidence among the first {@code k} of what {@code mode} found. */
        double recall(Mode mode, int k) {
            List<String> top = found.get(mode).refs();
            long hits = question.evidence().stream()
                    .filter(top.subList(0, Math.min(k, top.size()))::contains)
                    .count();
            return (double) hits / question.evidence().size();
        }
    }

    /** Evidence recall@k in percent, averaged over the questions of {@code category} (0 for all). */
    double recall(Mode mode, int k, int category) {
        List<Double> shares = new ArrayList<>();
        for (Answer answer : answers) {
            if (category == 0 || answer.question().category() == category) {
                shares.add(answer.recall(mode, k));
            }
        }
        return shares.isEmpty()
                ? 0
                : 100
                        * shares.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0);
    }

    long questions(int category) {
        return answers.stream()
                .filter(answer -> category == 0 || answer.question().category() == category)
                .count();
    }

    List<Double> latencies(Mode mode) {
        return answers.stream().map(answer -> answer.found().get(mode).millis()).toList();
    }

    int turns() {
        return timings.stream().mapToInt(RecallBench.Ingest.Timing::turns).sum();
    }

    double ingestRatio() {
        double off = timings.stream()
                .mapToDouble(RecallBench.Ingest.Timing::offSeconds)
                .sum();
        double on = timings.stream()
                .mapToDouble(RecallBench.Ingest.Timing::onSeconds)
                .sum();
        return on == 0 ? 0 : off / on;
    }

    double embedderThroughput() {
        double seconds = timings.stream()
                .mapToDouble(timing -> timing.onSeconds() + timing.embedSeconds())
                .sum();
        long embedded =
                timings.stream().mapToLong(RecallBench.Ingest.Timing::embedded).sum();
        return seconds == 0 ? 0 : embedded / seconds;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Recall on LoCoMo\n\n");
        md.append("A run on %s, %s in all, on %s.\n\n"
                .formatted(
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atZone(ZoneOffset.UTC)),
                        seconds(took.toMillis() / 1000.0),
                        machine));
        md.append(("Data: %s (%d conversations, %,d turns, %,d questions of categories 1 to 4 with evidence)."
                        + " Produced by `graphmemory-bench/run --recall`; the same numbers as data are in"
                        + " `recall.json`, the chart is `recall.png`.\n\n")
                .formatted(data, conversations, turns(), questions(0)));
        md.append("## Evidence recall@k\n\n");
        md.append("The share of a question's evidence turns among the first k turns the search returns, in percent,"
                + " averaged over the questions. Every question is asked in each mode, in turns.\n\n");
        md.append("| search | @1 | @5 | @10 | @20 |\n|---|---:|---:|---:|---:|\n");
        for (Mode mode : Mode.values()) {
            md.append("| ").append(name(mode));
            for (int k : RecallBench.KS) {
                md.append(" | ").append(percent(recall(mode, k, 0)));
            }
            md.append(" |\n");
        }
        md.append("\nTargets of the default search: @10 ≥ %.0f (%s), @5 ≥ %.0f (%s).\n\n"
                .formatted(
                        TARGET_AT_10,
                        recall(Mode.HYBRID, 10, 0) >= TARGET_AT_10 ? "met" : "**missed**",
                        TARGET_AT_5,
                        recall(Mode.HYBRID, 5, 0) >= TARGET_AT_5 ? "met" : "**missed**"));
        md.append("### By category\n\n");
        md.append("| category | questions | words @5 / @10 | meaning @5 / @10 | hybrid @5 / @10 |\n"
                + "|---|---:|---:|---:|---:|\n");
        String[] names = {"", "1 multi-hop", "2 temporal", "3 open-domain", "4 single-hop"};
        for (int category = 1; category <= 4; category++) {
            md.append("| %s | %d".formatted(names[category], questions(category)));
            for (Mode mode : Mode.values()) {
                md.append(" | %s / %s"
                        .formatted(percent(recall(mode, 5, category)), percent(recall(mode, 10, category))));
            }
            md.append(" |\n");
        }
        md.append("\n## Ingest\n\n");
        md.append(("Each conversation recorded twice through `recordTurns` (a session per call), with the embedder"
                        + " off and on, in alternating order; \"embedded after\" is how long the background embedder"
                        + " took after the last turn was recorded, and \"embedded\" how many memories it embedded from"
                        + " the first turn recorded on: one embedder serves the whole database, so it also embeds the"
                        + " turns recorded with the embedder off (they wait for any embedder). The model (loaded once,"
                        + " in %s) is shared.\n\n")
                .formatted(seconds(modelLoad.toMillis() / 1000.0)));
        md.append("| conversation | turns | off, turns/s | on, turns/s | on / off | embedded after | embedded |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (RecallBench.Ingest.Timing timing : timings) {
            md.append("| %s | %,d | %,.0f | %,.0f | %.2f | %s | %,d |\n"
                    .formatted(
                            timing.dialogue(),
                            timing.turns(),
                            timing.turns() / timing.offSeconds(),
                            timing.turns() / timing.onSeconds(),
                            timing.offSeconds() / timing.onSeconds(),
                            seconds(timing.embedSeconds()),
                            timing.embedded()));
        }
        md.append("\nIngest with the embedder on / off: %.2f (target ≥ 0.90); the embedder kept up with %.0f turns/s"
                        .formatted(ingestRatio(), embedderThroughput())
                + " (memories embedded, from the first turn recorded to the last embedded; target ≥ 80).\n\n");
        md.append("## Search latency\n\n");
        md.append("One search of 20 turns (the query embedded by the model included), in milliseconds.\n\n");
        md.append("| search | over | p50 | p99 |\n|---|---|---:|---:|\n");
        for (Mode mode : Mode.values()) {
            List<Double> millis = latencies(mode);
            md.append("| %s | a LoCoMo conversation (%d searches) | %.1f | %.1f |\n"
                    .formatted(name(mode), millis.size(), Stats.median(millis), Stats.percentile(millis, 99)));
        }
        for (Mode mode : new TreeSet<>(large.keySet())) {
            List<Double> millis = large.get(mode);
            md.append("| %s | %,d memories (%d searches of 10) | %.1f | %.1f |\n"
                    .formatted(
                            name(mode),
                            largeMemories,
                            millis.size(),
                            Stats.median(millis),
                            Stats.percentile(millis, 99)));
        }
        if (large.containsKey(Mode.HYBRID)) {
            md.append("\nTarget: the default search over %,d memories, p50 ≤ 30 ms (%s).\n"
                    .formatted(largeMemories, Stats.median(large.get(Mode.HYBRID)) <= 30 ? "met" : "**missed**"));
        }
        md.append(
                "\nPeak resident memory of the benchmark process (embedded Neo4j, the model, its JVM's heap): %,d MiB.\n"
                        .formatted(peakResidentMiB));
        return md.toString();
    }

    String json() throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("seconds", took.toMillis() / 1000.0);
        root.put("machine", machine);
        root.put("data", data);
        root.put("conversations", conversations);
        root.put("turns", turns());
        root.put("questions", questions(0));
        Map<String, Object> recall = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            Map<String, Object> byCategory = new LinkedHashMap<>();
            for (int category = 0; category <= 4; category++) {
                Map<String, Double> atK = new LinkedHashMap<>();
                for (int k : RecallBench.KS) {
                    atK.put("@" + k, round(recall(mode, k, category)));
                }
                byCategory.put(category == 0 ? "all" : "category " + category, atK);
            }
            recall.put(mode.name().toLowerCase(Locale.ROOT), byCategory);
        }
        root.put("recall", recall);
        root.put("ingestOnOverOff", round(ingestRatio()));
        root.put("embedderTurnsPerSecond", round(embedderThroughput()));
        root.put("modelLoadSeconds", modelLoad.toMillis() / 1000.0);
        root.put("ingest", timings);
        Map<String, Object> latency = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            latency.put(mode.name().toLowerCase(Locale.ROOT), percentiles(latencies(mode)));
        }
        root.put("latencyMillis", latency);
        Map<String, Object> atScale = new LinkedHashMap<>();
        large.forEach((mode, millis) -> atScale.put(mode.name().toLowerCase(Locale.ROOT), percentiles(millis)));
        root.put("latencyMillisAtScale", Map.of("memories", largeMemories, "byMode", atScale));
        root.put("peakResidentMiB", peakResidentMiB);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static Map<String, Double> percentiles(List<Double> millis) {
        return Map.of("p50", round(Stats.median(millis)), "p99", round(Stats.percentile(millis, 99)));
    }

    static String name(Mode mode) {
        return switch (mode) {
            case WORDS -> "words (full-text)";
            case MEANING -> "meaning (e5-small-v2)";
            case HYBRID -> "**hybrid (the default)**";
        };
    }

    private static String percent(double value) {
        return "%.1f".formatted(value);
    }

    private static String seconds(double value) {
        return "%.1f s".formatted(value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
