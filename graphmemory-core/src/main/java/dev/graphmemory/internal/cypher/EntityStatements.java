package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.Validate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

/**
 * Entities, one per normalized name per namespace. Names and aliases are both keys: a {@code (:EntityKey {namespace,
 * key, entityId, text})} node per name and per alias, under one uniqueness constraint on (namespace, key), so that a
 * name and an alias can never belong to two entities. The MERGE on the key makes concurrent creation of the same name
 * (in any case or spacing) produce one node, and storing an entity under one of its aliases updates that entity.
 *
 * <p>A key points at its entity by id rather than by a relationship, so that walks, exports, forgetting and merging,
 * which deal in relationships between memories, never meet one.
 */
public final class EntityStatements {
    /** The label of the key nodes of names and aliases. */
    public static final String KEY_LABEL = "EntityKey";

    /**
     * Binds {@code e} to the entity whose name or alias has the key {@code keyExpression}, through the key's unique
     * index and then the (namespace, id) index: the one way every statement finds an entity by name. Rows without such
     * an entity are dropped; see {@link #optionallyNamed} to keep them.
     */
    public static String named(String e, String keyExpression) {
        return """
                MATCH (%1$s_key:EntityKey {namespace: $namespace, key: %2$s})
                MATCH (%1$s:Entity:Memory {namespace: $namespace, id: %1$s_key.entityId})
                """.formatted(e, keyExpression);
    }

    /** Like {@link #named}, leaving {@code e} null (and the row kept) when no entity has the name. */
    public static String optionallyNamed(String e, String keyExpression) {
        return """
                OPTIONAL MATCH (%1$s_key:EntityKey {namespace: $namespace, key: %2$s})
                OPTIONAL MATCH (%1$s:Entity:Memory {namespace: $namespace, id: %1$s_key.entityId})
                """.formatted(e, keyExpression);
    }

    /**
     * Creates or updates the entities of {@code $<rows>}; the MERGE on the unique key makes concurrent calls with the
     * same name (in any case or spacing) meet on one node, and a name that is an alias finds the entity it belongs to.
     * New notes on an entity stored before make its embedding due again.
     */
    public static String upsert(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (k:EntityKey {namespace: $namespace, key: row.nameKey})
                ON CREATE SET k.entityId = row.id, k.text = row.name
                MERGE (e:Memory {namespace: $namespace, id: k.entityId})
                ON CREATE SET e:Entity:SearchPending:EmbedPending, e.nameKey = row.nameKey, e.name = row.name,
                    e.type = row.type, e.domain = coalesce(row.domain, 'work'), e.notes = row.notes,
                    e.createdAt = datetime(), e.updatedAt = datetime()
                ON MATCH SET e.domain = coalesce(row.domain, e.domain), e.notes = coalesce(row.notes, e.notes),
                    e.updatedAt = CASE WHEN row.domain IS NULL AND row.notes IS NULL
                        THEN e.updatedAt ELSE datetime() END
                FOREACH (_ IN CASE WHEN e.id <> row.id AND row.notes IS NOT NULL THEN [1] ELSE [] END |
                    SET e:EmbedPending REMOVE e.textVector)
                """.formatted(rows);
    }

    public static final String UPSERT =
            upsert("rows") + "RETURN row.index AS index, e AS node, e.id = row.id AS created\n";

    public static final String CONTEXT = named("e", "$nameKey") + """
            RETURN e,
              COLLECT { MATCH (e)--(c:Commitment) WITH DISTINCT c
                        ORDER BY c.createdAt DESC LIMIT $limit RETURN c } AS commitments,
              COLLECT { MATCH (e)--(d:Decision) WHERE d.supersededAt IS NULL WITH DISTINCT d
                        ORDER BY d.createdAt DESC LIMIT $limit RETURN d } AS decisions,
              COLLECT { MATCH (e)--(s:Conversation) WITH DISTINCT s
                        ORDER BY s.startedAt DESC LIMIT $limit RETURN s } AS conversations,
              COLLECT { MATCH (e)--(p:Pattern) WITH DISTINCT p
                        ORDER BY p.lastObserved DESC LIMIT $limit RETURN p } AS patterns,
              COLLECT { MATCH (e)<-[:INVOLVES]-(f:Fact)
                        WHERE f.validFrom <= datetime() AND (f.validUntil IS NULL OR f.validUntil > datetime())
                        WITH DISTINCT f ORDER BY f.validFrom DESC, f.id DESC LIMIT $limit RETURN %s } AS facts
            """.formatted(FactStatements.projection("f"));

    private EntityStatements() {}

    public static Map<String, Object> row(int index, String id, NewEntity entity) {
        return Params.row(index)
                .with("id", id)
                .with("nameKey", entity.nameKey())
                .with("name", entity.name())
                .with("type", entity.type().value())
                .with("domain", entity.domain())
                .with("notes", entity.notes())
                .map();
    }

    public static Statement<List<Outcome<Entity>>> upsert(String namespace, List<Map<String, Object>> rows) {
        return Statement.write(
                "createEntities",
                SearchIndexing.forRows(UPSERT, rows.size()),
                Params.in(namespace).with("rows", rows).map(),
                result -> Batches.upserted(result, Nodes::entity));
    }

    public static Statement<EntityContext> context(String namespace, String name, int limit) {
        String checked = Validate.line("name", name, dev.graphmemory.model.Limits.NAME);
        var params = Params.in(namespace)
                .with("nameKey", Validate.normalizedKey(checked))
                .with("limit", limit);
        return Statement.read("getEntityContext", CONTEXT, params.map(), rows -> {
            Record record = rows.single();
            if (record == null) {
                throw new NotFoundException("Entity", "name", checked);
            }
            return new EntityContext(
                    Nodes.entity(record.get("e").asNode()),
                    nodes(record, "commitments", Nodes::commitment),
                    nodes(record, "decisions", Nodes::decision),
                    nodes(record, "conversations", Nodes::conversation),
                    nodes(record, "patterns", Nodes::pattern),
                    record.get("facts").asList(Nodes::fact));
        });
    }

    private static <T> List<T> nodes(Record record, String key, Function<Node, T> mapper) {
        return record.get(key).asList(value -> mapper.apply(value.asNode()));
    }
}
