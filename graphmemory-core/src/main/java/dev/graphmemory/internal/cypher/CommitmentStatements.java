package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.Validate;
import java.util.List;
import java.util.Map;

/** Commitments: promises with deadlines. */
public final class CommitmentStatements {
    /** Creates the commitments of {@code $<rows>}, one per row; MERGE on the pre-generated id makes a re-run harmless. */
    public static String create(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (c:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET c:Commitment:SearchPending:EmbedPending, c.content = row.content, c.toWhom = row.toWhom,
                    c.deadline = row.deadline, c.dueAt = row.dueAt, c.domain = row.domain, c.priority = row.priority,
                    c.status = 'pending', c.createdAt = datetime()
                """.formatted(rows);
    }

    public static final String CREATE = create("rows") + "RETURN row.index AS index, c AS node\n";

    static final String COMPLETE = """
            MATCH (c:Memory {namespace: $namespace, id: $id})
            WHERE c:Commitment
            SET c.status = 'completed', c.completedAt = coalesce(c.completedAt, datetime()),
                c.outcome = coalesce($outcome, c.outcome)
            RETURN c
            """;

    /**
     * Sets a commitment's status; {@code completedAt} is kept (or set) only while it is completed, so the timeline's
     * {@code completed} events and the completed filter agree with the status.
     */
    static final String SET_STATUS = """
            MATCH (c:Memory {namespace: $namespace, id: $id})
            WHERE c:Commitment
            SET c.status = $status,
                c.completedAt = CASE WHEN $status = 'completed' THEN coalesce(c.completedAt, datetime()) END,
                c.outcome = coalesce($outcome, c.outcome)
            RETURN c
            """;

    /**
     * Lists commitments; to whom they were made matches any case, and any name or alias of the entity it names.
     * Cypher may evaluate every operand of {@code OR} and {@code AND}, so the duration is built
     * from a value that is never null, even when {@code $dueWithinDays} is not given.
     */
    static final String LIST = """
            OPTIONAL MATCH (w:EntityKey {namespace: $namespace, key: $toWhomKey})
            WITH CASE WHEN $toWhom IS NULL THEN null ELSE [toLower($toWhom), $toWhomKey]
                + COLLECT { MATCH (y:EntityKey {namespace: $namespace, entityId: w.entityId})
                    UNWIND [toLower(y.text), y.key] AS known RETURN known } END AS toWhoms
            MATCH (c:Commitment)
            WHERE c.namespace = $namespace AND c.createdAt IS NOT NULL
              AND ($status IS NULL OR c.status = $status)
              AND ($domain IS NULL OR c.domain = $domain)
              AND (toWhoms IS NULL OR toLower(c.toWhom) IN toWhoms)
              AND ($dueBefore IS NULL OR c.dueAt < $dueBefore)
              AND (NOT $byDue
                OR $overdue AND c.status = 'pending' AND c.dueAt < datetime()
                OR $dueWithinDays IS NOT NULL AND c.dueAt >= datetime()
                  AND c.dueAt < datetime() + duration({days: coalesce($dueWithinDays, 0)}))
            RETURN c
            ORDER BY CASE WHEN $byDue THEN c.dueAt END, c.createdAt DESC, c.id DESC
            LIMIT $limit
            """;

    private CommitmentStatements() {}

    public static Map<String, Object> row(int index, String id, NewCommitment commitment) {
        return Params.row(index)
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
                .with("priority", commitment.priority())
                .map();
    }

    public static Statement<List<Outcome<Commitment>>> create(String namespace, List<Map<String, Object>> rows) {
        return Statement.write(
                "createCommitments",
                SearchIndexing.forRows(CREATE, rows.size()),
                Params.in(namespace).with("rows", rows).map(),
                result -> Batches.created(result, Nodes::commitment));
    }

    public static Statement<Commitment> complete(String namespace, String id, String outcome) {
        var params = Params.in(namespace).with("id", id).with("outcome", outcome);
        return Statement.write("completeCommitment", COMPLETE, params.map(), rows -> {
            if (rows.records().isEmpty()) {
                throw new NotFoundException("Commitment", "commitmentId", id);
            }
            return Nodes.commitment(rows.single().get("c").asNode());
        });
    }

    public static Statement<Commitment> setStatus(
            String namespace, String id, CommitmentStatus status, String outcome) {
        var params = Params.in(namespace)
                .with("id", id)
                .with("status", status.value())
                .with("outcome", outcome);
        return Statement.write("setCommitmentStatus", SET_STATUS, params.map(), rows -> {
            if (rows.records().isEmpty()) {
                throw new NotFoundException("Commitment", "commitmentId", id);
            }
            return Nodes.commitment(rows.single().get("c").asNode());
        });
    }

    public static Statement<List<Commitment>> list(String namespace, CommitmentQuery query) {
        var params = Params.in(namespace)
                .with("status", query.status() == null ? null : query.status().value())
                .with("domain", query.domain())
                .with("toWhom", query.toWhom())
                .with("toWhomKey", query.toWhom() == null ? null : Validate.normalizedKey(query.toWhom()))
                .with("dueBefore", query.dueBefore())
                .with("overdue", query.overdue())
                .with("dueWithinDays", query.dueWithinDays())
                .with("byDue", query.overdue() || query.dueWithinDays() != null)
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
