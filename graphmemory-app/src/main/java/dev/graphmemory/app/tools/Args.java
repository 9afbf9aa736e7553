package dev.graphmemory.app.tools;

import dev.graphmemory.exceptions.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The arguments of one tool call, checked against the tool's {@link Param}s before anything runs: no unknown names,
 * every required one present, every value of its JSON type, within its bounds and among its allowed values. A broken
 * rule is an {@link InvalidInputException} naming the argument (with its path inside lists, e.g.
 * {@code entities[2].type}).
 */
public final class Args {
    private final String path;
    private final Map<String, Object> values;

    private Args(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** Checks {@code raw} against {@code params}. */
    public static Args check(Map<String, Object> raw, List<Param> params) {
        return check("", raw == null ? Map.of() : raw, params);
    }

    private static Args check(String path, Map<String, Object> raw, List<Param> params) {
        Map<String, Param> byName = new HashMap<>();
        params.forEach(param -> byName.put(param.name(), param));
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                String expected = params.isEmpty()
                        ? "this tool takes no arguments"
                        : "expected " + params.stream().map(Param::name).collect(Collectors.joining(", "));
                throw new InvalidInputException(path + name, "is not an argument of this tool; " + expected);
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Param param : params) {
            Object value = raw.get(param.name());
            if (value == null || isEmptyChoice(param, value)) {
                if (param.required()) {
                    throw new InvalidInputException(path + param.name(), "is required");
                }
                continue;
            }
            values.put(param.name(), checkValue(path + param.name(), param, value));
        }
        return new Args(path, values);
    }

    /**
     * An empty string for an argument with allowed values means "not given": the original adapter's callers send
     * {@code status: ""} for "any status" and {@code relationship_type: ""} for "any type".
     */
    private static boolean isEmptyChoice(Param param, Object value) {
        return param.type() == Param.Type.STRING
                && !param.values().isEmpty()
                && value instanceof String text
                && text.isBlank();
    }

    @SuppressWarnings("unchecked")
    private static Object checkValue(String field, Param param, Object value) {
        switch (param.type()) {
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw typeError(field, "a string", value);
                }
                if (!param.values().isEmpty()) {
                    return oneOf(field, param.values(), text);
                }
                if (param.maxLength() != null && text.length() > param.maxLength()) {
                    throw new InvalidInputException(field, "must be at most " + param.maxLength() + " characters");
                }
                return text;
            }
            case INTEGER -> {
                long number = integral(field, value);
                checkBounds(field, param, number);
                return number;
            }
            case NUMBER -> {
                if (!(value instanceof Number number)) {
                    throw typeError(field, "a number", value);
                }
                double result = number.doubleValue();
                if (!Double.isFinite(result)) {
                    throw new InvalidInputException(field, "must be a finite number");
                }
                checkBounds(field, param, result);
                return result;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw typeError(field, "true or false", value);
                }
                return value;
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw typeError(field, "an object", value);
                }
                return param.items().isEmpty() ? map : check(field + ".", (Map<String, Object>) map, param.items());
            }
            case ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw typeError(field, "an array", value);
                }
                if (param.maxLength() != null && list.size() > param.maxLength()) {
                    throw new InvalidInputException(field, "must have at most " + param.maxLength() + " items");
                }
                List<Object> checked = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    String element = field + "[" + i + "]";
                    Object item = list.get(i);
                    if (param.itemType() == Param.Type.STRING) {
                        if (!(item instanceof String text)) {
                            throw typeError(element, "a string", item);
                        }
                        checked.add(param.values().isEmpty() ? text : oneOf(element, param.values(), text));
                    } else if (param.itemType() == Param.Type.NUMBER) {
                        if (!(item instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                            throw typeError(element, "a finite number", item);
                        }
                        checked.add(number.doubleValue());
                    } else {
                        if (!(item instanceof Map<?, ?> map)) {
                            throw typeError(element, "an object", item);
                        }
                        checked.add(check(element + ".", (Map<String, Object>) map, param.items()));
                    }
                }
                return checked;
            }
            default -> throw new IllegalStateException("unknown type " + param.type());
        }
    }

    /** The allowed value {@code text} names, ignoring case and treating spaces and dashes as underscores. */
    private static String oneOf(String field, List<String> values, String text) {
        String normalized =
                text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return values.stream()
                .filter(allowed -> allowed.equalsIgnoreCase(normalized))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field, "must be one of " + String.join(", ", values) + " (was '" + text + "')"));
    }

    private static long integral(String field, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (decimal.stripTrailingZeros().scale() <= 0
                    && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return decimal.longValueExact();
            }
        }
        throw typeError(field, "a whole number", value);
    }

    private static void checkBounds(String field, Param param, double value) {
        if (param.minimum() != null && value < param.minimum().doubleValue()
                || param.maximum() != null && value > param.maximum().doubleValue()) {
            String shown = value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
            throw new InvalidInputException(
                    field, "must be between " + param.minimum() + " and " + param.maximum() + " (was " + shown + ")");
        }
    }

    private static InvalidInputException typeError(String field, String expected, Object value) {
        String actual = value instanceof String
                ? "a string"
                : value instanceof Number
                        ? "a number"
                        : value instanceof Boolean
                                ? "a boolean"
                                : value instanceof List ? "an array" : value instanceof Map ? "an object" : "null";
        return new InvalidInputException(field, "must be " + expected + " (was " + actual + ")");
    }

    /** The string argument, or {@code null}. */
    public String string(String name) {
        return (String) values.get(name);
    }

    /** The integer argument, or {@code null}. */
    public Integer integer(String name) {
        Long value = (Long) values.get(name);
        return value == null ? null : Math.toIntExact(value);
    }

    /** The integer argument as a long, or {@code null}. */
    public Long longValue(String name) {
        return (Long) values.get(name);
    }

    /** The number argument, or {@code null}. */
    public Double number(String name) {
        return (Double) values.get(name);
    }

    /** The boolean argument, or {@code false} when it is not given. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /** The number list argument, or {@code null}. */
    @SuppressWarnings("unchecked")
    public List<Double> numbers(String name) {
        return (List<Double>) values.get(name);
    }

    /** The object argument as given, or {@code null}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return (Map<String, Object>) values.get(name);
    }

    /** The string list argument, or {@code null}. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    /** The list of checked objects, or an empty list. */
    @SuppressWarnings("unchecked")
    public List<Args> list(String name) {
        List<Args> list = (List<Args>) values.get(name);
        return list == null ? List.of() : list;
    }

    /** The path of this object in the call, e.g. {@code entities[2].}; empty at the top. */
    public String path() {
        return path;
    }
}
