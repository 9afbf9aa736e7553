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
 */
public final class JsonValues {
    private JsonValues() {}

    /** The JSON-safe form of a driver value. */
    public static Object of(Value value) {
        return convert(value.asObject());
    }

    private static Object convert(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? number : number.toString();
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Node node) {
            Map<String, Object> map = properties(node.asMap());
            List<String> labels = new ArrayList<>();
            node.labels().forEach(label -> {
                // Whether a node is in the full-text index yet is the search indexer's bookkeeping, not the memory's.
                if (!label.equals(SearchIndexing.PENDING) && !label.equals(SearchIndexing.INDEXED)) {
                    labels.add(label);
                }
            });
            map.put("_labels", labels);
            return map;
        }
        if (value instanceof Relationship relationship) {
            Map<String, Object> map = properties(relationship.asMap());
            map.put("_type", relationship.type());
            return map;
        }
        if (value instanceof Path path) {
            List<Object> elements = new ArrayList<>();
            path.forEach(segment -> {
                if (elements.isEmpty()) {
                    elements.add(convert(segment.start()));
                }
                elements.add(convert(segment.relationship()));
                elements.add(convert(segment.end()));
            });
            return elements;
        }
        if (value instanceof TemporalAccessor || value instanceof IsoDuration) {
            return value.toString();
        }
        if (value instanceof Point point) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("srid", (long) point.srid());
            map.put("x", point.x());
            map.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                map.put("z", point.z());
            }
            return map;
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(convert(element)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, element) -> converted.put(String.valueOf(key), convert(element)));
            return converted;
        }
        return value.toString();
    }

    private static Map<String, Object> properties(Map<String, Object> properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        properties.forEach((key, element) -> {
            if (!Nodes.INTERNAL_PROPERTIES.contains(key) || key.equals("id")) {
                map.put(key, convert(element));
            }
        });
        return map;
    }
}
