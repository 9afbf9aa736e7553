package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.Turn;
import dev.graphmemory.model.TurnQuery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * Conversation turns: what was said, by whom, when, in order. A turn belongs to one conversation ({@code DURING}),
 * carries its conversation's id and its place in it ({@code sequence}), and is linked to the entity whose name is its
 * speaker ({@code SAID_BY}) when the namespace has one. Reads in order go through the (namespace, conversationId,
 * sequence) index, never through the relationships.
 */
public final class TurnStatements {
    /**
     * Appends turns to a conversation in one statement. The conversation's write lock is taken first, so that
     * concurrent appends to one conversation queue up and each gets its own range of sequence numbers, reserved by
     * raising the conversation's {@code turnCount}. Ids are drawn before the transaction: when the first turn exists
     * already, this is a re-run of a transaction whose commit acknowledgement was lost (a call's turns are written all
     * or none), and nothing is reserved or created again.
     */
    public static final String RECORD = """
            MATCH (c:Memory {namespace: $namespace, id: $conversationId})
            WHERE c:Conversation
            SET c.turnLock = true
            REMOVE c.turnLock
            WITH c, coalesce(c.turnCount, 0) AS base,
                EXISTS { MATCH (t:Memory {namespace: $namespace, id: $rows[0].id}) } AS replayed
            SET c.turnCount = CASE WHEN replayed THEN base ELSE base + size($rows) END
            WITH c, base
            UNWIND $rows AS row
            MERGE (t:Memory {namespace: $namespace, id: row.id})
            ON CREATE SET t:Turn:SearchPending:EmbedPending, t.conversationId = c.id, t.sequence = base + row.index,
                t.speaker = row.speaker, t.text = row.text, t.saidAt = coalesce(row.saidAt, datetime()),
                t.ref = row.ref, t.createdAt = datetime()
            MERGE (t)-[d:DURING]->(c)
            ON CREATE SET d.createdAt = datetime()
            WITH t, row
            """ + EntityStatements.optionallyNamed("e", "row.speakerKey") + """
            CALL (t, e) {
              WITH t, e WHERE e IS NOT NULL
              MERGE (t)-[s:SAID_BY]->(e)
              ON CREATE SET s.createdAt = datetime()
            }
            RETURN t
            ORDER BY t.sequence
            """;

    public static final String PAGE = """
            MATCH (t:Turn)
            WHERE t.namespace = $namespace AND t.conversationId = $conversationId AND t.sequence > $after
            RETURN t
            ORDER BY t.sequence
            LIMIT $limit
            """;

    public static final String AROUND = """
            MATCH (h:Memory {namespace: $namespace, id: $id})
            WHERE h:Turn
            MATCH (t:Turn)
            WHERE t.namespace = $namespace AND t.conversationId = h.conversationId
              AND t.sequence >= h.sequence - $before AND t.sequence <= h.sequence + $after
            RETURN t
            ORDER BY t.sequence
            """;

    private TurnStatements() {}

    /** The rows of turns to append, in order: {@code index} is each turn's place among them. */
    public static List<Map<String, Object>> rows(List<NewTurn> turns, java.util.function.Supplier<String> ids) {
        List<Map<String, Object>> rows = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            NewTurn turn = turns.get(i);
            rows.add(Params.row(i)
                    .with("id", ids.get())
                    .with("speaker", turn.speaker())
                    .with("speakerKey", turn.speakerKey())
                    .with("text", turn.text())
                    .with("saidAt", turn.saidAt() == null ? null : turn.saidAt().atZone(ZoneOffset.UTC))
                    .with("ref", turn.ref())
                    .map());
        }
        return rows;
    }

    /** Appends the turns of {@code rows} to the conversation; they come back in order. */
    public static Statement<List<Turn>> record(
            String namespace, String conversationId, List<Map<String, Object>> rows) {
        var params = Params.in(namespace).with("conversationId", conversationId).with("rows", rows);
        return Statement.write("recordTurns", SearchIndexing.forRows(RECORD, rows.size()), params.map(), result -> {
            if (result.records().isEmpty()) {
                throw new NotFoundException("Conversation", "conversationId", conversationId);
            }
            return turns(result);
        });
    }

    public static Statement<List<Turn>> page(String namespace, TurnQuery query) {
        var params = Params.in(namespace)
                .with("conversationId", query.conversationId())
                .with("after", query.after() == null ? -1L : query.after())
                .with("limit", query.limit());
        return Statement.read("getTurns", PAGE, params.map(), TurnStatements::turns);
    }

    public static Statement<List<Turn>> around(String namespace, String id, int before, int after) {
        var params = Params.in(namespace).with("id", id).with("before", before).with("after", after);
        return Statement.read("turnsAround", AROUND, params.map(), result -> {
            if (result.records().isEmpty()) {
                throw new NotFoundException("Turn", "turnId", id);
            }
            return turns(result);
        });
    }

    private static List<Turn> turns(Statement.Rows rows) {
        List<Turn> turns = new ArrayList<>(rows.records().size());
        for (Record record : rows.records()) {
            turns.add(Nodes.turn(record.get("t").asNode()));
        }
        return turns;
    }
}
