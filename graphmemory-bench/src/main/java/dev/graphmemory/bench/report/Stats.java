package dev.graphmemory.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Medians and percentiles of measurements. */
public final class Stats {
    private Stats() {}

    /** The median; the mean of the two middle values for an even count. */
    public static double median(Collection<? extends Number> values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The {@code p}-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value that at least p% of
     * the values do not exceed. With few values the 99th percentile is the largest, which is the honest answer.
     */
    public static double percentile(Collection<? extends Number> values, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100], was " + p);
        }
        double[] sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double[] sorted(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
