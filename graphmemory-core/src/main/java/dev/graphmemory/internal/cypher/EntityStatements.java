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
 * Entities, one per normalized name per namespace. The MERGE on the unique (namespace, nameKey) makes concurrent
 * creation of the same name (in any case or spacing) produce one node.
 */
public final class EntityStatements {
    /**
     * Creates or updates the entities of {@code $<rows>}; the MERGE on the unique (namespace, nameKey) makes
     * concurrent calls with the same name (in any case or spacing) meet on one node. New notes on an entity stored
     * before make its embedding due again.
     */
    public static String upsert(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (e:Entity {namespace: $namespace, nameKey: row.nameKey})
                ON CREATE SET e:Memory:SearchPending:EmbedPending, e.id = row.id, e.name = row.name, e.type = row.type,
                    e.domain = coalesce(row.domain, 'work'), e.notes = row.notes,
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

    /**
     * The one place where a name finds an entity: a node pattern binding {@code variable} to the entity of the
     * namespace whose normalized name is {@code key} (a Cypher expression). Every statement that finds an entity by
     * name (an entity's context, its facts, the entities a fact is about) goes through it.
     */
    public static String byName(String variable, String key) {
        return "(%s:Entity {namespace: $namespace, nameKey: %s})".formatted(variable, key);
    }

    public static final String CONTEXT = """
            MATCH %s
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
            """.formatted(byName("e", "$nameKey"), FactStatements.projection("f"));

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
