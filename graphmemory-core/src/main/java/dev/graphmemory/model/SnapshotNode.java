package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A memory as it is stored, every property included, for export and import. Property values are strings, longs,
 * doubles, booleans, {@link LocalDate}s, {@link ZonedDateTime}s, or lists of those.
 *
 * @param id its id
 * @param kind its kind
 * @param properties its properties, without {@code id} and {@code namespace}
 */
public record SnapshotNode(String id, MemoryKind kind, Map<String, Object> properties) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /** Checks the id, the kind and every property. */
    public SnapshotNode {
        id = Validate.id("id", id);
        Validate.required("kind", kind);
        properties = checked(properties);
    }

    static Map<String, Object> checked(Map<String, Object> properties) {
        if (properties == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches() || key.equals("id") || key.equals("namespace")) {
                throw new InvalidInputException("properties", "has an invalid or reserved key '" + key + "'");
            }
            if (!storable(value)) {
                throw new InvalidInputException(
                        "properties." + key, "must be a string, number, boolean, date, date-time or a list of those");
            }
            copy.put(key, value instanceof List<?> list ? List.copyOf(list) : value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static boolean storable(Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .allMatch(element -> element != null && !(element instanceof List) && storable(element));
        }
        return value instanceof String
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof LocalDate
                || value instanceof ZonedDateTime;
    }
}
