package dev.graphmemory.bench.report;

/**
 * The target of a scenario's ratio.
 *
 * @param value the number to reach
 * @param atMost whether the ratio must stay at or below it (a latency ratio) instead of at or above it
 */
public record Target(double value, boolean atMost) {

    /** A ratio that must be at least {@code value}. */
    public static Target atLeast(double value) {
        return new Target(value, false);
    }

    /** A ratio that must be at most {@code value}. */
    public static Target atMost(double value) {
        return new Target(value, true);
    }

    /** Whether {@code ratio} meets it. */
    public boolean met(double ratio) {
        return atMost ? ratio <= value : ratio >= value;
    }

    /** {@code ≥ 0.9} or {@code ≤ 1.5}. */
    public String text() {
        return (atMost ? "≤ " : "≥ ") + Numbers.ratio(value);
    }
}
