package dev.graphmemory;

import java.time.Duration;
import java.util.Objects;

/**
 * Write coalescing: concurrent single writes of the same kind, called on a {@link GraphMemory} itself (blocking or
 * through {@link GraphMemory#async()}), are gathered for at most {@link #window()} and run together as one set-based
 * transaction, each caller getting its own result or its own failure. Turn it on with
 * {@link MemoryConfig.Builder#coalescing(Coalescing)}:
 *
 * <pre>{@code
 * MemoryConfig config = MemoryConfig.builder()
 *         .uri(boltUri)
 *         .coalescing(Coalescing.defaults().withWindow(Duration.ofMillis(2)))
 *         .build();
 * }</pre>
 *
 * <p>It applies to {@code createEntity}, {@code linkNodes} (one link), {@code createCommitment},
 * {@code recordDecision} and {@code recordPattern}. Reads, batches, sessions and transaction scopes are never
 * coalesced. A write waits up to the window before its transaction starts, and a write that arrives while a
 * coalesced transaction runs waits for it to end (unless it runs far longer than transactions usually do, when another
 * one starts beside it, up to {@link #concurrency()}); in exchange, many concurrent writers share each commit.
 *
 * @param window how long the first write of a batch waits for others to join it (0 to 1 s)
 * @param maxBatch most writes in one transaction (1 to 50,000); a batch this full does not wait out the window
 * @param queueCapacity most writes waiting at once; beyond it a write fails at once with a {@code BusyException}
 * @param concurrency most coalesced transactions running at once
 */
public record Coalescing(Duration window, int maxBatch, int queueCapacity, int concurrency) {
    /** The default window: 1 ms. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(1);
    /** The default largest batch: 1,000 writes. */
    public static final int DEFAULT_MAX_BATCH = 1_000;
    /** The default bound of the queue: 10,000 writes. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** The default number of coalesced transactions running at once: 4. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /** Checks the settings. */
    public Coalescing {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("coalescing window must be between 0 and 1 s, was " + window);
        }
        between("maxBatch", maxBatch, 50_000);
        between("queueCapacity", queueCapacity, 10_000_000);
        between("concurrency", concurrency, 1_000);
    }

    /** A 1 ms window, batches of at most 1,000, at most 10,000 writes waiting, 4 transactions at once. */
    public static Coalescing defaults() {
        return new Coalescing(DEFAULT_WINDOW, DEFAULT_MAX_BATCH, DEFAULT_QUEUE_CAPACITY, DEFAULT_CONCURRENCY);
    }

    /** The same settings with another window. */
    public Coalescing withWindow(Duration value) {
        return new Coalescing(value, maxBatch, queueCapacity, concurrency);
    }

    /** The same settings with another largest batch. */
    public Coalescing withMaxBatch(int value) {
        return new Coalescing(window, value, queueCapacity, concurrency);
    }

    /** The same settings with another bound of the queue. */
    public Coalescing withQueueCapacity(int value) {
        return new Coalescing(window, maxBatch, value, concurrency);
    }

    /** The same settings with another number of transactions at once. */
    public Coalescing withConcurrency(int value) {
        return new Coalescing(window, maxBatch, queueCapacity, value);
    }

    private static void between(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", was " + value);
        }
    }
}
