package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.Supersession;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/** Decisions, with rationale and alternatives. */
public final class DecisionStatements {
    /** Creates the decisions of {@code $<rows>}; MERGE on the pre-generated id makes a re-run harmless. */
    public static String create(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (d:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET d:Decision:SearchPending:EmbedPending, d.content = row.content, d.rationale = row.rationale,
                    d.alternatives = row.alternatives, d.domain = row.domain, d.confidence = row.confidence,
                    d.createdAt = datetime()
                """.formatted(rows);
    }

    static final String CREATE = create("rows") + "RETURN row.index AS index, d AS node\n";

    static final String LIST = """
            MATCH (d:Decision)
            WHERE d.namespace = $namespace AND d.createdAt IS NOT NULL
              AND ($domain IS NULL OR d.domain = $domain)
              AND ($days IS NULL OR d.createdAt >= datetime() - duration({days: $days}))
              AND ($includeSuperseded OR d.supersededAt IS NULL)
            RETURN d
            ORDER BY d.createdAt DESC, d.id DESC
            LIMIT $limit
            """;

    /**
     * Finds the decision to supersede and takes its write lock (a property set and removed), so that concurrent
     * supersessions of one decision queue up and the second sees the first one's successor.
     */
    static final String SUPERSEDE_CHECK = """
            OPTIONAL MATCH (old:Memory {namespace: $namespace, id: $oldId})
            FOREACH (_ IN CASE WHEN old:Decision THEN [1] ELSE [] END | SET old._lock = true REMOVE old._lock)
            RETURN old IS NOT NULL AND old:Decision AS found,
                [(old)-[:SUPERSEDED_BY]->(next:Memory) WHERE next.id <> $decision.id | next.id][0] AS successor
            """;

    /**
     * Records the new decision, links the old one to it and marks the old one superseded; the new one involves the
     * entities the old one did. MERGE on the pre-generated id and on the link makes a re-run harmless.
     */
    public static final String SUPERSEDE = """
            MATCH (old:Memory {namespace: $namespace, id: $oldId})
            MERGE (d:Memory {namespace: $namespace, id: $decision.id})
            ON CREATE SET d:Decision:SearchPending:EmbedPending, d.content = $decision.content, d.rationale = $decision.rationale,
                d.alternatives = $decision.alternatives, d.domain = $decision.domain,
                d.confidence = $decision.confidence, d.createdAt = datetime()
            MERGE (old)-[r:SUPERSEDED_BY]->(d)
            ON CREATE SET r.createdAt = datetime(), old.supersededAt = datetime()
            FOREACH (e IN [(old)-[:INVOLVES]->(x:Entity) | x] |
                MERGE (d)-[i:INVOLVES]->(e) ON CREATE SET i.createdAt = datetime())
            RETURN old, d
            """;

    private DecisionStatements() {}

    public static Map<String, Object> row(int index, String id, NewDecision decision) {
        return Params.row(index)
                .with("id", id)
                .with("content", decision.content())
                .with("rationale", decision.rationale())
                .with("alternatives", decision.alternatives())
                .with("domain", decision.domain())
                .with("confidence", decision.confidence())
                .map();
    }

    public static Statement<List<Outcome<Decision>>> create(String namespace, List<Map<String, Object>> rows) {
        return Statement.write(
                "recordDecisions",
                SearchIndexing.forRows(CREATE, rows.size()),
                Params.in(namespace).with("rows", rows).map(),
                result -> Batches.created(result, Nodes::decision));
    }

    public static Statement<List<Decision>> list(String namespace, DecisionQuery query) {
        var params = Params.in(namespace)
                .with("domain", query.domain())
                .with("days", query.days())
                .with("includeSuperseded", query.includeSuperseded())
                .with("limit", query.limit());
        return Statement.read(
                "getDecisions",
                LIST,
                params.map(),
                rows -> rows.records().stream()
                        .map(record -> Nodes.decision(record.get("d").asNode()))
                        .toList());
    }

    /**
     * Supersedes the decision {@code oldId} by a new one: refused when it is not a decision of the namespace, or
     * already has another successor (naming it, so that the caller can supersede that one instead).
     */
    public static Work<Supersession> supersede(String namespace, String oldId, Map<String, Object> decision) {
        var params = Params.in(namespace)
                .with("oldId", oldId)
                .with("decision", decision)
                .map();
        Statement<Void> check = Statement.write("supersedeDecision", SUPERSEDE_CHECK, params, rows -> {
            Record record = rows.single();
            if (!record.get("found").asBoolean()) {
                throw new NotFoundException("Decision", "decisionId", oldId);
            }
            if (!record.get("successor").isNull()) {
                throw new InvalidInputException(
                        "decisionId",
                        "was already superseded by decision "
                                + record.get("successor").asString() + "; supersede that one instead");
            }
            return null;
        });
        Statement<Supersession> write = Statement.write("supersedeDecision", SUPERSEDE, params, rows -> {
            Record record = rows.single();
            return new Supersession(
                    Nodes.decision(record.get("old").asNode()),
                    Nodes.decision(record.get("d").asNode()));
        });
        return check.then(checked -> write);
    }
}
