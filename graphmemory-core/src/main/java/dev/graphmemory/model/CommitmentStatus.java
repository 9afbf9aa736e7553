package dev.graphmemory.model;

import java.util.Locale;

/** Where a commitment stands. */
public enum CommitmentStatus {
    /** Promised, not yet done. */
    PENDING,
    /** Done; {@code completedAt} says when. */
    COMPLETED;

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
