package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.FactReplacement;
import dev.graphmemory.model.NewFact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Facts: statements about entities with the time they held ({@code validFrom}, {@code validUntil}) besides the time
 * they were recorded ({@code createdAt}) and ended ({@code endedAt}). A fact is linked to its entities
 * ({@code INVOLVES}), to the conversation it was learned in ({@code LEARNED_FROM}), and to the fact that replaced it
 * ({@code SUPERSEDED_BY}); nothing is deleted when a fact ends or is replaced. The statement is stored as
 * {@code content}, which the full-text index covers.
 *
 * <p>Entities are found by name through {@link EntityStatements#named} only. An entity's facts are read through its
 * relationships, never by scanning facts.
 *
 * <p>Writes are idempotent: new facts MERGE on their pre-generated id, and ending a fact records the id of the
 * operation that ended it ({@code endedBy}: the new fact's id for a replacement, a drawn id for an end), so that a
 * transaction the driver runs again after a lost commit acknowledgement finds its own end and does not refuse it.
 */
public final class FactStatements {
    /**
     * Checks the facts of {@code $rows} (their entities and conversation exist) and creates those that may be written:
     * with {@code $atomic}, none when any is refused. The check and the write are one statement, so a refused fact
     * writes nothing in any execution mode.
     */
    static final String RECORD = """
            UNWIND $rows AS row
            WITH row, [key IN row.aboutKeys WHERE NOT EXISTS { %1$s }] AS missing,
                row.conversationId IS NULL
                    OR EXISTS { MATCH (c:Memory {namespace: $namespace, id: row.conversationId}) WHERE c:Conversation }
                    AS conversationFound
            WITH collect({row: row, missing: missing, conversationFound: conversationFound}) AS checked
            WITH checked, $atomic AND any(c IN checked WHERE size(c.missing) > 0 OR NOT c.conversationFound) AS refused
            UNWIND checked AS c
            WITH c.row AS row, c.missing AS missing, c.conversationFound AS conversationFound,
                size(c.missing) = 0 AND c.conversationFound AND NOT refused AS write
            FOREACH (_ IN CASE WHEN write THEN [1] ELSE [] END |
                MERGE (f:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET f:Fact:SearchPending:EmbedPending, f.content = row.statement,
                    f.validFrom = row.validFrom, f.validUntil = row.validUntil,
                    f.endedAt = CASE WHEN row.validUntil IS NULL THEN null ELSE datetime() END,
                    f.createdAt = datetime())
            WITH row, missing, conversationFound, write
            OPTIONAL MATCH (f:Memory {namespace: $namespace, id: row.id}) WHERE write
            %2$s
            RETURN row.index AS index, missing, conversationFound, CASE WHEN f IS NOT NULL THEN %3$s END AS fact
            """.formatted(EntityStatements.named("e", "key"), links("f", "row"), projection("f"));

    /**
     * Finds the facts of an atomic batch that would be refused, writing nothing (see {@code Batches.inScope}): every
     * row, with its missing entities and whether its conversation exists.
     */
    static final String RECORD_CHECK = """
            UNWIND $rows AS row
            RETURN row.index AS index, [key IN row.aboutKeys WHERE NOT EXISTS { %s }] AS missing,
                row.conversationId IS NULL
                    OR EXISTS { MATCH (c:Memory {namespace: $namespace, id: row.conversationId}) WHERE c:Conversation }
                    AS conversationFound
            """.formatted(EntityStatements.named("e", "key"));

    /**
     * Finds the fact to end or replace and takes its write lock (a property set and removed), so that concurrent ends
     * of one fact queue up and the second sees the first one's end. For a replacement it also checks the new fact's
     * entities and conversation.
     */
    static final String CHECK = """
            OPTIONAL MATCH (old:Memory {namespace: $namespace, id: $factId})
            FOREACH (_ IN CASE WHEN old:Fact THEN [1] ELSE [] END | SET old._lock = true REMOVE old._lock)
            RETURN old IS NOT NULL AND old:Fact AS found, old.validFrom AS validFrom, old.validUntil AS validUntil,
                old.endedBy AS endedBy, [(old)-[:SUPERSEDED_BY]->(next:Fact) | next.id][0] AS successor,
                [key IN $fact.aboutKeys WHERE NOT EXISTS { %s }] AS missing,
                $fact.conversationId IS NULL
                    OR EXISTS { MATCH (c:Memory {namespace: $namespace, id: $fact.conversationId}) WHERE c:Conversation }
                    AS conversationFound
            """.formatted(EntityStatements.named("e", "key"));

    /** Ends a fact: it held until {@code $until}; the end is recorded now. */
    public static final String END = """
            MATCH (f:Memory {namespace: $namespace, id: $factId})
            WHERE f:Fact
            SET f.validUntil = $until, f.endedAt = coalesce(f.endedAt, datetime()), f.endedBy = $operation
            RETURN %s AS fact
            """.formatted(projection("f"));

    /**
     * Records the new fact, links the old one to it and ends the old one when the new one became true; the new one is
     * about the entities of the old one and those it names. MERGE on the pre-generated id and on the link makes a
     * re-run harmless.
     */
    public static final String REPLACE = """
            MATCH (old:Memory {namespace: $namespace, id: $factId})
            WHERE old:Fact
            MERGE (f:Memory {namespace: $namespace, id: $fact.id})
            ON CREATE SET f:Fact:SearchPending:EmbedPending, f.content = $fact.statement,
                f.validFrom = $fact.validFrom, f.validUntil = $fact.validUntil,
                f.endedAt = CASE WHEN $fact.validUntil IS NULL THEN null ELSE datetime() END,
                f.createdAt = datetime()
            MERGE (old)-[r:SUPERSEDED_BY]->(f)
            ON CREATE SET r.createdAt = datetime(), old.supersededAt = datetime(), old.validUntil = $fact.validFrom,
                old.endedAt = datetime(), old.endedBy = $fact.id
            WITH old, f, $fact AS row
            CALL (old, f) {
              MATCH (old)-[:INVOLVES]->(e:Entity)
              MERGE (f)-[i:INVOLVES]->(e)
              ON CREATE SET i.createdAt = datetime()
            }
            %s
            RETURN %s AS old, %s AS fact
            """.formatted(links("f", "row"), projection("old"), projection("f"));

    /**
     * The facts of an entity, found through its {@code INVOLVES} relationships: those that held at {@code $at} (now
     * when it is {@code null}), or all of them with {@code $history}; the latest to become true first.
     */
    static final String LIST = """
            %s
            WITH e, coalesce($at, datetime()) AS at
            RETURN e IS NOT NULL AS found, COLLECT {
                MATCH (e)<-[:INVOLVES]-(f:Fact)
                WHERE $history OR (f.validFrom <= at AND (f.validUntil IS NULL OR f.validUntil > at))
                WITH DISTINCT f ORDER BY f.validFrom DESC, f.createdAt DESC, f.id DESC LIMIT $limit
                RETURN %s
            } AS facts
            """.formatted(EntityStatements.optionallyNamed("e", "$entityKey"), projection("f"));

    private FactStatements() {}

    /**
     * A fact as reads return it: the node, the names of its entities, its conversation's id and the id of the fact
     * that replaced it.
     */
    static String projection(String f) {
        return ("{node: %1$s, about: [(%1$s)-[:INVOLVES]->(x:Entity) | x.name],"
                        + " conversationId: [(%1$s)-[:LEARNED_FROM]->(x:Conversation) | x.id][0],"
                        + " replacedBy: [(%1$s)-[:SUPERSEDED_BY]->(x:Fact) | x.id][0]}")
                .formatted(f);
    }

    /** Links the fact {@code f} to the entities and the conversation its row {@code row} names (when {@code f} exists). */
    private static String links(String f, String row) {
        return """
                CALL (%1$s, %2$s) {
                  WITH %1$s, %2$s WHERE %1$s IS NOT NULL
                  UNWIND %2$s.aboutKeys AS key
                  %3$s
                  MERGE (%1$s)-[i:INVOLVES]->(e)
                  ON CREATE SET i.createdAt = datetime()
                }
                CALL (%1$s, %2$s) {
                  WITH %1$s, %2$s WHERE %1$s IS NOT NULL AND %2$s.conversationId IS NOT NULL
                  MATCH (c:Memory {namespace: $namespace, id: %2$s.conversationId})
                  WHERE c:Conversation
                  MERGE (%1$s)-[l:LEARNED_FROM]->(c)
                  ON CREATE SET l.createdAt = datetime()
                }""".formatted(f, row, EntityStatements.named("e", "key"));
    }

    /**
     * The row of a fact; {@code now} is the moment it becomes true when it gives none, drawn before the transaction so
     * that a re-run writes the same.
     *
     * @throws InvalidInputException naming {@code validUntil} when it is not after the moment the fact became true
     */
    public static Map<String, Object> row(int index, String id, NewFact fact, Instant now) {
        Instant from = fact.validFrom() == null ? now : fact.validFrom();
        if (fact.validUntil() != null && !fact.validUntil().isAfter(from)) {
            throw new InvalidInputException("validUntil", "must be after validFrom (" + from + ")");
        }
        return Params.row(index)
                .with("id", id)
                .with("statement", fact.statement())
                .with("about", fact.about())
                .with("aboutKeys", fact.aboutKeys())
                .with("conversationId", fact.conversationId())
                .with("validFrom", moment(from))
                .with("validUntil", moment(fact.validUntil()))
                .map();
    }

    /**
     * Records the facts of {@code rows}; a fact whose entity or conversation is missing fails, naming it. With
     * {@code atomic}, nothing is written when any fails.
     */
    public static Statement<List<Outcome<Fact>>> record(
            String namespace, List<Map<String, Object>> rows, boolean atomic) {
        var params = Params.in(namespace).with("rows", rows).with("atomic", atomic);
        return Statement.write("recordFacts", SearchIndexing.forRows(RECORD, rows.size()), params.map(), result -> {
            List<Outcome<Fact>> outcomes = new ArrayList<>(result.records().size());
            for (Record record : result.records()) {
                int index = record.get("index").asInt();
                if (!record.get("fact").isNull()) {
                    outcomes.add(Batches.stored(index, true, Nodes.fact(record.get("fact"))));
                    continue;
                }
                MemoryException failure = refusal(record, row(rows, index));
                outcomes.add(
                        failure != null ? Batches.failed(index, failure) : Batches.collateral(index, notWritten()));
            }
            return outcomes;
        });
    }

    /** The failed and collateral facts of an atomic batch when any would be refused, else none; writes nothing. */
    public static Statement<List<Outcome<Fact>>> check(String namespace, List<Map<String, Object>> rows) {
        var params = Params.in(namespace).with("rows", rows);
        return Statement.read("recordFacts", RECORD_CHECK, params.map(), result -> {
            List<Outcome<Fact>> refused = new ArrayList<>();
            boolean any = false;
            for (Record record : result.records()) {
                int index = record.get("index").asInt();
                MemoryException failure = refusal(record, row(rows, index));
                any |= failure != null;
                refused.add(failure != null ? Batches.failed(index, failure) : Batches.collateral(index, notWritten()));
            }
            return any ? refused : List.of();
        });
    }

    /**
     * Ends the fact {@code factId} at {@code until}: refused when it is not a fact of the namespace, when it ended
     * already (naming when, and the fact that replaced it) or when {@code until} is not after it became true.
     */
    public static Work<Fact> end(String namespace, String factId, Instant until, String operation) {
        var params = Params.in(namespace)
                .with("factId", factId)
                .with("until", moment(until))
                .with("operation", operation)
                .with("fact", Map.of("aboutKeys", List.of()))
                .map();
        Statement<Void> check = Statement.write("endFact", CHECK, params, rows -> {
            Record record = checked(rows.single(), factId, operation);
            Instant from = record.get("validFrom").asZonedDateTime().toInstant();
            if (!until.isAfter(from)) {
                throw new InvalidInputException("validUntil", "must be after the fact's validFrom (" + from + ")");
            }
            return null;
        });
        Statement<Fact> write = Statement.write(
                "endFact", END, params, rows -> Nodes.fact(rows.single().get("fact")));
        return check.then(checked -> write);
    }

    /**
     * Replaces the fact {@code factId} by the fact of {@code row}: refused as {@link #end} is, and when an entity or the
     * conversation the new fact names is missing.
     */
    public static Work<FactReplacement> replace(String namespace, String factId, Map<String, Object> row) {
        var params =
                Params.in(namespace).with("factId", factId).with("fact", row).map();
        Statement<Void> check = Statement.write("replaceFact", CHECK, params, rows -> {
            Record record = checked(rows.single(), factId, (String) row.get("id"));
            MemoryException refused = refusal(record, row);
            if (refused != null) {
                throw refused;
            }
            Instant from = record.get("validFrom").asZonedDateTime().toInstant();
            Instant next = ((ZonedDateTime) row.get("validFrom")).toInstant();
            if (!next.isAfter(from)) {
                throw new InvalidInputException(
                        "validFrom", "must be after the replaced fact's validFrom (" + from + ")");
            }
            return null;
        });
        Statement<FactReplacement> write = Statement.write("replaceFact", REPLACE, params, rows -> {
            Record record = rows.single();
            return new FactReplacement(Nodes.fact(record.get("old")), Nodes.fact(record.get("fact")));
        });
        return check.then(checked -> write);
    }

    public static Statement<List<Fact>> list(String namespace, FactQuery query) {
        var params = Params.in(namespace)
                .with("entityKey", query.entityKey())
                .with("at", query.history() ? null : moment(query.asOf()))
                .with("history", query.history())
                .with("limit", query.limit());
        return Statement.read("getFacts", LIST, params.map(), rows -> {
            Record record = rows.single();
            if (!record.get("found").asBoolean()) {
                throw new NotFoundException("Entity", "entity", query.entity());
            }
            return record.get("facts").asList(Nodes::fact);
        });
    }

    /** The fact the check found, open; {@code operation} ending it already is a re-run, not a second end. */
    private static Record checked(Record record, String factId, String operation) {
        if (!record.get("found").asBoolean()) {
            throw new NotFoundException("Fact", "factId", factId);
        }
        Value until = record.get("validUntil");
        boolean ownEnd = operation.equals(record.get("endedBy").asString(null));
        if (!until.isNull() && !ownEnd) {
            String successor = record.get("successor").asString(null);
            throw new InvalidInputException(
                    "factId",
                    "has ended already (valid until " + until.asZonedDateTime().toInstant() + ")"
                            + (successor == null
                                    ? ""
                                    : "; fact " + successor + " replaced it: replace or end that one instead"));
        }
        return record;
    }

    /** Why a fact was not written, or {@code null} when it was refused only because another one was. */
    @SuppressWarnings("unchecked")
    private static MemoryException refusal(Record record, Map<String, Object> row) {
        List<String> missing = record.get("missing").asList(Value::asString);
        if (!missing.isEmpty()) {
            List<String> names = (List<String>) row.get("about");
            String name = missing.get(0);
            for (int i = 0; i < names.size(); i++) {
                if (dev.graphmemory.model.Validate.normalizedKey(names.get(i)).equals(name)) {
                    return new NotFoundException("Entity", "about[" + i + "]", names.get(i));
                }
            }
            return new NotFoundException("Entity", "about", name);
        }
        if (!record.get("conversationFound").asBoolean()) {
            return new NotFoundException("Conversation", "conversationId", (String) row.get("conversationId"));
        }
        return null;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, int index) {
        for (Map<String, Object> row : rows) {
            if (Integer.valueOf(index).equals(row.get("index"))) {
                return row;
            }
        }
        throw new IllegalStateException("no row " + index);
    }

    private static InvalidInputException notWritten() {
        return new InvalidInputException(
                "facts", "were not written because another fact of the atomic batch was refused");
    }

    private static ZonedDateTime moment(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }
}
