package dev.graphmemory.app.snapshot;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot file: JSON Lines, one header line, then one line per memory and one per relationship.
 *
 * <pre>
 * {"graphmemory":"snapshot","version":1,"namespace":"default","exported_at":"…","nodes":2,"relationships":1}
 * {"type":"node","kind":"Entity","id":"…","properties":{"name":"Acme","createdAt":{"$datetime":"…"},…}}
 * {"type":"relationship","relationship":"INVOLVES","from":"…","to":"…","properties":{…}}
 * </pre>
 *
 * <p>Properties keep their stored names and types: JSON strings, numbers, booleans and lists, and temporal values
 * tagged as {@code {"$date": "2026-12-04"}} or {@code {"$datetime": "2026-12-04T17:00Z"}} so that they import as
 * native {@code DATE} and {@code DATETIME} again. Keys are written in sorted order, so that two exports of the same
 * content are byte for byte the same apart from the header.
 */
public final class SnapshotFormat {
    /** The format version this build writes and reads. */
    public static final int VERSION = 1;

    /** Refuses a line that names a key twice: which of the two values was meant is a guess. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SnapshotFormat() {}

    /** The header line. */
    public static String header(String namespace, String exportedAt, long nodes, long relationships) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("graphmemory", "snapshot");
        header.put("version", VERSION);
        header.put("namespace", namespace);
        header.put("exported_at", exportedAt);
        header.put("nodes", nodes);
        header.put("relationships", relationships);
        return JSON.writeValueAsString(header);
    }

    /** The line of a memory. */
    public static String line(SnapshotNode node) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "node");
        line.put("kind", node.kind().label());
        line.put("id", node.id());
        line.put("properties", encode(node.properties()));
        return JSON.writeValueAsString(line);
    }

    /** The line of a relationship. */
    public static String line(SnapshotRelationship relationship) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "relationship");
        line.put("relationship", relationship.type().name());
        line.put("from", relationship.fromId());
        line.put("to", relationship.toId());
        line.put("properties", encode(relationship.properties()));
        return JSON.writeValueAsString(line);
    }

    /** A parsed line: a memory or a relationship. */
    public sealed interface Entry permits NodeEntry, RelationshipEntry {}

    /** A memory line. */
    public record NodeEntry(SnapshotNode node) implements Entry {}

    /** A relationship line. */
    public record RelationshipEntry(SnapshotRelationship relationship) implements Entry {}

    /** A line that is not valid, with the reason. */
    public static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Checks the header line and returns its namespace. */
    public static String readHeader(String line) throws MalformedLineException {
        Map<String, Object> header = object(line);
        if (!"snapshot".equals(header.get("graphmemory"))) {
            throw new MalformedLineException("is not a graphmemory snapshot header", null);
        }
        if (!(header.get("version") instanceof Integer version) || version != VERSION) {
            throw new MalformedLineException(
                    "has snapshot version " + header.get("version") + "; this build reads version " + VERSION, null);
        }
        return String.valueOf(header.get("namespace"));
    }

    /** Parses a memory or relationship line. */
    @SuppressWarnings("unchecked")
    public static Entry read(String line) throws MalformedLineException {
        Map<String, Object> entry = object(line);
        try {
            Map<String, Object> properties = decode((Map<String, Object>) entry.getOrDefault("properties", Map.of()));
            return switch (String.valueOf(entry.get("type"))) {
                case "node" ->
                    new NodeEntry(
                            new SnapshotNode((String) entry.get("id"), kind((String) entry.get("kind")), properties));
                case "relationship" ->
                    new RelationshipEntry(new SnapshotRelationship(
                            (String) entry.get("from"),
                            RelationshipType.parse("relationship", (String) entry.get("relationship")),
                            (String) entry.get("to"),
                            properties));
                default ->
                    throw new MalformedLineException(
                            "has type '" + entry.get("type") + "'; expected node or relationship", null);
            };
        } catch (ClassCastException
                | IllegalArgumentException
                | ArithmeticException
                | DateTimeParseException
                | InvalidInputException e) {
            throw new MalformedLineException(e.getMessage(), e);
        }
    }

    private static MemoryKind kind(String label) {
        return MemoryKind.fromLabel(label)
                .orElseThrow(() -> new IllegalArgumentException("kind '" + label + "' is not a kind of memory"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String line) throws MalformedLineException {
        try {
            Object value = JSON.readValue(line, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new MalformedLineException("is not a JSON object", null);
        } catch (JacksonException e) {
            throw new MalformedLineException("is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> encode(Map<String, Object> properties) {
        Map<String, Object> encoded = new TreeMap<>();
        properties.forEach((key, value) -> encoded.put(key, encodeValue(value)));
        return encoded;
    }

    private static Object encodeValue(Object value) {
        if (value instanceof LocalDate date) {
            return Map.of("$date", date.toString());
        }
        if (value instanceof ZonedDateTime time) {
            return Map.of("$datetime", time.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SnapshotFormat::encodeValue).toList();
        }
        return value;
    }

    private static Map<String, Object> decode(Map<String, Object> properties) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        properties.forEach((key, value) -> decoded.put(key, decodeValue(key, value)));
        return decoded;
    }

    private static Object decodeValue(String key, Object value) {
        if (value instanceof Map<?, ?> tagged) {
            if (tagged.size() == 1 && tagged.get("$date") instanceof String date) {
                return LocalDate.parse(date);
            }
            if (tagged.size() == 1 && tagged.get("$datetime") instanceof String time) {
                return ZonedDateTime.parse(time);
            }
            throw new IllegalArgumentException(
                    "property " + key + " is an object other than {\"$date\"} or {\"$datetime\"}");
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> decoded = new ArrayList<>(list.size());
            list.forEach(element -> decoded.add(decodeValue(key, element)));
            return decoded;
        }
        return value;
    }
}
