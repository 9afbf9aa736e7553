package dev.graphmemory.bench.report;

import java.util.Locale;

/** How numbers are printed in the reports: fixed locale, a sensible number of digits. */
public final class Numbers {
    private Numbers() {}

    /** A ratio: two decimals below 10, one below 100, none above. */
    public static String ratio(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    /** A throughput: thousands separated, one decimal below 100. */
    public static String throughput(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    /** Milliseconds: three significant digits or so. */
    public static String millis(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    /** A number for JSON: plain, no separators, at most six decimals. */
    public static String json(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }
}
