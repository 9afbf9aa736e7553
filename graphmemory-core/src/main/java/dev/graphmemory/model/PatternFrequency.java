package dev.graphmemory.model;

import java.util.List;
import java.util.Map;

/**
 * How often a pattern shows: a term of an open vocabulary. Any word or words are accepted and stored canonically
 * ({@link Validate#term}: lower case, spaces and dashes as {@code _}, so {@code 7-day} is {@code 7_day}), so that the
 * values the original adapter's callers send keep working; the {@linkplain #known() known} ones are documented.
 *
 * @param value the canonical term, stored in the graph and used in tools
 */
public record PatternFrequency(String value) {
    private static final Map<String, String> SYNONYMS = Map.of("situationally", "situational");

    /** Several times a day. */
    public static final PatternFrequency HOURLY = new PatternFrequency("hourly");
    /** Most days. */
    public static final PatternFrequency DAILY = new PatternFrequency("daily");
    /** Most weeks. */
    public static final PatternFrequency WEEKLY = new PatternFrequency("weekly");
    /** Most months. */
    public static final PatternFrequency MONTHLY = new PatternFrequency("monthly");
    /** When a given situation arises. */
    public static final PatternFrequency SITUATIONAL = new PatternFrequency("situational");

    private static final List<PatternFrequency> KNOWN = List.of(HOURLY, DAILY, WEEKLY, MONTHLY, SITUATIONAL);

    /** Makes the value canonical. */
    public PatternFrequency {
        value = Validate.term("frequency", value, SYNONYMS);
    }

    /** The documented frequencies, most frequent first. */
    public static List<PatternFrequency> known() {
        return KNOWN;
    }

    /** Whether this is one of the {@linkplain #known() documented} frequencies. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /**
     * Parses a value: any word or words, made canonical.
     *
     * @param field the input field, named in the error
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text is blank or not a term
     */
    public static PatternFrequency parse(String field, String text) {
        return new PatternFrequency(Validate.term(field, text, SYNONYMS));
    }

    /** The canonical value. */
    @Override
    public String toString() {
        return value;
    }
}
