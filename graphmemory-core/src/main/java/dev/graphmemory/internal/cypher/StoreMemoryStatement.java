package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.StoredMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.types.Node;

/**
 * {@code storeMemory}: a whole memory in one transaction and, but for a check, in one statement.
 *
 * <p>First, only if the memory links to memories stored before, one statement checks those ends; a missing one or one
 * of a kind the relationship does not allow refuses the memory before anything is written, in any execution mode
 * (links between the memory's own items were checked when the {@link NewMemory} was made). Then {@link #STORE} writes
 * everything: each kind's rows in a {@code CALL} of its own (the same Cypher as {@code createCommitments},
 * {@code recordDecisions}, {@code createEntities} and {@code recordPatterns}), the stored nodes in the order of the
 * memory's keys followed by the stored memories it links to, and the links between them by position, with the
 * relationship type given as data ({@code MERGE (a)-[r:$(row.type)]->(b)}).
 *
 * <p>This is the third shape of this work. One composed statement with an optional lookup of each link end and a
 * {@code FOREACH} per relationship type took 2 to 5 s to plan on the first machine (377 ms on this one, again whenever
 * the graph's counts drifted far enough for Neo4j to plan it anew). The statements of each kind and then of each link
 * type, sent in two pipelined rounds, each planned in about a tenth of a second but made a memory cost 7.2 ms against
 * the composed statement's 3.9 (five statements, two round trips, every link end looked up again). This one plans in
 * about 0.2 s, a type given as data costing no more than one: there is no lookup of a link end but the stored memories
 * it links to, and no branch per type; and it is as fast as the composed statement. Until the database holds about
 * ten relationships, Neo4j plans the {@code MERGE} of a type given as data as a scan of every relationship (the
 * cheapest at such counts), and plans it again once their number has grown.
 *
 * <p>Every id is drawn when the work is made, so a retried transaction writes the same memory.
 */
public final class StoreMemoryStatement {
    /** The ends of links to memories stored before: whether each exists and has a kind its relationship allows. */
    public static final String CHECK_EXTERNALS = """
            UNWIND $externals AS x
            OPTIONAL MATCH (m:Memory {namespace: $namespace, id: x.id})
            RETURN x.link AS link, x.end AS end, x.id AS id, m IS NOT NULL AS found, labels(m) AS labels,
                m IS NOT NULL AND any(label IN labels(m) WHERE label IN x.labels) AS allowed
            """;

    /**
     * The whole memory: the stored memories its links reach ({@code $externals}, first: an independent lookup after the
     * writes would be planned as a product with them), each kind's rows, then the links between the stored nodes (the
     * memory's in the order of its keys, then the stored ones), by their positions in that list. A link whose stored end
     * has gone (removed since it was checked) is not written, and missing from {@code links}.
     */
    public static final String STORE = store(true);

    /**
     * {@link #STORE} for a memory without pattern observations (most memories): their {@code CALL} is a quarter of the
     * statement's plan (a re-plan of 0.17 s against 0.22 s in a probe).
     */
    public static final String STORE_WITHOUT_PATTERNS = store(false);

    private static String store(boolean patterns) {
        return """
                CALL () {
                  UNWIND $externals AS id
                  OPTIONAL MATCH (x:Memory {namespace: $namespace, id: id})
                  RETURN collect([x]) AS externals
                }
                CALL () {
                %s  RETURN collect({index: row.index, node: c}) AS commitments
                }
                CALL () {
                %s  RETURN collect({index: row.index, node: d}) AS decisions
                }
                CALL () {
                %s  RETURN collect({index: row.index, node: e}) AS entities
                }
                %sWITH commitments + decisions + entities%s AS stored, externals
                CALL (stored) {
                  UNWIND stored AS s
                  WITH s ORDER BY s.index
                  RETURN collect(s.node) AS own
                }
                WITH stored, own + [x IN externals | x[0]] AS nodes
                CALL (nodes) {
                  UNWIND $links AS row
                  WITH row, nodes[row.fromIndex] AS a, nodes[row.toIndex] AS b
                  WHERE a IS NOT NULL AND b IS NOT NULL
                  WITH row, a, b, NOT EXISTS { (a)-[:$(row.type)]->(b) } AS created
                  MERGE (a)-[r:$(row.type)]->(b) ON CREATE SET r.createdAt = datetime() SET r += row.properties
                  FOREACH (_ IN CASE WHEN row.type = 'SUPERSEDED_BY' THEN [1] ELSE [] END |
                    %s)
                  RETURN collect({indexes: row.indexes, created: created, properties: properties(r)}) AS links
                }
                RETURN stored, links
                """.formatted(
                        indent(CommitmentStatements.create("commitments")),
                        indent(DecisionStatements.create("decisions")),
                        indent(EntityStatements.upsert("entities")),
                        patterns
                                ? "CALL () {\n" + indent(PatternStatements.record("patterns"))
                                        + "  RETURN collect({index: row.index, node: p}) AS patterns\n}\n"
                                : "",
                        patterns ? " + patterns" : "",
                        LinkStatements.SUPERSEDES);
    }

    private StoreMemoryStatement() {}

    private static String indent(String text) {
        return text.indent(2);
    }

    /** The work that stores {@code memory}, with every new id drawn from {@code ids} now. */
    public static Work<StoredMemory> work(String namespace, Supplier<String> ids, NewMemory memory) {
        Rows rows = new Rows(memory, ids);
        Statement<StoredMemory> store = rows.store(namespace);
        if (rows.externals.isEmpty()) {
            return store;
        }
        // A write statement although it only reads: the whole work's access mode is its first statement's.
        Statement<Void> check = Statement.write(
                "storeMemory",
                CHECK_EXTERNALS,
                Params.in(namespace).with("externals", rows.checks()).map(),
                result -> {
                    refuseUnlessAllowed(result.records(), memory);
                    return null;
                });
        return check.then(checked -> store);
    }

    /** The rows of the statements, made once with the memory's new ids. */
    private static final class Rows {
        private final NewMemory memory;
        private final List<String> keys = new ArrayList<>();
        private final List<Map<String, Object>> commitments = new ArrayList<>();
        private final List<Map<String, Object>> decisions = new ArrayList<>();
        private final List<Map<String, Object>> entities = new ArrayList<>();
        private final List<Map<String, Object>> patterns = new ArrayList<>();
        /** The ids of the stored memories the links reach, each once, in order of first use. */
        private final List<String> externals = new ArrayList<>();
        /** What to check of each link end that is a stored memory. */
        private final List<Map<String, Object>> checks = new ArrayList<>();
        /** One row per distinct link (same ends and type), with the indexes of the links it stands for. */
        private final List<Map<String, Object>> links = new ArrayList<>();

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
            Map<List<Object>, Map<String, Object>> distinct = new LinkedHashMap<>();
            for (int i = 0; i < memory.links().size(); i++) {
                MemoryLink link = memory.links().get(i);
                int from = position(i, "from", link.from(), link.relationship().from());
                int to = position(i, "to", link.to(), link.relationship().to());
                int first = i;
                Map<String, Object> row = distinct.computeIfAbsent(List.of(from, link.relationship(), to), same -> {
                    Map<String, Object> made = Params.row(first)
                            .with("indexes", new ArrayList<Integer>())
                            .with("fromIndex", from)
                            .with("toIndex", to)
                            .with("type", link.relationship().name())
                            .with("properties", new HashMap<String, Object>())
                            .map();
                    links.add(made);
                    return made;
                });
                indexes(row).add(i);
                properties(row).putAll(link.properties());
            }
        }

        private void add(List<Map<String, Object>> rows, String key, Map<String, Object> row) {
            keys.add(key);
            rows.add(row);
        }

        /** The position of a link end in the statement's list of nodes: the memory's keys, then the stored ones. */
        private int position(int link, String end, String reference, java.util.Set<MemoryKind> kinds) {
            int key = keys.indexOf(reference);
            if (key >= 0) {
                return key;
            }
            checks.add(Params.row(link)
                    .with("link", link)
                    .with("end", end)
                    .with("id", reference)
                    .with("labels", LinkStatements.labels(kinds))
                    .map());
            if (!externals.contains(reference)) {
                externals.add(reference);
            }
            return keys.size() + externals.indexOf(reference);
        }

        List<Map<String, Object>> checks() {
            return checks;
        }

        @SuppressWarnings("unchecked")
        private static List<Integer> indexes(Map<String, Object> row) {
            return (List<Integer>) row.get("indexes");
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> properties(Map<String, Object> row) {
            return (Map<String, Object>) row.get("properties");
        }

        /** The statement that writes the whole memory. */
        Statement<StoredMemory> store(String namespace) {
            int nodes = commitments.size() + decisions.size() + entities.size() + patterns.size();
            var parameters = Params.in(namespace)
                    .with("commitments", commitments)
                    .with("decisions", decisions)
                    .with("entities", entities)
                    .with("externals", externals)
                    .with("links", links);
            String text = STORE_WITHOUT_PATTERNS;
            if (!patterns.isEmpty()) {
                parameters.with("patterns", patterns).with("window", PatternStatements.OBSERVATION_WINDOW);
                text = STORE;
            }
            var map = parameters.map();
            return Statement.write("storeMemory", SearchIndexing.forRows(text, nodes), map, result -> {
                Record record = result.records().get(0);
                Map<Integer, Node> stored = new HashMap<>(); // position in keys -> the stored node
                for (Value item : record.get("stored").values()) {
                    stored.put(item.get("index").asInt(), item.get("node").asNode());
                }
                Link[] written = new Link[memory.links().size()];
                for (Value row : record.get("links").values()) {
                    List<Integer> indexes = Batches.asIndexes(row.get("indexes"));
                    Map<String, Object> properties = LinkStatements.visibleProperties(
                            row.get("properties").asMap());
                    for (int i = 0; i < indexes.size(); i++) {
                        MemoryLink link = memory.links().get(indexes.get(i));
                        written[indexes.get(i)] = new Link(
                                idOf(link.from(), stored),
                                link.relationship(),
                                idOf(link.to(), stored),
                                properties,
                                i == 0 && row.get("created").asBoolean());
                    }
                }
                for (int i = 0; i < written.length; i++) {
                    if (written[i] == null) {
                        throw endsChanged(i);
                    }
                }
                return new StoredMemory(
                        byKey(memory.commitments().keySet(), stored, Nodes::commitment),
                        byKey(memory.decisions().keySet(), stored, Nodes::decision),
                        byKey(memory.entities().keySet(), stored, Nodes::entity),
                        byKey(memory.patterns().keySet(), stored, Nodes::pattern),
                        List.of(written));
            });
        }

        /** The id of a link end: the stored node's for one of the memory's keys (an entity may have been there). */
        private String idOf(String reference, Map<Integer, Node> stored) {
            int key = keys.indexOf(reference);
            return key < 0 ? reference : stored.get(key).get("id").asString();
        }

        private <T> Map<String, T> byKey(java.util.Set<String> kind, Map<Integer, Node> stored, Function<Node, T> map) {
            Map<String, T> values = new LinkedHashMap<>();
            kind.forEach(key -> values.put(key, map.apply(stored.get(keys.indexOf(key)))));
            return values;
        }
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

    /**
     * Refuses the memory when a stored end is missing or of a kind its link does not allow, or when a link that must
     * join two memories of one kind ({@code SUPERSEDED_BY}) would join a decision and a fact.
     */
    private static void refuseUnlessAllowed(List<Record> externals, NewMemory memory) {
        Map<String, MemoryKind> kinds = new HashMap<>(); // id of a stored end -> its kind
        for (Record external : externals) {
            if (external.get("allowed").asBoolean()) {
                MemoryKind.fromLabels(external.get("labels").asList(org.neo4j.driver.Value::asString))
                        .ifPresent(kind -> kinds.put(external.get("id").asString(), kind));
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
        for (int i = 0; i < memory.links().size(); i++) {
            MemoryLink link = memory.links().get(i);
            MemoryKind from = memory.kindOf(link.from()) != null ? memory.kindOf(link.from()) : kinds.get(link.from());
            MemoryKind to = memory.kindOf(link.to()) != null ? memory.kindOf(link.to()) : kinds.get(link.to());
            if (from != null && to != null && !link.relationship().allows(from, to)) {
                throw new InvalidInputException(
                        "links[" + i + "].relationship",
                        link.relationship().rule() + ", not " + from.label() + " to " + to.label());
            }
        }
    }
}
