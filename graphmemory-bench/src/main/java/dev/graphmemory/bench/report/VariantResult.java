package dev.graphmemory.bench.report;

import java.util.List;

/**
 * What one variant of a scenario achieved.
 *
 * @param name the variant, e.g. {@code graphmemory} or {@code raw driver}
 * @param ours whether it is the library
 * @param throughput the median over rounds, in {@code unit} per second
 * @param unit what is counted, e.g. {@code entities}
 * @param p50Millis the median latency of one call
 * @param p99Millis the 99th percentile latency of one call
 * @param rounds the rounds counted
 * @param calls the calls timed over those rounds
 */
public record VariantResult(
        String name,
        boolean ours,
        double throughput,
        String unit,
        double p50Millis,
        double p99Millis,
        int rounds,
        long calls) {

    /** A result from the median throughput and every call's latency in nanoseconds. */
    public static VariantResult of(
            String name, boolean ours, double throughput, String unit, List<Long> latencyNanos, int rounds) {
        return new VariantResult(
                name,
                ours,
                throughput,
                unit,
                Stats.percentile(latencyNanos, 50) / 1e6,
                Stats.percentile(latencyNanos, 99) / 1e6,
                rounds,
                latencyNanos.size());
    }
}
