package dev.graphmemory.internal.query;

import dev.graphmemory.internal.cypher.Nodes;
import dev.graphmemory.internal.cypher.SearchIndexing;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/**
 * Converts query results into values any JSON encoder can write: strings, longs, doubles, booleans, {@code null},
 * lists and maps. Nodes and relationships become maps of their (non-internal) properties with {@code _labels} or
 * {@code _type}; temporal values and durations become ISO-8601 strings; points become maps.
 *
 * <p>Conversion spends a {@link Budget} of characters, counted as the compact JSON text of the values would count
 * them (strings with their quotes, keys, brackets; escapes are not counted). When it runs out, the string being
 * converted is cut and ends in {@code …}, and lists and maps end early; the budget then says it cut something. An
 * answer can therefore never be larger than its budget, however large the values the query built.
 */
public final class JsonValues {
    /** Marks a string that was cut to fit the budget. */
    static final String ELLIPSIS = "…";

    private JsonValues() {}

    /** Characters left to spend, and whether anything was cut for want of them. */
    public static final class Budget {
        private long remaining;
        private boolean cut;

        /** A budget of {@code chars} characters. */
        public Budget(long chars) {
            this.remaining = chars;
        }

        /** Characters left. */
        public long remaining() {
            return remaining;
        }

        /** Whether something was cut or left out. */
        public boolean cut() {
            return cut;
        }

        /** Records that something was left out without converting it. */
        void leftOut() {
            cut = true;
        }

        private boolean spend(long chars) {
            remaining -= chars;
            return remaining >= 0;
        }
    }

    /** The JSON-safe form of a driver value, whole. */
    public static Object of(Value value) {
        return of(value, new Budget(Long.MAX_VALUE));
    }

    /** The JSON-safe form of a driver value, within what is left of {@code budget}. */
    public static Object of(Value value, Budget budget) {
        return convert(value.asObject(), budget);
    }

    /**
     * About how many characters the JSON text of a driver value takes, counting no further than {@code limit} (so a
     * huge value is not walked to its end).
     */
    public static long size(Value value, long limit) {
        Budget counter = new Budget(limit);
        convert(value.asObject(), counter);
        return counter.cut() ? limit + 1 : limit - counter.remaining();
    }

    private static Object convert(Object value, Budget budget) {
        if (value == null) {
            budget.spend(4);
            return null;
        }
        if (value instanceof String text) {
            return string(text, budget);
        }
        if (value instanceof Boolean || value instanceof Long) {
            budget.spend(value.toString().length());
            return value;
        }
        if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                return string(number.toString(), budget);
            }
            budget.spend(number.toString().length());
            return number;
        }
        if (value instanceof Number number) {
            budget.spend(number.toString().length());
            return number;
        }
        if (value instanceof Node node) {
            Map<String, Object> map = properties(node.asMap(), budget);
            List<String> labels = new ArrayList<>();
            node.labels().forEach(label -> {
                // Whether a node is in the full-text index or has its embedding yet is the indexers' bookkeeping, not
                // the memory's.
                if (!label.equals(SearchIndexing.PENDING)
                        && !label.equals(SearchIndexing.INDEXED)
                        && !label.equals(SearchIndexing.EMBED_PENDING)) {
                    labels.add(label);
                    budget.spend(label.length() + 3);
                }
            });
            budget.spend(12);
            map.put("_labels", labels);
            return map;
        }
        if (value instanceof Relationship relationship) {
            Map<String, Object> map = properties(relationship.asMap(), budget);
            budget.spend(relationship.type().length() + 11);
            map.put("_type", relationship.type());
            return map;
        }
        if (value instanceof Path path) {
            List<Object> elements = new ArrayList<>();
            budget.spend(2);
            for (Path.Segment segment : path) {
                if (budget.remaining() <= 0) {
                    budget.leftOut();
                    break;
                }
                if (elements.isEmpty()) {
                    elements.add(convert(segment.start(), budget));
                }
                elements.add(convert(segment.relationship(), budget));
                elements.add(convert(segment.end(), budget));
            }
            return elements;
        }
        if (value instanceof TemporalAccessor || value instanceof IsoDuration) {
            return string(value.toString(), budget);
        }
        if (value instanceof Point point) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("srid", (long) point.srid());
            map.put("x", point.x());
            map.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                map.put("z", point.z());
            }
            budget.spend(60);
            return map;
        }
        if (value instanceof byte[] bytes) {
            return string(java.util.Base64.getEncoder().encodeToString(bytes), budget);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(Math.min(list.size(), 1_024));
            budget.spend(2);
            for (Object element : list) {
                if (budget.remaining() <= 0) {
                    budget.leftOut();
                    break;
                }
                converted.add(convert(element, budget));
                budget.spend(1);
            }
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            budget.spend(2);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (budget.remaining() <= 0) {
                    budget.leftOut();
                    break;
                }
                String key = String.valueOf(entry.getKey());
                budget.spend(key.length() + 4);
                converted.put(key, convert(entry.getValue(), budget));
            }
            return converted;
        }
        return string(value.toString(), budget);
    }

    /** The string, or as much of it as the budget allows, ending in … . */
    private static String string(String text, Budget budget) {
        long cost = text.length() + 2L;
        if (budget.remaining() >= cost) {
            budget.spend(cost);
            return text;
        }
        int keep = (int) Math.max(0, Math.min(text.length(), budget.remaining() - 3));
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        budget.spend(budget.remaining() + 1);
        budget.leftOut();
        return text.substring(0, keep) + ELLIPSIS;
    }

    private static Map<String, Object> properties(Map<String, Object> properties, Budget budget) {
        Map<String, Object> map = new LinkedHashMap<>();
        budget.spend(2);
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (Nodes.INTERNAL_PROPERTIES.contains(key) && !key.equals("id")) {
                continue;
            }
            if (budget.remaining() <= 0) {
                budget.leftOut();
                break;
            }
            budget.spend(key.length() + 4);
            map.put(key, convert(entry.getValue(), budget));
        }
        return map;
    }
}
