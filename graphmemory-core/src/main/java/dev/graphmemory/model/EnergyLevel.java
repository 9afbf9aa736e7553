package dev.graphmemory.model;

import java.util.Locale;

/** The user's energy at a moment. */
public enum EnergyLevel {
    /** Ready for demanding work. */
    HIGH,
    /** Fine for routine work. */
    MEDIUM,
    /** Best kept to light work or rest. */
    LOW;

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
    public static EnergyLevel parse(String field, String text) {
        return Validate.oneOf(field, text, EnergyLevel.class);
    }
}
