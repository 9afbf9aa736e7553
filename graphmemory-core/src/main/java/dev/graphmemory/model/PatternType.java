package dev.graphmemory.model;

import java.util.List;
import java.util.Map;

/**
 * What kind of recurring behaviour a pattern describes: a term of an open vocabulary. Any word or words are accepted
 * and stored canonically ({@link Validate#term}: lower case, spaces and dashes as {@code _}), so that the values the
 * original adapter's callers send ({@code task_completion}, {@code habit}, {@code trend}, …) keep working; the
 * {@linkplain #known() known} ones are documented, and {@code behavioral} (the original's default) is
 * {@link #BEHAVIOR}.
 *
 * <pre>{@code
 * PatternType habit = PatternType.HABIT;
 * PatternType same = PatternType.parse("type", "Habit"); // equals HABIT
 * }</pre>
 *
 * @param value the canonical term, stored in the graph and used in tools
 */
public record PatternType(String value) {
    private static final Map<String, String> SYNONYMS =
            Map.of("behavioral", "behavior", "behavioural", "behavior", "behaviour", "behavior");

    /** Something the user tends to do. */
    public static final PatternType BEHAVIOR = new PatternType("behavior");
    /** Something that reliably sets off a behaviour or a state. */
    public static final PatternType TRIGGER = new PatternType("trigger");
    /** An approach that keeps working. */
    public static final PatternType SUCCESS = new PatternType("success");
    /** An approach that keeps failing. */
    public static final PatternType FAILURE = new PatternType("failure");
    /** How the user gets tasks done (when, how fast, in what order). */
    public static final PatternType TASK_COMPLETION = new PatternType("task_completion");
    /** A routine the user keeps. */
    public static final PatternType HABIT = new PatternType("habit");
    /** Something changing over time. */
    public static final PatternType TREND = new PatternType("trend");
    /** A conclusion drawn from several observations. */
    public static final PatternType INSIGHT = new PatternType("insight");

    private static final List<PatternType> KNOWN =
            List.of(BEHAVIOR, TRIGGER, SUCCESS, FAILURE, TASK_COMPLETION, HABIT, TREND, INSIGHT);

    /** Makes the value canonical. */
    public PatternType {
        value = Validate.term("type", value, SYNONYMS);
    }

    /** The documented types, in the order above. */
    public static List<PatternType> known() {
        return KNOWN;
    }

    /** Whether this is one of the {@linkplain #known() documented} types. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /**
     * Parses a value: any word or words, made canonical.
     *
     * @param field the input field, named in the error
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text is blank or not a term
     */
    public static PatternType parse(String field, String text) {
        return new PatternType(Validate.term(field, text, SYNONYMS));
    }

    /** The canonical value. */
    @Override
    public String toString() {
        return value;
    }
}
