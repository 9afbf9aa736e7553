package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The input rules every record checks in its compact constructor. Each failure is an {@link InvalidInputException}
 * that names the field and the rule, raised before anything reaches the database.
 */
public final class Validate {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,63}");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_]{0,39}");
    private static final Pattern TERM_SEPARATORS = Pattern.compile("[\\s_-]+");
    /** Letters and symbols that render as blank space. */
    private static final Set<Integer> BLANK_FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E);

    private Validate() {}

    /** Required multi-line text: trimmed, not blank, at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return checkText(field, value, max, true);
    }

    /** Optional multi-line text; {@code null} or blank means absent. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checkText(field, value, max, true);
    }

    /** Required single-line text (names, agents): like {@link #text} but without line breaks. */
    public static String line(String field, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return checkText(field, value, max, false);
    }

    /** Optional single-line text; {@code null} or blank gives the default. */
    public static String optionalLine(String field, String value, int max, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : checkText(field, value, max, false);
    }

    /** A domain such as {@code work}: lower-cased, letters, digits, space, {@code _ . -}; {@code null} gives the default. */
    public static String domain(String field, String value, String defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String domain = checkText(field, value, 64, false).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidInputException(
                    field, "must start with a letter or digit and use only letters, digits, spaces and _ . -");
        }
        return domain;
    }

    /** An id of a memory: 1–128 characters of letters, digits and {@code _ . : -}. */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String id = value.strip();
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(
                    field, "must be an id of 1 to 128 letters, digits or _ . : - (as returned when it was stored)");
        }
        return id;
    }

    /** A namespace: 1–64 characters of letters, digits and {@code _ . -}. */
    public static String namespace(String value) {
        if (value == null || !NAMESPACE.matcher(value).matches()) {
            throw new InvalidInputException("namespace", "must be 1 to 64 letters, digits or _ . -");
        }
        return value;
    }

    /** A whole number within bounds. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** A number within bounds; NaN and infinities are refused. */
    public static double range(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** An optional whole number: {@code null} gives the default, otherwise {@code min} to {@code max}. */
    public static int optionalRange(String field, Integer value, int defaultValue, int min, int max) {
        return value == null ? defaultValue : range(field, value, min, max);
    }

    /** A result limit: {@code null} gives the default, otherwise 1 to {@code max}. */
    public static int limit(String field, Integer value, int defaultValue, int max) {
        return value == null ? defaultValue : range(field, value, 1, max);
    }

    /**
     * Parses an enum constant from its name, ignoring case and treating spaces and dashes as underscores, so that
     * {@code "leads_to"}, {@code "LEADS_TO"} and {@code "Leads-To"} all name {@code LEADS_TO}.
     */
    public static <E extends Enum<E>> E oneOf(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required; one of " + allowed(type));
        }
        String wanted = text.strip().replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "must be one of " + allowed(type) + " (was '" + abbreviate(text) + "')");
    }

    /**
     * A term of an open vocabulary (a pattern's type or frequency, an entity's type) in its canonical form: Unicode
     * form, case and spacing as in {@link #normalizedKey}, then every run of spaces, dashes and underscores made one
     * underscore ({@code "Task Completion"} and {@code "task-completion"} are {@code task_completion}); a synonym is
     * replaced by its term. The result is 1 to 40 letters, digits and underscores, starting with a letter or digit.
     */
    public static String term(String field, String text, Map<String, String> synonyms) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String term =
                TERM_SEPARATORS.matcher(normalizedKey(text)).replaceAll("_").replaceAll("^_+|_+$", "");
        if (!TERM.matcher(term).matches()) {
            throw new InvalidInputException(
                    field,
                    "must be a word or words of letters and digits (at most 40 characters), e.g. habit or 7-day (was '"
                            + abbreviate(text) + "')");
        }
        return synonyms.getOrDefault(term, term);
    }

    /** Requires a value that has no default. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    /** A list of short texts, each checked as {@link #text}; {@code null} gives an empty list. */
    public static List<String> texts(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw new InvalidInputException(
                    field, "must have at most " + maxItems + " items (had " + values.size() + ")");
        }
        String[] checked = new String[values.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = text(field + "[" + i + "]", values.get(i), maxLength);
        }
        return List.of(checked);
    }

    /**
     * Properties stored on a relationship: at most {@code maxEntries} keys of the form {@code [A-Za-z_][A-Za-z0-9_]*},
     * none of {@code reserved}, with string, number or boolean values.
     */
    public static Map<String, Object> properties(
            String field, Map<String, ?> values, int maxEntries, List<String> reserved) {
        if (values == null) {
            return Map.of();
        }
        if (values.size() > maxEntries) {
            throw new InvalidInputException(field, "must have at most " + maxEntries + " entries");
        }
        return values.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> propertyKey(field, entry.getKey(), reserved),
                        entry -> propertyValue(field + "." + entry.getKey(), entry.getValue())));
    }

    /**
     * The key two names share when they differ only in case, spacing, invisible characters or Unicode form: format
     * characters (Unicode category Cf: zero-width spaces and joiners, the byte-order mark, word joiners, bidi marks)
     * removed, NFKC-normalized (which turns no-break and other typographic spaces into plain spaces), trimmed, inner
     * whitespace collapsed to one space, lower-cased. Format characters go first because they are invisible: two
     * names that look the same must be the same entity.
     */
    public static String normalizedKey(String text) {
        String normalized = Normalizer.normalize(withoutFormatCharacters(text), Normalizer.Form.NFKC)
                .strip();
        return WHITESPACE.matcher(normalized).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The text without its format characters (Unicode category Cf), which render as nothing. */
    static String withoutFormatCharacters(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.FORMAT) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(text, i, next);
            }
            i = next;
        }
        return kept == null ? text : kept.toString();
    }

    private static String propertyKey(String field, String key, List<String> reserved) {
        if (key == null || !PROPERTY_KEY.matcher(key).matches()) {
            throw new InvalidInputException(field, "keys must match [A-Za-z_][A-Za-z0-9_]* (at most 64 characters)");
        }
        if (reserved.contains(key)) {
            throw new InvalidInputException(field, "must not set the reserved key '" + key + "'");
        }
        return key;
    }

    private static Object propertyValue(String field, Object value) {
        if (value instanceof String text) {
            return text(field, text, 1_000);
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value instanceof Integer number ? Long.valueOf(number) : value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new InvalidInputException(field, "must be a finite number");
            }
            return number;
        }
        throw new InvalidInputException(field, "must be a string, a number or a boolean");
    }

    private static String checkText(String field, String value, int max, boolean multiLine) {
        String text = stripInvisible(value);
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidInputException(
                    field, "must be at most " + max + " characters (was " + text.length() + ")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidInputException(
                        field,
                        String.format("must not contain control characters (U+%04X at position %d)", (int) c, i));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new InvalidInputException(
                            field, "must be valid Unicode (unpaired surrogate at position " + i + ")");
                }
                i++;
            }
        }
        if (!hasVisibleCharacter(text)) {
            throw new InvalidInputException(field, "must contain a visible character (it has only spaces or fillers)");
        }
        return text;
    }

    /**
     * The text without leading and trailing white space, no-break spaces and format characters (Unicode category Cf):
     * an invisible character at either end of a name is a copy-and-paste accident, never part of the name. Inside the
     * text they stay as given (a zero-width joiner holds an emoji sequence together); keys drop them.
     */
    private static String stripInvisible(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isInvisibleEdge(value.charAt(start))) {
            start++;
        }
        while (end > start && isInvisibleEdge(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isInvisibleEdge(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /**
     * Whether the text has a character that renders as something: not white space, not a format character, not a
     * control, and not one of the blank "filler" letters (Hangul fillers, the blank Braille pattern) that render as
     * nothing although Unicode files them as letters or symbols.
     */
    private static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(codePoint -> {
            int type = Character.getType(codePoint);
            return !Character.isWhitespace(codePoint)
                    && !Character.isSpaceChar(codePoint)
                    && type != Character.FORMAT
                    && type != Character.CONTROL
                    && !BLANK_FILLERS.contains(codePoint);
        });
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
