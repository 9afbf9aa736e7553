package dev.graphmemory.model;

import java.util.Locale;

/** What an entity is. */
public enum EntityType {
    /** A person. */
    PERSON,
    /** A client or customer. */
    CLIENT,
    /** A project or initiative. */
    PROJECT,
    /** A company, team or other organization. */
    ORGANIZATION;

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
    public static EntityType parse(String field, String text) {
        return Validate.oneOf(field, text, EntityType.class);
    }
}
