package dev.graphmemory.internal.telemetry;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Daemon threads of graphmemory's own workers, named so that a thread dump shows whose they are. */
public final class DaemonThreads {
    /** How often {@link #pauseWhile} looks again. */
    private static final long PAUSE_MILLIS = 5;

    private DaemonThreads() {}

    /**
     * Waits while {@code busy} holds, looking again every few milliseconds, for {@code most} at the longest: how a
     * background worker gives way to calls.
     *
     * @return false if the thread was interrupted meanwhile (its interrupt flag is set again)
     */
    public static boolean pauseWhile(BooleanSupplier busy, Duration most) {
        long deadline = System.nanoTime() + most.toNanos();
        while (busy.getAsBoolean() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Threads named {@code prefix}, or {@code prefix} and a count when it ends with {@code -}. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
