package dev.graphmemory.model;

import java.util.Locale;

/** What kind of recurring behaviour a pattern describes. */
public enum PatternType {
    /** Something the user tends to do. */
    BEHAVIOR,
    /** Something that reliably sets off a behaviour or a state. */
    TRIGGER,
    /** An approach that keeps working. */
    SUCCESS,
    /** An approach that keeps failing. */
    FAILURE;

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
    public static PatternType parse(String field, String text) {
        return Validate.oneOf(field, text, PatternType.class);
    }
}
