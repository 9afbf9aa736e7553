package dev.graphmemory.app.snapshot;

import java.io.PrintStream;

/**
 * A progress bar on standard error, drawn only when there is a terminal to draw on; otherwise silent, so that logs
 * and pipes stay clean. It redraws at most ten times a second.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final long total;
    private long done;
    private long lastDraw;

    private Progress(PrintStream out, boolean enabled, String label, long total) {
        this.out = out;
        this.enabled = enabled;
        this.label = label;
        this.total = total;
    }

    /** A bar on standard error if it is a terminal. */
    public static Progress onTerminal(String label, long total) {
        return new Progress(System.err, System.console() != null, label, total);
    }

    /** Counts {@code items} more. */
    public void advance(long items) {
        done += items;
        long now = System.nanoTime();
        if (enabled && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            draw();
        }
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        if (enabled) {
            draw();
            out.println();
        }
    }

    private void draw() {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        out.printf(
                "\r%s [%s%s] %3d%% %,d/%,d",
                label, "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100), done, total);
        out.flush();
    }
}
