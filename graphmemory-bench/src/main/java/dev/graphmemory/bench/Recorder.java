package dev.graphmemory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the calls of one round: how long each took and how many items it handled. Safe to use from several
 * threads at once (scenario S7).
 */
public final class Recorder {
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong items = new AtomicLong();

    /** Work to time; it may throw anything, which ends the round. */
    @FunctionalInterface
    public interface Call {
        /** Does the work. */
        void run() throws Exception;
    }

    /** Runs and times one call that handles {@code count} items. */
    public void time(int count, Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        latencies.add(System.nanoTime() - start);
        items.addAndGet(count);
    }

    /** The latency of every call, in nanoseconds. */
    public List<Long> latencies() {
        return new ArrayList<>(latencies);
    }

    /** The items handled. */
    public long items() {
        return items.get();
    }
}
