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
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.StoredMemory;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * plans they share) and one statement per relationship type its links use ({@link #LINK}). A link finds an entity or
 * pattern of the memory by its key, not its id, since it may turn out to be one stored before, with an id of its own:
 * so no statement waits for another's result.
 *
 * <p>This replaced one composed statement doing all of it, which took 2 to 5 s to plan (and again whenever the
 * graph's counts drifted far enough for Neo4j to plan it anew); each statement here plans in about a tenth of a
 * second. Each statement costs the server a little (measured: a memory of 3 kinds and 2 link types 9.6 ms against
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

    /**
     * The links of type {@code %1$s} of a memory: each end by id (a commitment or decision of the memory, or a memory
     * stored before), by name (an entity of the memory) or by pattern key (a pattern of the memory).
     */
    private static final String LINK_TEMPLATE = """
            UNWIND $rows AS row
            OPTIONAL MATCH (fromId:Memory {namespace: $namespace, id: row.fromId})
            OPTIONAL MATCH (fromEntity:Entity {namespace: $namespace, nameKey: row.fromNameKey})
            OPTIONAL MATCH (fromPattern:Pattern {namespace: $namespace, patternKey: row.fromPatternKey})
            OPTIONAL MATCH (toId:Memory {namespace: $namespace, id: row.toId})
            OPTIONAL MATCH (toEntity:Entity {namespace: $namespace, nameKey: row.toNameKey})
            OPTIONAL MATCH (toPattern:Pattern {namespace: $namespace, patternKey: row.toPatternKey})
            WITH row, coalesce(fromId, fromEntity, fromPattern) AS a, coalesce(toId, toEntity, toPattern) AS b
            WITH row, a, b, true AS allowed, a IS NOT NULL AND b IS NOT NULL AS write
            """;

    private static final Map<RelationshipType, String> LINK = new EnumMap<>(RelationshipType.class);

    static {
        for (RelationshipType type : RelationshipType.values()) {
            LINK.put(type, LINK_TEMPLATE + LinkStatements.write(type) + """
                    RETURN row.index AS index, write, created, a.id AS from, b.id AS to,
                        CASE WHEN write THEN properties(COLLECT { MATCH (a)-[r:%s]->(b) RETURN r }[0]) END AS properties
                    """.formatted(type.name()));
        }
    }

    private StoreMemoryStatement() {}

    /** The statement that writes a memory's links of type {@code type}. */
    public static String link(RelationshipType type) {
        return LINK.get(type);
    }

    /** The work that stores {@code memory}, with every new id drawn from {@code ids} now. */
    public static Work<StoredMemory> work(String namespace, Supplier<String> ids, NewMemory memory) {
        Rows rows = new Rows(memory, ids);
        List<Work<? extends List<?>>> statements = new ArrayList<>(rows.nodes(namespace));
        statements.addAll(rows.links(namespace));
        int kinds = statements.size() - rows.linksByType.size();
        Work<StoredMemory> store = Work.sequence("storeMemory", AccessMode.WRITE, statements)
                .map(results -> rows.result(results.subList(0, kinds), results.subList(kinds, results.size())));
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
        /** How a link finds each item of the memory: by id, name key or pattern key. */
        private final Map<String, Map.Entry<String, Object>> ends = new HashMap<>();

        private final List<Map<String, Object>> commitments = new ArrayList<>();
        private final List<Map<String, Object>> decisions = new ArrayList<>();
        private final List<Map<String, Object>> entities = new ArrayList<>();
        private final List<Map<String, Object>> patterns = new ArrayList<>();
        private final List<Map<String, Object>> externals = new ArrayList<>();
        private final Map<RelationshipType, List<Map<String, Object>>> linksByType =
                new EnumMap<>(RelationshipType.class);

        Rows(NewMemory memory, Supplier<String> ids) {
            this.memory = memory;
            memory.commitments()
                    .forEach((key, item) ->
                            add(commitments, key, CommitmentStatements.row(keys.size(), ids.get(), item), "Id", "id"));
            memory.decisions()
                    .forEach((key, item) ->
                            add(decisions, key, DecisionStatements.row(keys.size(), ids.get(), item), "Id", "id"));
            memory.entities()
                    .forEach((key, item) -> add(
                            entities, key, EntityStatements.row(keys.size(), ids.get(), item), "NameKey", "nameKey"));
            memory.patterns()
                    .forEach((key, item) ->
                            add(patterns, key, patternRow(keys.size(), ids, item), "PatternKey", "patternKey"));
            for (int i = 0; i < memory.links().size(); i++) {
                MemoryLink link = memory.links().get(i);
                external(i, "from", link.from(), link.relationship().from());
                external(i, "to", link.to(), link.relationship().to());
                Map<String, Object> row = new HashMap<>();
                row.put("index", i);
                row.put("properties", link.properties());
                for (String end : List.of("from", "to")) {
                    for (String by : List.of("Id", "NameKey", "PatternKey")) {
                        row.put(end + by, null); // every field present in every row
                    }
                }
                end(row, "from", link.from());
                end(row, "to", link.to());
                linksByType
                        .computeIfAbsent(link.relationship(), type -> new ArrayList<>())
                        .add(row);
            }
        }

        private void add(List<Map<String, Object>> rows, String key, Map<String, Object> row, String by, String field) {
            keys.add(key);
            rows.add(row);
            ends.put(key, Map.entry(by, row.get(field)));
        }

        private void end(Map<String, Object> row, String end, String reference) {
            Map.Entry<String, Object> item = ends.get(reference);
            if (item == null) {
                row.put(end + "Id", reference); // a memory stored before
            } else {
                row.put(end + item.getKey(), item.getValue());
            }
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

        /** The statement of each relationship type the links use, each returning the links it wrote by position. */
        List<Work<? extends List<?>>> links(String namespace) {
            List<Work<? extends List<?>>> statements = new ArrayList<>();
            linksByType.forEach((type, rows) -> statements.add(Statement.write(
                    "storeMemory",
                    link(type),
                    Params.in(namespace).with("rows", rows).map(),
                    result -> {
                        List<Map.Entry<Integer, Link>> links = new ArrayList<>();
                        for (Record record : result.records()) {
                            int index = record.get("index").asInt();
                            if (!record.get("write").asBoolean()) {
                                throw endsChanged(index);
                            }
                            Map<String, Object> properties =
                                    new HashMap<>(record.get("properties").asMap());
                            NewLink.RESERVED_PROPERTIES.forEach(properties::remove);
                            links.add(Map.entry(
                                    index,
                                    new Link(
                                            record.get("from").asString(),
                                            type,
                                            record.get("to").asString(),
                                            properties,
                                            record.get("created").asBoolean())));
                        }
                        return links;
                    })));
            return statements;
        }

        /** The memory as stored, from the results of the kinds' statements and of the links' statements. */
        @SuppressWarnings("unchecked")
        StoredMemory result(List<?> kinds, List<?> linkParts) {
            Map<String, Object> nodes = new HashMap<>(); // key -> the stored model value
            for (Object kind : kinds) {
                for (Object outcome : (List<?>) kind) {
                    Outcome<?> stored = (Outcome<?>) outcome;
                    nodes.put(keys.get(stored.index()), stored.value());
                }
            }
            Link[] links = new Link[memory.links().size()];
            for (Object part : linkParts) {
                for (Object written : (List<?>) part) {
                    Map.Entry<Integer, Link> link = (Map.Entry<Integer, Link>) written;
                    links[link.getKey()] = link.getValue();
                }
            }
            return new StoredMemory(
                    byKey(memory.commitments().keySet(), nodes, Commitment.class::cast),
                    byKey(memory.decisions().keySet(), nodes, Decision.class::cast),
                    byKey(memory.entities().keySet(), nodes, Entity.class::cast),
                    byKey(memory.patterns().keySet(), nodes, Pattern.class::cast),
                    List.of(links));
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
