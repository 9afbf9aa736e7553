package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Relationships between memories, and walks over them.
 *
 * <p>Relationship types cannot be parameters in Cypher 5, so each statement that writes links is made once per type
 * from the closed {@link RelationshipType} enum, and a batch sends one statement per type it holds (see
 * {@link #group}); no user text ever reaches the statement. One statement per type rather than one for every type
 * keeps each small: the planner's time grows with the statement, and one {@code FOREACH} per type made the
 * statement of all eight types take 0.5 to 1.5 s to plan (one type: about 0.1 s), a wait paid again whenever the
 * graph's counts drift and Neo4j plans it anew. The endpoint rules are checked in the same statement that writes, so
 * a refused link writes nothing, in any execution mode.
 */
public final class LinkStatements {
    /**
     * Finds the ends of the links of {@code $rows} and decides which may be written: both ends exist in the namespace
     * and the type allows their kinds. A link whose ends the type allows only the other way round (the original
     * adapter's own example: an entity INVOLVES a commitment) has its ends swapped ({@code reversed}) and is stored
     * in the canonical direction. With {@code $atomic}, one refused link refuses them all, so an atomic batch writes
     * nothing when any of its links is wrong, whatever transaction it runs in.
     */
    static final String LOOKUP = """
            UNWIND $rows AS row
            OPTIONAL MATCH (a:Memory {namespace: $namespace, id: row.fromId})
            OPTIONAL MATCH (b:Memory {namespace: $namespace, id: row.toId})
            WITH row, a, b, a IS NOT NULL AND b IS NOT NULL AS found
            WITH row, a, b, found
                AND any(label IN labels(a) WHERE label IN row.fromLabels)
                AND any(label IN labels(b) WHERE label IN row.toLabels)
                AND (row.type <> 'SUPERSEDED_BY' OR a:Fact = b:Fact) AS forward,
              found
                AND any(label IN labels(b) WHERE label IN row.fromLabels)
                AND any(label IN labels(a) WHERE label IN row.toLabels)
                AND (row.type <> 'SUPERSEDED_BY' OR a:Fact = b:Fact) AS backward
            WITH row, forward OR backward AS allowed, NOT forward AND backward AS reversed,
              CASE WHEN NOT forward AND backward THEN b ELSE a END AS a,
              CASE WHEN NOT forward AND backward THEN a ELSE b END AS b
            WITH collect({row: row, a: a, b: b, allowed: allowed, reversed: reversed}) AS checked
            WITH checked, $atomic AND any(c IN checked WHERE NOT c.allowed) AS refused
            UNWIND checked AS c
            WITH c.row AS row, c.a AS a, c.b AS b, c.allowed AS allowed, c.reversed AS reversed,
              c.allowed AND NOT refused AS write
            """;

    private static final Map<RelationshipType, String> LINK = new EnumMap<>(RelationshipType.class);

    static {
        for (RelationshipType type : RelationshipType.values()) {
            LINK.put(type, LOOKUP + write(type) + """
                    RETURN row.indexes AS indexes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
                        labels(a) AS fromLabels, labels(b) AS toLabels, allowed, reversed, write, created,
                        CASE WHEN write THEN properties(COLLECT { MATCH (a)-[r:%s]->(b) RETURN r }[0]) END AS properties
                    """.formatted(type.name()));
        }
    }

    /** The statement that links the rows of {@code $rows}, all of type {@code type}. */
    public static String link(RelationshipType type) {
        return LINK.get(type);
    }

    /**
     * Writes the links of type {@code type} of the rows in scope ({@code row}, {@code a}, {@code b}, {@code write}).
     * Leaves {@code created} in scope. A {@code SUPERSEDED_BY} link also marks its start superseded (keeping an
     * earlier mark, e.g. one imported with the node).
     *
     * <p>The existence check names the type: untyped, {@code (a)-[r]->(b) WHERE type(r) = ...} let the planner pick a
     * scan of every relationship while the database had none yet (cheapest at a count of zero), a plan kept until
     * the next re-plan.
     */
    static String write(RelationshipType type) {
        return """
                WITH row, a, b, allowed, reversed, write, write AND NOT EXISTS { (a)-[:%s]->(b) } AS created
                FOREACH (_ IN CASE WHEN write THEN [1] ELSE [] END |
                    %s)
                """.formatted(type.name(), merge(type));
    }

    /**
     * Merges the link of type {@code type} from {@code a} to {@code b} of the row in scope: stamped when created, the
     * row's {@code properties} set on it, and what a {@code SUPERSEDED_BY} link does to its start.
     */
    public static String merge(RelationshipType type) {
        return linked("MERGE (a)-[r:%s]->(b) ON CREATE SET r.createdAt = datetime() SET r += row.properties", type);
    }

    /** The same link created without a look for one already there: for a copy that knows it is not. */
    public static String create(RelationshipType type) {
        return linked("CREATE (a)-[r:%s]->(b) SET r.createdAt = datetime(), r += row.properties", type);
    }

    private static String linked(String write, RelationshipType type) {
        return write.formatted(type.name()) + (type == RelationshipType.SUPERSEDED_BY ? " " + SUPERSEDES : "");
    }

    /**
     * What a {@code SUPERSEDED_BY} link does to its start {@code a} besides: marks it superseded (keeping an earlier
     * mark), and ends a fact's validity.
     */
    static final String SUPERSEDES = "SET a.supersededAt = coalesce(a.supersededAt, datetime())"
            + " FOREACH (_ IN CASE WHEN a:Fact AND a.validUntil IS NULL THEN [1] ELSE [] END |"
            + " SET a.validUntil = datetime(), a.endedAt = datetime())";

    /**
     * The rows by relationship type, in the enum's order, keeping their order within a type: one statement (or one
     * chunk of statements) per type.
     */
    public static Map<RelationshipType, List<Map<String, Object>>> group(List<Map<String, Object>> rows) {
        Map<RelationshipType, List<Map<String, Object>>> byType = new EnumMap<>(RelationshipType.class);
        for (Map<String, Object> row : rows) {
            byType.computeIfAbsent(RelationshipType.valueOf((String) row.get("type")), type -> new ArrayList<>())
                    .add(row);
        }
        return byType;
    }

    /*
     * A breadth-first search from the start: ANY SHORTEST keeps one shortest path per reached memory. The end is
     * filtered after the MATCH on purpose; a label or predicate on it inside the pattern lets the planner choose to
     * scan every memory and search a path into each, which grows with the graph instead of with the neighbourhood.
     */
    private static final String RELATED_TEMPLATE = """
            OPTIONAL MATCH (start:Memory {namespace: $namespace, id: $nodeId})
            RETURN start IS NOT NULL AS found,
              COLLECT {
                MATCH path = ANY SHORTEST (start)-[%s]-{1,%d}(other)
                WITH other, path WHERE other <> start AND other.namespace = $namespace AND length(path) <= $depth
                RETURN {node: other, distance: length(path),
                        types: [r IN relationships(path) | type(r)]} AS hit
                ORDER BY hit.distance, other.createdAt DESC
                LIMIT $limit
              } AS related
            """;

    private LinkStatements() {}

    /**
     * The walk of {@code findRelated}. Quantifier bounds cannot be parameters, so depths up to
     * {@value #EXACT_DEPTHS} have a statement each; deeper ones (to {@link Limits#MAX_DEPTH}) share the deepest
     * statement and cut the paths at {@code $depth}, which keeps the statement catalogue small. A shortest path
     * longer than the depth means no path within it, so the cut is exact.
     */
    static String relatedText(RelationshipType type, int depth) {
        return RELATED_TEMPLATE.formatted(
                type == null ? "" : ":" + type.name(), depth <= EXACT_DEPTHS ? depth : Limits.MAX_DEPTH);
    }

    /** The depths of {@code findRelated} that have a statement of their own. */
    public static final int EXACT_DEPTHS = 5;

    /**
     * The row of one link; repeats of the same link (same ends and type) in one call share it, with their properties
     * merged in order, so that the statement writes each relationship once.
     */
    public static Map<String, Object> row(List<Integer> indexes, NewLink link, Map<String, Object> properties) {
        return Params.row(indexes.get(0))
                .with("indexes", indexes)
                .with("fromId", link.fromId())
                .with("toId", link.toId())
                .with("type", link.relationship().name())
                .with("fromLabels", labels(link.relationship().from()))
                .with("toLabels", labels(link.relationship().to()))
                .with("properties", properties)
                .map();
    }

    /**
     * Links the rows, all of type {@code type}; a refused row is a failed item naming the missing end or the broken
     * rule. With {@code atomic}, nothing is written when any row is refused.
     */
    public static Statement<List<Outcome<Link>>> link(
            String namespace,
            RelationshipType type,
            List<Map<String, Object>> rows,
            List<NewLink> links,
            boolean atomic) {
        var params = Params.in(namespace).with("rows", rows).with("atomic", atomic);
        return Statement.write("linkNodes", link(type), params.map(), result -> {
            List<Outcome<Link>> items = new ArrayList<>();
            for (Record record : result.records()) {
                List<Integer> indexes = Batches.asIndexes(record.get("indexes"));
                NewLink link = links.get(indexes.get(0));
                MemoryException failure = record.get("write").asBoolean() ? null : refusal(record, link);
                for (int i = 0; i < indexes.size(); i++) {
                    int index = indexes.get(i);
                    if (record.get("write").asBoolean()) {
                        boolean created = i == 0 && record.get("created").asBoolean();
                        boolean reversed = record.get("reversed").asBoolean();
                        Link stored = new Link(
                                reversed ? link.toId() : link.fromId(),
                                link.relationship(),
                                reversed ? link.fromId() : link.toId(),
                                visibleProperties(record.get("properties").asMap()),
                                created,
                                reversed);
                        items.add(Batches.stored(index, created, stored));
                    } else if (failure != null) {
                        items.add(Batches.failed(index, failure));
                    } else {
                        items.add(Batches.collateral(index, notWritten()));
                    }
                }
            }
            return items;
        });
    }

    /** Finds the rows an atomic batch refuses, writing nothing; returns none when all may be written. */
    static final String CHECK = LOOKUP + """
            RETURN row.indexes AS indexes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
                labels(a) AS fromLabels, labels(b) AS toLabels, allowed, write
            """;

    /**
     * Checks every row of an atomic batch before any of its statements writes (see {@code Batches.inScope}): the
     * failed and collateral items when any row is refused, else none.
     */
    public static Statement<List<Outcome<Link>>> check(
            String namespace, List<Map<String, Object>> rows, List<NewLink> links) {
        var params = Params.in(namespace).with("rows", rows).with("atomic", true);
        return Statement.write("linkNodes", CHECK, params.map(), result -> {
            List<Outcome<Link>> refused = new ArrayList<>();
            for (Record record : result.records()) {
                if (record.get("write").asBoolean()) {
                    return List.of(); // with $atomic, one refused row leaves no row to write
                }
                List<Integer> indexes = Batches.asIndexes(record.get("indexes"));
                MemoryException failure = refusal(record, links.get(indexes.get(0)));
                for (int index : indexes) {
                    refused.add(
                            failure != null ? Batches.failed(index, failure) : Batches.collateral(index, notWritten()));
                }
            }
            return refused;
        });
    }

    /** Why a link was not written, or {@code null} when it was refused only because another one was. */
    private static MemoryException refusal(Record record, NewLink link) {
        if (!record.get("fromFound").asBoolean()) {
            return new NotFoundException("Memory", "fromId", link.fromId());
        }
        if (!record.get("toFound").asBoolean()) {
            return new NotFoundException("Memory", "toId", link.toId());
        }
        if (!record.get("allowed").asBoolean()) {
            return new InvalidInputException(
                    "relationship",
                    link.relationship().rule() + ", not " + kind(record.get("fromLabels")) + " to "
                            + kind(record.get("toLabels")));
        }
        return null;
    }

    private static MemoryException notWritten() {
        return new InvalidInputException(
                "links", "were not written because another link of the atomic batch was refused");
    }

    public static Statement<List<RelatedNode>> related(String namespace, RelatedQuery query) {
        var params = Params.in(namespace)
                .with("nodeId", query.nodeId())
                .with("depth", query.depth())
                .with("limit", query.limit());
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

    static Map<String, Object> visibleProperties(Map<String, Object> stored) {
        Map<String, Object> visible = new HashMap<>(stored);
        NewLink.RESERVED_PROPERTIES.forEach(visible::remove);
        return visible;
    }
}
