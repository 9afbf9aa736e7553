package dev.graphmemory.bench;

import dev.graphmemory.bench.report.Stats;
import dev.graphmemory.bench.report.VariantResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the contenders of a scenario side by side: round by round, each contender once per round, the order rotated
 * every round so that each goes first as often as the others. Going first matters more than it seems: contenders
 * that send the same statement share its cached plan, and the first to run after the graph has grown pays for the
 * re-plan (seconds for a composed statement); with the order only reversed, the middle one of three never did. The first rounds warm up the JIT,
 * the driver's pool and the page cache and are not counted. A contender's throughput is the median over its rounds;
 * its latency percentiles are over every call of every counted round.
 */
public final class SideBySide {
    private static final Logger LOG = LoggerFactory.getLogger(SideBySide.class);

    private SideBySide() {}

    /**
     * Like {@link #run}, but the contenders take turns call by call within each round (the first to go alternating),
     * so that a pause of the machine (another process, a checkpoint, a re-plan) falls on both alike. A contender's
     * throughput in a round is its calls over the time its own calls took.
     */
    public static List<VariantResult> interleaved(List<Contender> contenders, int warmups, int rounds, String unit)
            throws Exception {
        Map<Contender, List<Double>> throughputs = perContender(contenders);
        Map<Contender, List<Long>> latencies = perContender(contenders);
        for (int round = -warmups; round < rounds; round++) {
            Map<Contender, List<Recorder.Call>> calls = new LinkedHashMap<>();
            Map<Contender, Recorder> recorders = new LinkedHashMap<>();
            for (Contender contender : contenders) {
                calls.put(contender, contender.calls(round));
                recorders.put(contender, new Recorder());
            }
            int count = calls.values().iterator().next().size();
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < contenders.size(); k++) {
                    Contender contender = contenders.get((i + k) % contenders.size());
                    recorders.get(contender).time(1, calls.get(contender).get(i));
                }
            }
            for (Contender contender : contenders) {
                List<Long> own = recorders.get(contender).latencies();
                long total = own.stream().mapToLong(Long::longValue).sum();
                LOG.info("  {} round {}: {} {} in {} ms", contender.name(), round, own.size(), unit, total / 1_000_000);
                if (round >= 0) {
                    throughputs.get(contender).add(own.size() / (total / 1e9));
                    latencies.get(contender).addAll(own);
                }
            }
        }
        return results(contenders, throughputs, latencies, unit, rounds);
    }

    /** The results, in the order of {@code contenders}. */
    public static List<VariantResult> run(List<Contender> contenders, int warmups, int rounds, String unit)
            throws Exception {
        Map<Contender, List<Double>> throughputs = perContender(contenders);
        Map<Contender, List<Long>> latencies = perContender(contenders);
        for (int round = -warmups; round < rounds; round++) {
            List<Contender> order = new ArrayList<>(contenders);
            java.util.Collections.rotate(order, -Math.floorMod(round, contenders.size()));
            for (Contender contender : order) {
                Contender.Trial trial = contender.prepare(round);
                Recorder recorder = new Recorder();
                long start = System.nanoTime();
                trial.run(recorder);
                long elapsed = System.nanoTime() - start;
                double perSecond = recorder.items() / (elapsed / 1e9);
                LOG.info(
                        "  {} round {}: {} {} in {} ms",
                        contender.name(),
                        round,
                        recorder.items(),
                        unit,
                        elapsed / 1_000_000);
                if (round >= 0) {
                    throughputs.get(contender).add(perSecond);
                    latencies.get(contender).addAll(recorder.latencies());
                }
            }
        }
        return results(contenders, throughputs, latencies, unit, rounds);
    }

    private static <T> Map<Contender, List<T>> perContender(List<Contender> contenders) {
        Map<Contender, List<T>> lists = new LinkedHashMap<>();
        contenders.forEach(contender -> lists.put(contender, new ArrayList<>()));
        return lists;
    }

    private static List<VariantResult> results(
            List<Contender> contenders,
            Map<Contender, List<Double>> throughputs,
            Map<Contender, List<Long>> latencies,
            String unit,
            int rounds) {
        List<VariantResult> results = new ArrayList<>();
        for (Contender contender : contenders) {
            results.add(VariantResult.of(
                    contender.name(),
                    contender.ours(),
                    Stats.median(throughputs.get(contender)),
                    unit,
                    latencies.get(contender),
                    rounds));
        }
        return results;
    }
}
