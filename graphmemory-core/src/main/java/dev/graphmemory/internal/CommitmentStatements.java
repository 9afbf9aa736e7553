package dev.graphmemory.internal;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.NewCommitment;
import java.util.List;

/** Commitments: promises with deadlines. */
final class CommitmentStatements {
    static final String CREATE = """
            MERGE (c:Memory {id: $id})
            ON CREATE SET c:Commitment, c.namespace = $namespace, c.content = $content, c.toWhom = $toWhom,
                c.deadline = $deadline, c.dueAt = $dueAt, c.domain = $domain, c.priority = $priority,
                c.status = 'pending', c.createdAt = datetime()
            RETURN c
            """;

    static final String COMPLETE = """
            MATCH (c:Memory {id: $id})
            WHERE c.namespace = $namespace AND c:Commitment
            SET c.status = 'completed', c.completedAt = coalesce(c.completedAt, datetime()),
                c.outcome = coalesce($outcome, c.outcome)
            RETURN c
            """;

    static final String LIST = """
            MATCH (c:Commitment)
            WHERE c.namespace = $namespace AND c.createdAt IS NOT NULL
              AND ($status IS NULL OR c.status = $status)
              AND ($domain IS NULL OR c.domain = $domain)
              AND ($toWhom IS NULL OR toLower(c.toWhom) = toLower($toWhom))
              AND ($dueBefore IS NULL OR c.dueAt < $dueBefore)
            RETURN c
            ORDER BY c.createdAt DESC, c.id DESC
            LIMIT $limit
            """;

    private CommitmentStatements() {}

    static Statement<Commitment> create(String namespace, String id, NewCommitment commitment) {
        return Statement.write(
                "createCommitment",
                CREATE,
                createParams(namespace, id, commitment).map(),
                rows -> Nodes.commitment(rows.single().get("c").asNode()));
    }

    static Params createParams(String namespace, String id, NewCommitment commitment) {
        return Params.in(namespace)
                .with("id", id)
                .with("content", commitment.content())
                .with("toWhom", commitment.toWhom())
                .with("deadline", Nodes.deadlineValue(commitment.deadline()))
                .with(
                        "dueAt",
                        commitment.deadline() == null
                                ? null
                                : commitment.deadline().dueAt())
                .with("domain", commitment.domain())
                .with("priority", commitment.priority());
    }

    static Statement<Commitment> complete(String namespace, String id, String outcome) {
        var params = Params.in(namespace).with("id", id).with("outcome", outcome);
        return Statement.write("completeCommitment", COMPLETE, params.map(), rows -> {
            if (rows.records().isEmpty()) {
                throw new NotFoundException("Commitment", "commitmentId", id);
            }
            return Nodes.commitment(rows.single().get("c").asNode());
        });
    }

    static Statement<List<Commitment>> list(String namespace, CommitmentQuery query) {
        var params = Params.in(namespace)
                .with("status", query.status() == null ? null : query.status().value())
                .with("domain", query.domain())
                .with("toWhom", query.toWhom())
                .with("dueBefore", query.dueBefore())
                .with("limit", query.limit());
        return Statement.read(
                "getCommitments",
                LIST,
                params.map(),
                rows -> rows.records().stream()
                        .map(record -> Nodes.commitment(record.get("c").asNode()))
                        .toList());
    }
}
