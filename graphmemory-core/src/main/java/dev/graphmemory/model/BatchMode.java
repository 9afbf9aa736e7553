package dev.graphmemory.model;

import java.util.Locale;

/** How a batch treats failure. */
public enum BatchMode {
    /** One transaction for the whole batch: every item is stored or none is. */
    ATOMIC,
    /** One transaction per chunk: a failing chunk reports its items as failed and the others are kept. */
    BEST_EFFORT;

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
    public static BatchMode parse(String field, String text) {
        return Validate.oneOf(field, text, BatchMode.class);
    }
}
