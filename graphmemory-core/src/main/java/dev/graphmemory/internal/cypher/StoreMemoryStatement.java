package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryLink;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.StoredMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.TransientException;

/**
 * {@code storeMemory}: a whole memory in one transaction, as the statements the single and batch operations send.
 *
 * <p>First, only if the memory links to memories stored before, one statement checks those ends; a missing one or one
 * of a kind the relationship does not allow refuses the memory before anything is written, in any execution mode
 * (links between the memory's own items were checked when the {@link NewMemory} was made). Then, pipelined (sent
 * together, one round trip), the statement of each kind the memory holds ({@code createCommitments},
 * {@code recordDecisions}, {@code createEntities}, {@code recordPatterns}: the statements of those operations, whose
 * plans they share); then, pipelined too, the {@code linkNodes} statement of each relationship type its links use,
 * with the ends' ids known by now (an entity or pattern may turn out to be one stored before, with an id of its own).
 * A statement that found each end of a link by id, name or pattern key would have spared the second round trip, but
 * its six optional lookups took three times as long to plan as the {@code linkNodes} statement.
 *
 * <p>This replaced one composed statement doing all of it, which took 2 to 5 s to plan (and again whenever the
 * graph's counts drifted far enough for Neo4j to plan it anew); each statement here plans in about a tenth of a
 * second. Each statement costs the server a little (measured: a memory of 3 kinds and 2 link types 10.8 ms against
 * 6.7 ms as one statement, the plans cached), the price of no call ever waiting seconds for the planner. Every id is
 * drawn when the work is made, so a retried transaction writes the same memory.
 */
public final class StoreMemoryStatement {
    /** The ends of links to memories stored before: whether each exists and has a kind its relationship allows. */
    public static final String CHECK_EXTERNALS = """
            UNWIND $externals AS x
            OPTIONAL MATCH (m:Memory {namespace: $namespace, id: x.id})
            RETURN x.link AS link, x.end AS end, m IS NOT NULL AS found, labels(m) AS labels,
                m IS NOT NULL AND any(label IN labels(m) WHERE label IN x.labels) AS allowed
            """;

    private StoreMemoryStatement() {}

    /** The work that stores {@code memory}, with every new id drawn from {@code ids} now. */
    public static Work<StoredMemory> work(String namespace, Supplier<String> ids, NewMemory memory) {
        Rows rows = new Rows(memory, ids);
        Work<StoredMemory> store = Work.sequence("storeMemory", AccessMode.WRITE, rows.nodes(namespace))
                .then(kinds -> rows.links(namespace, kinds));
        if (rows.externals.isEmpty()) {
            return store;
        }
        // A write statement although it only reads: the whole work's access mode is its first statement's.
        Statement<Void> check = Statement.write(
                "storeMemory",
                CHECK_EXTERNALS,
                Params.in(namespace).with("externals", rows.externals).map(),
                result -> {
                    refuseUnlessAllowed(result.records(), memory);
                    return null;
                });
        return check.then(checked -> store);
    }

    /** The rows of every statement, made once with the memory's new ids. */
    private static final class Rows {
        private final NewMemory memory;
        private final List<String> keys = new ArrayList<>();
        private final List<Map<String, Object>> commitments = new ArrayList<>();
        private final List<Map<String, Object>> decisions = new ArrayList<>();
        private final List<Map<String, Object>> entities = new ArrayList<>();
        private final List<Map<String, Object>> patterns = new ArrayList<>();
        private final List<Map<String, Object>> externals = new ArrayList<>();

        Rows(NewMemory memory, Supplier<String> ids) {
            this.memory = memory;
            memory.commitments()
                    .forEach((key, item) ->
                            add(commitments, key, CommitmentStatements.row(keys.size(), ids.get(), item)));
            memory.decisions()
                    .forEach((key, item) -> add(decisions, key, DecisionStatements.row(keys.size(), ids.get(), item)));
            memory.entities()
                    .forEach((key, item) -> add(entities, key, EntityStatements.row(keys.size(), ids.get(), item)));
            memory.patterns().forEach((key, item) -> add(patterns, key, patternRow(keys.size(), ids, item)));
            for (int i = 0; i < memory.links().size(); i++) {
                MemoryLink link = memory.links().get(i);
                external(i, "from", link.from(), link.relationship().from());
                external(i, "to", link.to(), link.relationship().to());
            }
        }

        private void add(List<Map<String, Object>> rows, String key, Map<String, Object> row) {
            keys.add(key);
            rows.add(row);
        }

        private void external(int link, String end, String reference, java.util.Set<MemoryKind> kinds) {
            if (!keys.contains(reference)) {
                externals.add(Params.row(link)
                        .with("link", link)
                        .with("end", end)
                        .with("id", reference)
                        .with("labels", LinkStatements.labels(kinds))
                        .map());
            }
        }

        /** The statement of each kind the memory holds. */
        List<Work<? extends List<?>>> nodes(String namespace) {
            List<Work<? extends List<?>>> statements = new ArrayList<>();
            if (!commitments.isEmpty()) {
                statements.add(CommitmentStatements.create(namespace, commitments));
            }
            if (!decisions.isEmpty()) {
                statements.add(DecisionStatements.create(namespace, decisions));
            }
            if (!entities.isEmpty()) {
                statements.add(EntityStatements.upsert(namespace, entities));
            }
            if (!patterns.isEmpty()) {
                statements.add(PatternStatements.record(namespace, patterns));
            }
            return statements;
        }

        /** The links, one {@code linkNodes} statement per type, once the nodes are stored; then the memory. */
        Work<StoredMemory> links(String namespace, List<List<?>> kinds) {
            Map<String, Object> nodes = new HashMap<>(); // key -> the stored model value
            for (List<?> kind : kinds) {
                for (Object outcome : kind) {
                    Outcome<?> stored = (Outcome<?>) outcome;
                    nodes.put(keys.get(stored.index()), stored.value());
                }
            }
            if (memory.links().isEmpty()) {
                return Work.done("storeMemory", result(nodes, List.of()));
            }
            List<NewLink> resolved = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < memory.links().size(); i++) {
                MemoryLink link = memory.links().get(i);
                NewLink ends = new NewLink(
                        idOf(link.from(), nodes), link.relationship(), idOf(link.to(), nodes), link.properties());
                resolved.add(ends);
                rows.add(LinkStatements.row(List.of(i), ends, ends.properties()));
            }
            List<Statement<List<Outcome<Link>>>> statements = new ArrayList<>();
            LinkStatements.group(rows)
                    .forEach((type, typed) ->
                            statements.add(LinkStatements.link(namespace, type, typed, resolved, true)));
            return Work.sequence("storeMemory", AccessMode.WRITE, statements).map(parts -> {
                Link[] links = new Link[resolved.size()];
                for (List<Outcome<Link>> part : parts) {
                    for (Outcome<Link> outcome : part) {
                        if (outcome.failure() != null) {
                            throw endsChanged(outcome.index());
                        }
                        links[outcome.index()] = outcome.value();
                    }
                }
                return result(nodes, List.of(links));
            });
        }

        private static String idOf(String reference, Map<String, Object> nodes) {
            Object node = nodes.get(reference);
            if (node == null) {
                return reference; // a memory stored before
            }
            if (node instanceof Commitment commitment) {
                return commitment.id();
            }
            if (node instanceof Decision decision) {
                return decision.id();
            }
            if (node instanceof Entity entity) {
                return entity.id();
            }
            return ((Pattern) node).id();
        }

        private StoredMemory result(Map<String, Object> nodes, List<Link> links) {
            return new StoredMemory(
                    byKey(memory.commitments().keySet(), nodes, Commitment.class::cast),
                    byKey(memory.decisions().keySet(), nodes, Decision.class::cast),
                    byKey(memory.entities().keySet(), nodes, Entity.class::cast),
                    byKey(memory.patterns().keySet(), nodes, Pattern.class::cast),
                    links);
        }
    }

    private static <T> Map<String, T> byKey(
            java.util.Set<String> keys, Map<String, Object> nodes, Function<Object, T> cast) {
        Map<String, T> values = new LinkedHashMap<>();
        keys.forEach(key -> values.put(key, cast.apply(nodes.get(key))));
        return values;
    }

    private static Map<String, Object> patternRow(int index, Supplier<String> ids, PatternObservation pattern) {
        return PatternStatements.row(
                PatternStatements.key(pattern), List.of(index), ids.get(), List.of(ids.get()), pattern);
    }

    /**
     * Links written after their ends were checked in the same transaction can only be refused if an end was removed
     * meanwhile by a transaction committed in between: a transient condition, so the whole memory is tried again (and
     * in an explicit transaction, the transaction is not to be committed).
     */
    private static RuntimeException endsChanged(int link) {
        return new TransientException(
                "Neo.TransientError.Transaction.Outdated",
                "links[" + link + "] of the memory lost an end while it was being stored; the memory is stored again");
    }

    private static void refuseUnlessAllowed(List<Record> externals, NewMemory memory) {
        for (Record external : externals) {
            if (external.get("allowed").asBoolean()) {
                continue;
            }
            int index = external.get("link").asInt();
            String end = external.get("end").asString();
            MemoryLink link = memory.links().get(index);
            String id = end.equals("from") ? link.from() : link.to();
            if (!external.get("found").asBoolean()) {
                throw new NotFoundException("Memory", "links[" + index + "]." + end, id);
            }
            String kind = MemoryKind.fromLabels(external.get("labels").asList(org.neo4j.driver.Value::asString))
                    .map(MemoryKind::label)
                    .orElse("?");
            throw new InvalidInputException(
                    "links[" + index + "].relationship", link.relationship().rule() + "; " + id + " is a " + kind);
        }
    }
}
