package dev.graphmemory.internal.run;

import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.cypher.LinkStatements;
import dev.graphmemory.internal.cypher.SearchIndexing;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import dev.graphmemory.model.Validate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Export and import of a namespace. Pages follow the (namespace, id) index in id order (keyset paging: each page
 * starts after the last id of the one before), so no page costs more than its own rows, however big the namespace.
 * The pages order by {@code namespace, id}, the index's own order: ordered by {@code id} alone, the planner reads the
 * rest of the namespace and keeps the top rows of it for every page (a quadratic export: a million lines timed out).
 */
final class Snapshots implements MemorySnapshots {
    static final int PAGE = 1_000;

    /** The id predicate lets the (namespace, id) index answer: on the namespace alone, Neo4j scanned every memory. */
    static final String COUNTS = """
            MATCH (m:Memory) WHERE m.namespace = $namespace AND m.id IS NOT NULL
            RETURN count(m) AS nodes, sum(COUNT { (m)-[]->(:Memory) }) AS relationships
            """;

    static final String NODES = """
            MATCH (m:Memory) WHERE m.namespace = $namespace AND m.id > $after
            RETURN m ORDER BY m.namespace, m.id LIMIT $page
            """;

    static final String RELATIONSHIPS = """
            MATCH (a:Memory) WHERE a.namespace = $namespace AND a.id > $after
            WITH a ORDER BY a.namespace, a.id LIMIT $page
            OPTIONAL MATCH (a)-[r]->(b:Memory)
            RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
            ORDER BY from, type, to
            """;

    static final String EXISTING = """
            UNWIND $ids AS id
            MATCH (m:Memory {namespace: $namespace, id: id})
            RETURN m.id AS id
            """;

    private static final Map<MemoryKind, String> IMPORT_NODES = new EnumMap<>(MemoryKind.class);

    /**
     * The same nodes created without looking for them first ({@link #createNodes}): the id's uniqueness constraint
     * refuses the statement if one is there.
     */
    private static final Map<MemoryKind, String> CREATE_NODES = new EnumMap<>(MemoryKind.class);

    static {
        for (MemoryKind kind : MemoryKind.values()) {
            // A page of imported nodes is a large write: searchable ones enter the full-text index at once.
            // Embeddings are not exported (they are made again from the text): searchable ones wait for theirs.
            String labels = SearchIndexing.searchable(kind)
                    ? kind.label() + ":" + SearchIndexing.INDEXED + ":" + SearchIndexing.EMBED_PENDING
                    : kind.label();
            IMPORT_NODES.put(kind, """
                    UNWIND $rows AS row
                    MERGE (m:Memory {namespace: $namespace, id: row.id})
                    SET m:%s, m += row.properties
                    """.formatted(labels));
            CREATE_NODES.put(kind, """
                    UNWIND $rows AS row
                    CREATE (m:Memory:%s {namespace: $namespace, id: row.id})
                    SET m += row.properties
                    """.formatted(labels));
        }
    }

    /**
     * Imports a page of relationships of one type, all or none: a missing end leaves the page unwritten. A page of
     * several types sends one statement per type in one transaction.
     */
    static final Map<RelationshipType, String> IMPORT_RELATIONSHIPS = new EnumMap<>(RelationshipType.class);

    /** The same, each relationship created without a look for it first ({@link #createRelationships}). */
    static final Map<RelationshipType, String> CREATE_RELATIONSHIPS = new EnumMap<>(RelationshipType.class);

    static {
        for (RelationshipType type : RelationshipType.values()) {
            IMPORT_RELATIONSHIPS.put(type, relationships(LinkStatements.merge(type)));
            CREATE_RELATIONSHIPS.put(type, relationships(LinkStatements.create(type)));
        }
    }

    /** A page's relationships written by {@code write} once every end is found. */
    private static String relationships(String write) {
        return """
                UNWIND $rows AS row
                OPTIONAL MATCH (a:Memory {namespace: $namespace, id: row.fromId})
                OPTIONAL MATCH (b:Memory {namespace: $namespace, id: row.toId})
                WITH collect({row: row, a: a, b: b}) AS found
                WITH found, all(f IN found WHERE f.a IS NOT NULL AND f.b IS NOT NULL) AS complete
                UNWIND found AS f
                WITH f.row AS row, f.a AS a, f.b AS b, complete
                FOREACH (_ IN CASE WHEN complete THEN [1] ELSE [] END | %s)
                RETURN row.index AS index, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound
                """.formatted(write);
    }

    /**
     * Claims the name and alias keys of a page's imported entities (see {@code EntityStatements}); returns the keys
     * another entity holds, which refuse the page. Re-importing finds the keys its own.
     */
    static final String IMPORT_KEYS = """
            UNWIND $rows AS row
            UNWIND row.keys AS key
            MERGE (k:EntityKey {namespace: $namespace, key: key.key})
            ON CREATE SET k.entityId = row.id, k.text = key.text
            WITH row, key, k WHERE k.entityId <> row.id
            RETURN row.index AS index, key.text AS text
            """;

    /** The same keys created ({@link #createNodes}): the key's uniqueness constraint refuses one another entity holds. */
    static final String CREATE_KEYS = """
            UNWIND $rows AS row
            UNWIND row.keys AS key
            CREATE (:EntityKey {namespace: $namespace, key: key.key, entityId: row.id, text: key.text})
            """;

    private final BlockingFacade executor;

    /** Every statement of export and import, for the statement catalogue. */
    static List<StatementCatalogue.Entry> catalogue(String namespace) {
        String after = "0192f0a0-0000-7000-8000-000000000000";
        Map<String, Object> page =
                Params.in(namespace).with("after", after).with("page", PAGE).map();
        List<StatementCatalogue.Entry> entries = new ArrayList<>();
        entries.add(entry("countSnapshot", COUNTS, Params.in(namespace).map()));
        entries.add(entry("exportNodes", NODES, page));
        entries.add(entry("exportRelationships", RELATIONSHIPS, page));
        entries.add(new StatementCatalogue.Entry(
                "existingIds",
                Statement.read(
                        "existingIds",
                        EXISTING,
                        Params.in(namespace).with("ids", List.of(after)).map(),
                        rows -> null)));
        Map<String, Object> nodes = Params.in(namespace)
                .with(
                        "rows",
                        List.of(Params.row(0)
                                .with("id", after)
                                .with("properties", Map.of("content", "x"))
                                .map()))
                .map();
        IMPORT_NODES.forEach((kind, text) -> entries.add(entry("importNodes " + kind.label(), text, nodes)));
        CREATE_NODES.forEach((kind, text) -> entries.add(entry("createNodes " + kind.label(), text, nodes)));
        Map<String, Object> keys = Params.in(namespace)
                .with(
                        "rows",
                        List.of(Params.row(0)
                                .with("id", after)
                                .with("keys", List.of(Map.of("key", "x", "text", "x")))
                                .map()))
                .map();
        entries.add(entry("importNodes (entity keys)", IMPORT_KEYS, keys));
        entries.add(entry("createNodes (entity keys)", CREATE_KEYS, keys));
        Map<String, Object> relationships = Params.in(namespace)
                .with(
                        "rows",
                        List.of(Params.row(0)
                                .with("fromId", after)
                                .with("toId", after)
                                .with("type", RelationshipType.INVOLVES.name())
                                .with("properties", Map.of())
                                .map()))
                .map();
        IMPORT_RELATIONSHIPS.forEach(
                (type, text) -> entries.add(entry("importRelationships " + type, text, relationships)));
        CREATE_RELATIONSHIPS.forEach(
                (type, text) -> entries.add(entry("createRelationships " + type, text, relationships)));
        return entries;
    }

    private static StatementCatalogue.Entry entry(String label, String text, Map<String, Object> parameters) {
        return new StatementCatalogue.Entry(label, Statement.write(label, text, parameters, rows -> null));
    }

    public Snapshots(BlockingFacade executor) {
        this.executor = executor;
    }

    private String namespace() {
        return executor.operations().namespace();
    }

    @Override
    public Counts counts() {
        return executor.execute(Statement.read(
                "countSnapshot", COUNTS, Params.in(namespace()).map(), rows -> {
                    Record record = rows.single();
                    return new Counts(
                            record.get("nodes").asLong(),
                            record.get("relationships").asLong(0));
                }));
    }

    @Override
    public Stream<SnapshotNode> nodes() {
        return paged(after -> {
            var params = Params.in(namespace()).with("after", after).with("page", PAGE);
            return executor.execute(Statement.read("exportNodes", NODES, params.map(), rows -> {
                List<SnapshotNode> nodes = new ArrayList<>();
                rows.records().forEach(record -> nodes.add(node(record.get("m").asNode())));
                return new Page<>(
                        nodes,
                        nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).id());
            }));
        });
    }

    @Override
    public Stream<SnapshotRelationship> relationships() {
        return paged(after -> {
            var params = Params.in(namespace()).with("after", after).with("page", PAGE);
            return executor.execute(Statement.read("exportRelationships", RELATIONSHIPS, params.map(), rows -> {
                List<SnapshotRelationship> relationships = new ArrayList<>();
                String last = null;
                for (Record record : rows.records()) {
                    last = record.get("from").asString();
                    if (!record.get("type").isNull()) {
                        relationships.add(new SnapshotRelationship(
                                last,
                                RelationshipType.valueOf(record.get("type").asString()),
                                record.get("to").asString(),
                                values(record.get("properties").asMap())));
                    }
                }
                return new Page<>(relationships, last);
            }));
        });
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        Validate.required("ids", ids);
        if (ids.size() > Limits.SNAPSHOT_IDS) {
            throw new InvalidInputException(
                    "ids", "at most " + Limits.SNAPSHOT_IDS + " ids per call, not " + ids.size());
        }
        List<String> given = new ArrayList<>(ids.size());
        int i = 0;
        for (String id : ids) {
            given.add(Validate.required("ids[" + i++ + "]", id));
        }
        if (given.isEmpty()) {
            return Set.of();
        }
        var params = Params.in(namespace()).with("ids", given);
        return executor.execute(Statement.read("existingIds", EXISTING, params.map(), rows -> {
            Set<String> found = new HashSet<>();
            rows.records().forEach(record -> found.add(record.get("id").asString()));
            return found;
        }));
    }

    @Override
    public void importNodes(List<SnapshotNode> nodes) {
        writeNodes("importNodes", nodes, IMPORT_NODES, IMPORT_KEYS);
    }

    @Override
    public void createNodes(List<SnapshotNode> nodes) {
        writeNodes("createNodes", nodes, CREATE_NODES, CREATE_KEYS);
    }

    /** Writes {@code nodes} by their kind's statement of {@code byKindStatements}, and their entities' keys. */
    private void writeNodes(
            String operation, List<SnapshotNode> nodes, Map<MemoryKind, String> byKindStatements, String keys) {
        Map<MemoryKind, List<Map<String, Object>>> byKind = new EnumMap<>(MemoryKind.class);
        List<Map<String, Object>> keyed = new ArrayList<>();
        for (int i = 0; i < Validate.required("nodes", nodes).size(); i++) {
            SnapshotNode node = Validate.required("nodes[" + i + "]", nodes.get(i));
            byKind.computeIfAbsent(node.kind(), kind -> new ArrayList<>())
                    .add(Params.row(i)
                            .with("id", node.id())
                            .with("properties", node.properties())
                            .map());
            if (node.kind() == MemoryKind.ENTITY) {
                keyed.add(Params.row(i)
                        .with("id", node.id())
                        .with("keys", keys(node.properties()))
                        .map());
            }
        }
        if (byKind.isEmpty()) {
            return;
        }
        List<Statement<Void>> statements = new ArrayList<>();
        byKind.forEach((kind, rows) -> statements.add(Statement.write(
                operation,
                byKindStatements.get(kind),
                Params.in(namespace()).with("rows", rows).map(),
                result -> null)));
        if (!keyed.isEmpty()) {
            statements.add(Statement.write(
                    operation, keys, Params.in(namespace()).with("rows", keyed).map(), result -> {
                        Record taken = result.single();
                        if (taken != null) {
                            throw new InvalidInputException(
                                    "nodes[" + taken.get("index").asInt() + "]",
                                    "'" + taken.get("text").asString()
                                            + "' is the name or an alias of another entity in this namespace");
                        }
                        return null;
                    }));
        }
        executor.execute(Work.sequence(operation, AccessMode.WRITE, statements));
    }

    /** The keys of an imported entity: its name's and its aliases', each once (the first text that has it). */
    private static List<Map<String, Object>> keys(Map<String, Object> properties) {
        Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
        if (properties.get("name") instanceof String name) {
            Object nameKey = properties.get("nameKey");
            String key = nameKey instanceof String k ? k : Validate.normalizedKey(name);
            keys.put(key, Map.of("key", key, "text", name));
        }
        if (properties.get("aliases") instanceof List<?> aliases) {
            for (Object alias : aliases) {
                if (alias instanceof String text && !text.isBlank()) {
                    String key = Validate.normalizedKey(text);
                    keys.putIfAbsent(key, Map.of("key", key, "text", text));
                }
            }
        }
        return List.copyOf(keys.values());
    }

    @Override
    public void importRelationships(List<SnapshotRelationship> relationships) {
        writeRelationships("importRelationships", relationships, IMPORT_RELATIONSHIPS);
    }

    @Override
    public void createRelationships(List<SnapshotRelationship> relationships) {
        writeRelationships("createRelationships", relationships, CREATE_RELATIONSHIPS);
    }

    /** Writes {@code relationships} by their type's statement of {@code byTypeStatements}, all or none. */
    private void writeRelationships(
            String operation,
            List<SnapshotRelationship> relationships,
            Map<RelationshipType, String> byTypeStatements) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Validate.required("relationships", relationships).size(); i++) {
            SnapshotRelationship relationship = Validate.required("relationships[" + i + "]", relationships.get(i));
            rows.add(Params.row(i)
                    .with("fromId", relationship.fromId())
                    .with("toId", relationship.toId())
                    .with("type", relationship.type().name())
                    .with("properties", relationship.properties())
                    .map());
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Statement<Void>> statements = new ArrayList<>();
        LinkStatements.group(rows).forEach((type, typed) -> {
            var params = Params.in(namespace()).with("rows", typed);
            statements.add(Statement.write(operation, byTypeStatements.get(type), params.map(), result -> {
                for (Record record : result.records()) {
                    int index = record.get("index").asInt();
                    if (!record.get("fromFound").asBoolean()) {
                        throw new NotFoundException(
                                "Memory",
                                "relationships[" + index + "].from",
                                relationships.get(index).fromId());
                    }
                    if (!record.get("toFound").asBoolean()) {
                        throw new NotFoundException(
                                "Memory",
                                "relationships[" + index + "].to",
                                relationships.get(index).toId());
                    }
                }
                return null;
            }));
        });
        executor.execute(Work.sequence(operation, AccessMode.WRITE, statements));
    }

    private static SnapshotNode node(Node node) {
        MemoryKind kind = MemoryKind.fromLabels(node.labels()).orElseThrow();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : node.keys()) {
            if (!key.equals("id") && !key.equals("namespace") && !EmbeddingStatements.PROPERTIES.contains(key)) {
                properties.put(key, node.get(key).asObject());
            }
        }
        return new SnapshotNode(node.get("id").asString(), kind, values(properties));
    }

    /** Driver values as snapshot values: integers as longs, everything else as the driver gives it. */
    private static Map<String, Object> values(Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>();
        properties.forEach((key, value) -> values.put(key, value instanceof Value v ? v.asObject() : value));
        return values;
    }

    private record Page<T>(List<T> items, String last) {}

    /** A lazy stream over pages: the next page is read only when the stream needs it. */
    private static <T> Stream<T> paged(Function<String, Page<T>> read) {
        Iterator<T> iterator = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String after = "";
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !exhausted) {
                    Page<T> page = read.apply(after);
                    if (page.last() == null) {
                        exhausted = true;
                    } else {
                        after = page.last();
                        current = page.items().iterator();
                    }
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
