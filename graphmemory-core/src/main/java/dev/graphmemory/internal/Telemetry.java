package dev.graphmemory.internal;

import org.neo4j.driver.summary.SummaryCounters;

/**
 * What graphmemory measures about itself: operation latency and outcome, retries, and what was written. The default
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

    /** The outcome tag of a failure. */
    static String outcome(Throwable failure) {
        Throwable translated = Errors.translate(failure);
        return translated instanceof dev.graphmemory.exceptions.MemoryException memory
                ? memory.errorCode()
                : translated.getClass().getSimpleName();
    }
}
