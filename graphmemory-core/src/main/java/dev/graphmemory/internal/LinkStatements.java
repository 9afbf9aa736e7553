package dev.graphmemory.internal;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Relationships between memories, and walks over them.
 *
 * <p>Relationship types cannot be parameters in Cypher, so each statement text is made once per type from the
 * closed {@link RelationshipType} enum; no user text ever reaches the statement. The endpoint rules are checked in
 * the same statement that writes, so a refused link writes nothing, in any execution mode.
 */
final class LinkStatements {
    private static final String LINK_TEMPLATE = """
            OPTIONAL MATCH (a:Memory {id: $fromId}) WHERE a.namespace = $namespace
            OPTIONAL MATCH (b:Memory {id: $toId}) WHERE b.namespace = $namespace
            WITH a, b, a IS NOT NULL AND b IS NOT NULL
                AND any(label IN labels(a) WHERE label IN $fromLabels)
                AND any(label IN labels(b) WHERE label IN $toLabels) AS allowed
            OPTIONAL CALL (a, b, allowed) {
                WITH a, b WHERE allowed
                OPTIONAL MATCH (a)-[existing:%1$s]->(b)
                MERGE (a)-[r:%1$s]->(b)
                ON CREATE SET r.createdAt = datetime()
                SET r += $properties
                RETURN existing IS NULL AS created, properties(r) AS properties
            }
            RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, labels(a) AS fromLabels,
                labels(b) AS toLabels, allowed, created, properties
            """;

    /*
     * A breadth-first search from the start: ANY SHORTEST keeps one shortest path per reached memory. The end is
     * filtered after the MATCH on purpose; a label or predicate on it inside the pattern lets the planner choose to
     * scan every memory and search a path into each, which grows with the graph instead of with the neighbourhood.
     */
    private static final String RELATED_TEMPLATE = """
            OPTIONAL MATCH (start:Memory {id: $nodeId}) WHERE start.namespace = $namespace
            RETURN start IS NOT NULL AS found,
              COLLECT {
                MATCH path = ANY SHORTEST (start)-[%s]-{1,%d}(other)
                WITH other, path WHERE other <> start AND other.namespace = $namespace
                RETURN {node: other, distance: length(path),
                        types: [r IN relationships(path) | type(r)]} AS hit
                ORDER BY hit.distance, other.createdAt DESC
                LIMIT $limit
              } AS related
            """;

    private static final Map<RelationshipType, String> LINK = new EnumMap<>(RelationshipType.class);

    static {
        for (RelationshipType type : RelationshipType.values()) {
            LINK.put(type, LINK_TEMPLATE.formatted(type.name()));
        }
    }

    private LinkStatements() {}

    static String linkText(RelationshipType type) {
        return LINK.get(type);
    }

    static String relatedText(RelationshipType type, int depth) {
        return RELATED_TEMPLATE.formatted(type == null ? "" : ":" + type.name(), depth);
    }

    static Statement<Link> link(String namespace, NewLink link) {
        var params = Params.in(namespace)
                .with("fromId", link.fromId())
                .with("toId", link.toId())
                .with("fromLabels", labels(link.relationship().from()))
                .with("toLabels", labels(link.relationship().to()))
                .with("properties", link.properties());
        return Statement.write("linkNodes", linkText(link.relationship()), params.map(), rows -> {
            Record record = rows.single();
            if (!record.get("fromFound").asBoolean()) {
                throw new NotFoundException("Memory", "fromId", link.fromId());
            }
            if (!record.get("toFound").asBoolean()) {
                throw new NotFoundException("Memory", "toId", link.toId());
            }
            if (!record.get("allowed").asBoolean()) {
                throw new InvalidInputException(
                        "relationship",
                        link.relationship().rule() + ", not " + kind(record.get("fromLabels")) + " to "
                                + kind(record.get("toLabels")));
            }
            return new Link(
                    link.fromId(),
                    link.relationship(),
                    link.toId(),
                    visibleProperties(record.get("properties").asMap()),
                    record.get("created").asBoolean());
        });
    }

    static Statement<List<RelatedNode>> related(String namespace, RelatedQuery query) {
        var params = Params.in(namespace).with("nodeId", query.nodeId()).with("limit", query.limit());
        String text = relatedText(query.relationshipType(), query.depth());
        return Statement.read("findRelated", text, params.map(), rows -> {
            Record record = rows.single();
            if (!record.get("found").asBoolean()) {
                throw new NotFoundException("Memory", "nodeId", query.nodeId());
            }
            return record.get("related")
                    .asList(hit -> new RelatedNode(
                            Nodes.memory(hit.get("node").asNode()),
                            hit.get("distance").asInt(),
                            hit.get("types").asList(type -> RelationshipType.valueOf(type.asString()))));
        });
    }

    static List<String> labels(java.util.Set<MemoryKind> kinds) {
        return kinds.stream().map(MemoryKind::label).sorted().toList();
    }

    private static String kind(Value labels) {
        return MemoryKind.fromLabels(labels.asList(Value::asString))
                .map(MemoryKind::label)
                .orElse("?");
    }

    private static Map<String, Object> visibleProperties(Map<String, Object> stored) {
        Map<String, Object> visible = new HashMap<>(stored);
        NewLink.RESERVED_PROPERTIES.forEach(visible::remove);
        return visible;
    }
}
