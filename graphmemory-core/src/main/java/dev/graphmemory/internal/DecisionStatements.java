package dev.graphmemory.internal;

import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.NewDecision;
import java.util.List;
import java.util.Map;

/** Decisions, with rationale and alternatives. */
final class DecisionStatements {
    /** Creates the decisions of {@code $<rows>}; MERGE on the pre-generated id makes a re-run harmless. */
    static String create(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (d:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET d:Decision, d.content = row.content, d.rationale = row.rationale,
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
            RETURN d
            ORDER BY d.createdAt DESC, d.id DESC
            LIMIT $limit
            """;

    private DecisionStatements() {}

    static Map<String, Object> row(int index, String id, NewDecision decision) {
        return Rows.at(index)
                .with("id", id)
                .with("content", decision.content())
                .with("rationale", decision.rationale())
                .with("alternatives", decision.alternatives())
                .with("domain", decision.domain())
                .with("confidence", decision.confidence())
                .map();
    }

    static Statement<List<Outcome<Decision>>> create(String namespace, List<Map<String, Object>> rows) {
        return Statement.write(
                "recordDecisions",
                CREATE,
                Params.in(namespace).with("rows", rows).map(),
                result -> Batches.created(result, Nodes::decision));
    }

    static Statement<List<Decision>> list(String namespace, DecisionQuery query) {
        var params = Params.in(namespace)
                .with("domain", query.domain())
                .with("days", query.days())
                .with("limit", query.limit());
        return Statement.read(
                "getDecisions",
                LIST,
                params.map(),
                rows -> rows.records().stream()
                        .map(record -> Nodes.decision(record.get("d").asNode()))
                        .toList());
    }
}
