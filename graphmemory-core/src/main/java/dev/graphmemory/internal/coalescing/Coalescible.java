package dev.graphmemory.internal.coalescing;

/**
 * A kind of single write that {@link Coalescer} may merge with others of its kind into one set-based statement.
 *
 * @param <I> the input of one write
 * @param <T> its result
 */
public interface Coalescible<I, T> {

    /** The operation, in metrics and logs. */
    String name();

    /**
     * What two writes of one batch must not share, because the batch statement would merge them into one row (the same
     * entity name, pattern or link): such a write waits for the next batch and then sees the first one committed,
     * exactly as if it had run alone after it; {@code null} when writes never share anything.
     */
    Object keyOf(I input);
}
