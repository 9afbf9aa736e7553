package dev.graphmemory.internal.telemetry;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads of graphmemory's own workers, named so that a thread dump shows whose they are. */
public final class DaemonThreads {
    private DaemonThreads() {}

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
