package dev.graphmemory.model;

import java.util.Locale;

/** How often a pattern shows. */
public enum PatternFrequency {
    /** Most days. */
    DAILY,
    /** Most weeks. */
    WEEKLY,
    /** When a given situation arises. */
    SITUATIONAL;

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
    public static PatternFrequency parse(String field, String text) {
        return Validate.oneOf(field, text, PatternFrequency.class);
    }
}
