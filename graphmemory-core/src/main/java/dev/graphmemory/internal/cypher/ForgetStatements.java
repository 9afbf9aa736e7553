package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.MemoryKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Forgetting: one memory, or a whole namespace in bounded transactions, each leaving an audit record. An entity's
 * name and alias keys go with it.
 *
 * <p>An audit record is a {@code (:MemoryAudit)} node, not a {@code Memory}: reads, searches and exports never see it.
 * It holds what was done and how much, never what was removed: {@code namespace}, {@code id}, {@code action}
 * ({@code forget} or {@code forget_namespace}), {@code at}, {@code memoryId} and {@code kind} (for {@code forget}),
 * {@code memories}, {@code relationships} and a count per kind ({@link #COUNTS}), and {@code completedAt} once a
 * {@code forget_namespace} has removed everything.
 *
 * <p>The audit id is generated before the transaction. A {@code forget} the driver re-runs after a lost commit
 * acknowledgement finds its own audit record and reports it, instead of reporting the memory as not found.
 */
public final class ForgetStatements {
    /** The audit property counting each kind. */
    static final Map<MemoryKind, String> COUNTS = counts();

    /** The kind labels: a memory carries one of them, beside {@code Memory} and search labels. */
    private static final java.util.List<String> KIND_LABELS =
            java.util.Arrays.stream(MemoryKind.values()).map(MemoryKind::label).toList();

    /**
     * Removes one memory with its relationships, and a conversation with its turns (what was said in it goes with it),
     * leaving an audit record of the counts.
     */
    static final String FORGET = """
            OPTIONAL MATCH (done:MemoryAudit {namespace: $namespace, id: $auditId})
            OPTIONAL MATCH (m:Memory {namespace: $namespace, id: $id})
            WITH done, m, CASE WHEN m:Conversation
                THEN [(t:Turn)-[:DURING]->(m) WHERE t.namespace = $namespace | t] ELSE [] END AS said
            WITH done, m, said, [label IN labels(m) WHERE label IN $kinds][0] AS kind,
                CASE WHEN m IS NULL THEN 0
                    ELSE COUNT { UNWIND [m] + said AS n MATCH (n)-[r]-() RETURN DISTINCT r } END AS relationships
            FOREACH (_ IN CASE WHEN done IS NULL AND m IS NOT NULL THEN [1] ELSE [] END |
                CREATE (a:MemoryAudit {namespace: $namespace, id: $auditId, action: 'forget', at: datetime(),
                    memoryId: $id, kind: kind, memories: 1 + size(said), relationships: relationships})
                SET a += $zeros
                %s)
            WITH done, m, said
            CALL (m, done) {
              WITH m, done WHERE done IS NULL AND m:Entity
              MATCH (k:EntityKey {namespace: $namespace, entityId: m.id})
              DELETE k
            }
            FOREACH (gone IN CASE WHEN done IS NULL AND m IS NOT NULL THEN [m] + said ELSE [] END | DETACH DELETE gone)
            WITH count(*) AS forgotten
            OPTIONAL MATCH (a:MemoryAudit {namespace: $namespace, id: $auditId})
            RETURN a
            """.formatted(COUNTS.entrySet().stream()
            .map(e -> "SET a.%s = CASE WHEN kind = '%s' THEN 1 ELSE 0 END%s"
                    .formatted(e.getValue(), e.getKey().label(), e.getKey() == MemoryKind.TURN ? " + size(said)" : ""))
            .collect(Collectors.joining("\n        ")));

    /**
     * Removes at most {@code $batch} memories of the namespace, in id order, with their relationships. The order is
     * that of the (namespace, id) index, so the planner reads just the batch from it instead of sorting the whole
     * namespace each time (which {@code ORDER BY m.id} alone would do). What it removed is added to the audit record
     * (created by the first batch); a relationship is counted once even when both its ends go in the same batch.
     */
    static final String FORGET_BATCH = """
            MATCH (m:Memory) WHERE m.namespace = $namespace AND m.id IS NOT NULL
            WITH m ORDER BY m.namespace, m.id LIMIT $batch
            WITH collect(m) AS nodes
            WITH nodes, COUNT { UNWIND nodes AS n MATCH (n)-[r]-() RETURN DISTINCT r } AS relationships,
                {%s} AS counts
            MERGE (a:MemoryAudit {namespace: $namespace, id: $auditId})
            ON CREATE SET a.action = 'forget_namespace', a.at = datetime(), a.memories = 0, a.relationships = 0,
                a += $zeros
            SET a.memories = a.memories + size(nodes), a.relationships = a.relationships + relationships
            %s
            WITH nodes
            CALL (nodes) {
              UNWIND nodes AS n
              MATCH (k:EntityKey {namespace: $namespace, entityId: n.id})
              DELETE k
            }
            FOREACH (n IN nodes | DETACH DELETE n)
            RETURN size(nodes) AS removed
            """.formatted(
                    COUNTS.keySet().stream()
                            .map(kind -> "%1$s: size([n IN nodes WHERE n:%1$s])".formatted(kind.label()))
                            .collect(Collectors.joining(", ")),
                    COUNTS.entrySet().stream()
                            .map(e -> "SET a.%1$s = a.%1$s + counts.%2$s"
                                    .formatted(e.getValue(), e.getKey().label()))
                            .collect(Collectors.joining("\n")));

    static final String FORGET_DONE = """
            MATCH (a:MemoryAudit {namespace: $namespace, id: $auditId})
            SET a.completedAt = coalesce(a.completedAt, datetime())
            RETURN a
            """;

    private ForgetStatements() {}

    private static Map<MemoryKind, String> counts() {
        Map<MemoryKind, String> counts = new EnumMap<>(MemoryKind.class);
        counts.put(MemoryKind.COMMITMENT, "commitments");
        counts.put(MemoryKind.DECISION, "decisions");
        counts.put(MemoryKind.PATTERN, "patterns");
        counts.put(MemoryKind.CONVERSATION, "conversations");
        counts.put(MemoryKind.ENTITY, "entities");
        counts.put(MemoryKind.ENERGY_STATE, "energyStates");
        counts.put(MemoryKind.TURN, "turns");
        counts.put(MemoryKind.FACT, "facts");
        if (counts.size() != MemoryKind.values().length) {
            throw new IllegalStateException("every kind needs an audit count");
        }
        return Collections.unmodifiableMap(counts);
    }

    private static Map<String, Object> zeros() {
        Map<String, Object> zeros = new java.util.HashMap<>();
        COUNTS.values().forEach(name -> zeros.put(name, 0L));
        return zeros;
    }

    public static Statement<Forgotten> forget(String namespace, String id, String auditId) {
        var params = Params.in(namespace)
                .with("id", id)
                .with("auditId", auditId)
                .with("zeros", zeros())
                .with("kinds", KIND_LABELS);
        return Statement.write("forget", FORGET, params.map(), rows -> {
            Value audit = rows.single().get("a");
            if (audit.isNull()) {
                throw new NotFoundException("Memory", "id", id);
            }
            return forgotten(audit.asNode());
        });
    }

    /** One bounded batch; returns how many memories it removed. */
    public static Statement<Integer> batch(String namespace, String auditId, int batchSize) {
        var params = Params.in(namespace)
                .with("auditId", auditId)
                .with("batch", batchSize)
                .with("zeros", zeros());
        return Statement.write(
                "forgetNamespace",
                FORGET_BATCH,
                params.map(),
                rows -> rows.single().get("removed").asInt());
    }

    /** Marks the audit record complete and reads the totals from it. */
    public static Statement<Forgotten> done(String namespace, String auditId) {
        var params = Params.in(namespace).with("auditId", auditId);
        return Statement.write(
                "forgetNamespace",
                FORGET_DONE,
                params.map(),
                rows -> forgotten(rows.single().get("a").asNode()));
    }

    /** The counts an audit record holds. */
    static Forgotten forgotten(Node audit) {
        Map<MemoryKind, Long> memories = new EnumMap<>(MemoryKind.class);
        COUNTS.forEach((kind, name) -> memories.put(kind, audit.get(name).asLong(0)));
        return new Forgotten(
                memories, audit.get("relationships").asLong(0), audit.get("id").asString());
    }
}
