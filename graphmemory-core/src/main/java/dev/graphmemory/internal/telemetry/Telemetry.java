package dev.graphmemory.internal.telemetry;

import org.neo4j.driver.summary.SummaryCounters;

/**
 * What graphmemory measures about itself: operation latency and outcome, retries, what was written, and how writes
 * were coalesced. The default
 * records nothing; {@link MicrometerTelemetry} records into a Micrometer registry when the application gives one.
 */
public interface Telemetry {
    /** Records nothing. */
    Telemetry NONE = new Telemetry() {};

    /**
     * An operation ended.
     *
     * @param outcome {@code success}, or the error code of its failure
     */
    default void operation(String name, long nanos, String outcome) {}

    /** An operation is about to be retried after a transient failure. */
    default void retry(String name) {}

    /** A statement wrote to the graph. */
    default void written(SummaryCounters counters) {}

    /** Coalesced writes of one kind started as one transaction of {@code size} writes. */
    default void coalesced(String name, int size) {}

    /** A coalesced write waited this long in the queue before its transaction started. */
    default void coalescingWait(String name, long nanos) {}

    /** A coalesced transaction failed as a whole, and its writes ran alone instead. */
    default void coalescingFallback(String name) {}

    /** A write was refused because the coalescing queue was full. */
    default void coalescingRejected(String name) {}

    /** The embedder embedded this many memories in one batch, taking this long. */
    default void embedded(int memories, long nanos) {}

    /** The search indexer moved this many new nodes into the full-text index. */
    default void searchIndexed(long nodes) {}
}
