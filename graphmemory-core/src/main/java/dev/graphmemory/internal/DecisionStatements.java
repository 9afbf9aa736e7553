package dev.graphmemory.internal;

import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.NewDecision;
import java.util.List;

/** Decisions, with rationale and alternatives. */
final class DecisionStatements {
    static final String CREATE = """
            MERGE (d:Memory {id: $id})
            ON CREATE SET d:Decision, d.namespace = $namespace, d.content = $content, d.rationale = $rationale,
                d.alternatives = $alternatives, d.domain = $domain, d.confidence = $confidence,
                d.createdAt = datetime()
            RETURN d
            """;

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

    static Statement<Decision> create(String namespace, String id, NewDecision decision) {
        return Statement.write(
                "recordDecision",
                CREATE,
                createParams(namespace, id, decision).map(),
                rows -> Nodes.decision(rows.single().get("d").asNode()));
    }

    static Params createParams(String namespace, String id, NewDecision decision) {
        return Params.in(namespace)
                .with("id", id)
                .with("content", decision.content())
                .with("rationale", decision.rationale())
                .with("alternatives", decision.alternatives())
                .with("domain", decision.domain())
                .with("confidence", decision.confidence());
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
