package dev.graphmemory.model;

import java.util.Locale;

/**
 * Where a commitment stands. A commitment is created {@link #PENDING}; {@code completeCommitment} makes it
 * {@link #COMPLETED}, {@code setCommitmentStatus} any of the four (the original adapter's documented set).
 */
public enum CommitmentStatus {
    /** Promised, not yet done. */
    PENDING,
    /** Done; {@code completedAt} says when. */
    COMPLETED,
    /** Given up or missed: it will not be done. */
    FAILED,
    /** Put off: not done, and not counted as overdue. */
    DEFERRED;

    /** The value stored in the graph and used in tools: the lower-case name. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a value, ignoring case.
     *
     * @param field the input field, named in the error
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text names no constant
     */
    public static CommitmentStatus parse(String field, String text) {
        return Validate.oneOf(field, text, CommitmentStatus.class);
    }
}
