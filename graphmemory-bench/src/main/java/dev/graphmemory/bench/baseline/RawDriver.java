package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

/**
 * The best hand-written driver code for the library's work: the same Cypher, sent through the driver's managed
 * transactions ({@code session.executeWrite}), batches as UNWIND statements of the same chunk size, rows sorted by
 * the key they lock, results read in full. It is the practical ceiling for any library over Bolt.
 */
public final class RawDriver {
    private final Driver driver;
    private final SessionConfig sessions;
    private final int chunkSize;

    /**
     * @param driver the driver, shared with nothing that measures differently
     * @param database the database
     * @param chunkSize rows per UNWIND statement (the library's default is 2,000)
     */
    public RawDriver(Driver driver, String database, int chunkSize) {
        this.driver = driver;
        this.sessions = SessionConfig.forDatabase(database);
        this.chunkSize = chunkSize;
    }

    /** One entity in its own transaction; returns the stored node's properties. */
    public Map<String, Object> createEntity(String namespace, NewEntity entity) {
        Map<String, Object> params = Map.of("namespace", namespace, "rows", List.of(entityRow(0, entity)));
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(tx -> tx.run(LibraryCypher.UPSERT_ENTITIES, params)
                    .single()
                    .get("node")
                    .asMap());
        }
    }

    /** Entities as UNWIND statements of {@code chunkSize} rows, all in one transaction; returns how many. */
    public int createEntities(String namespace, List<NewEntity> entities) {
        List<Map<String, Object>> rows = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            rows.add(entityRow(i, entities.get(i)));
        }
        rows.sort(Comparator.comparing(row -> (String) row.get("nameKey")));
        return inOneTransaction(LibraryCypher.UPSERT_ENTITIES, namespace, rows, Map.of());
    }

    /**
     * Entities as UNWIND statements of {@code chunkSize} rows in one transaction, every chunk sent before the first
     * answers (the async API), as the library sends them; returns how many.
     */
    public int createEntitiesPipelined(String namespace, List<NewEntity> entities) {
        List<Map<String, Object>> rows = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            rows.add(entityRow(i, entities.get(i)));
        }
        rows.sort(Comparator.comparing(row -> (String) row.get("nameKey")));
        AsyncSession session = driver.session(AsyncSession.class, sessions);
        try {
            return session.executeWriteAsync(tx -> {
                        List<CompletableFuture<List<Record>>> chunks = new ArrayList<>();
                        for (int start = 0; start < rows.size(); start += chunkSize) {
                            List<Map<String, Object>> chunk =
                                    rows.subList(start, Math.min(rows.size(), start + chunkSize));
                            chunks.add(rows(
                                    tx,
                                    LibraryCypher.forRows(LibraryCypher.UPSERT_ENTITIES, chunk.size()),
                                    namespace,
                                    chunk));
                        }
                        return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new))
                                .thenApply(done -> chunks.stream()
                                        .mapToInt(chunk -> chunk.join().size())
                                        .sum());
                    })
                    .toCompletableFuture()
                    .join();
        } finally {
            session.closeAsync();
        }
    }

    /** Commitments (content only) as UNWIND statements, all in one transaction; returns how many. */
    public int createCommitments(String namespace, List<String> ids, List<String> contents) {
        List<Map<String, Object>> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("index", i);
            row.put("id", ids.get(i));
            row.put("content", contents.get(i));
            row.put("toWhom", "self");
            row.put("domain", "work");
            row.put("priority", 3);
            rows.add(row);
        }
        rows.sort(Comparator.comparing(row -> (String) row.get("id")));
        return inOneTransaction(LibraryCypher.CREATE_COMMITMENTS, namespace, rows, Map.of());
    }

    /**
     * Links ({@code fromId}, type, {@code toId}) as UNWIND statements, one statement per type (and chunk), all in one
     * transaction; returns how many.
     */
    public int linkNodes(String namespace, List<String[]> links) {
        Map<RelationshipType, List<Map<String, Object>>> byType = new EnumMap<>(RelationshipType.class);
        for (int i = 0; i < links.size(); i++) {
            String[] link = links.get(i);
            RelationshipType type = RelationshipType.valueOf(link[1]);
            byType.computeIfAbsent(type, key -> new ArrayList<>()).add(linkRow(i, link[0], type, link[2]));
        }
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(tx -> {
                int written = 0;
                for (var typed : byType.entrySet()) {
                    List<Map<String, Object>> rows = typed.getValue();
                    rows.sort(Comparator.comparing(row -> (String) row.get("toId")));
                    rows.sort(Comparator.comparing(row -> (String) row.get("fromId"))); // stable: by fromId, then toId
                    written +=
                            runChunks(tx, LibraryCypher.link(typed.getKey()), namespace, rows, Map.of("atomic", true));
                }
                return written;
            });
        }
    }

    /** An entity's context in a read transaction; returns the number of related memories. */
    public int getEntityContext(String namespace, String nameKey, int limit) {
        Map<String, Object> params = Map.of("namespace", namespace, "nameKey", nameKey, "limit", limit);
        try (Session session = driver.session(sessions)) {
            return session.executeRead(tx -> {
                Record record = tx.run(LibraryCypher.ENTITY_CONTEXT, params).single();
                Map<String, Object> entity = record.get("e").asMap();
                int related = 0;
                for (String kind : List.of("commitments", "decisions", "conversations", "patterns")) {
                    related += record.get(kind)
                            .asList(value -> value.asNode().asMap())
                            .size();
                }
                return entity.isEmpty() ? -1 : related;
            });
        }
    }

    /** A whole memory as the library stores it: one statement, one transaction; returns the number of links written. */
    public int storeMemory(StoreMemoryParameters memory) {
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(tx -> {
                Record record =
                        tx.run(LibraryCypher.STORE_MEMORY, memory.parameters()).single();
                record.get("stored").asList(value -> value.get("node").asNode().asMap());
                return record.get("links").asList(value -> value.asMap()).size();
            });
        }
    }

    private static CompletableFuture<List<Record>> rows(
            AsyncTransactionContext tx, String cypher, String namespace, Object rows) {
        return rows(tx, cypher, namespace, rows, new HashMap<>());
    }

    private static CompletableFuture<List<Record>> rows(
            AsyncTransactionContext tx, String cypher, String namespace, Object rows, Map<String, Object> params) {
        params.put("namespace", namespace);
        params.put("rows", rows);
        return tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync).toCompletableFuture();
    }

    /**
     * A whole memory as the one composed statement {@code storeMemory} sent before (see
     * {@link LibraryCypher#COMPOSED_STORE_MEMORY}); returns the number of links written.
     */
    public int storeMemoryComposed(StoreMemoryParameters memory) {
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(tx -> {
                Record record = tx.run(LibraryCypher.COMPOSED_STORE_MEMORY, memory.parameters())
                        .single();
                if (!record.get("ok").asBoolean()) {
                    throw new IllegalStateException("storeMemory refused");
                }
                record.get("stored").asList(value -> value.get("node").asNode().asMap());
                return record.get("links").asList(value -> value.asMap()).size();
            });
        }
    }

    private int inOneTransaction(
            String cypher, String namespace, List<Map<String, Object>> rows, Map<String, Object> extra) {
        try (Session session = driver.session(sessions)) {
            return session.executeWrite(tx -> runChunks(tx, cypher, namespace, rows, extra));
        }
    }

    private int runChunks(
            TransactionContext tx,
            String cypher,
            String namespace,
            List<Map<String, Object>> rows,
            Map<String, Object> extra) {
        int written = 0;
        for (int start = 0; start < rows.size(); start += chunkSize) {
            Map<String, Object> params = new HashMap<>(extra);
            params.put("namespace", namespace);
            List<Map<String, Object>> chunk = rows.subList(start, Math.min(rows.size(), start + chunkSize));
            params.put("rows", chunk);
            written += tx.run(LibraryCypher.forRows(cypher, chunk.size()), params)
                    .list()
                    .size();
        }
        return written;
    }

    static Map<String, Object> entityRow(int index, NewEntity entity) {
        Map<String, Object> row = new HashMap<>();
        row.put("index", index);
        row.put("id", Uuid7.next());
        row.put("nameKey", entity.nameKey());
        row.put("name", entity.name());
        row.put("type", entity.type().value());
        row.put("domain", entity.domain());
        row.put("notes", entity.notes());
        return row;
    }

    static Map<String, Object> linkRow(int index, String fromId, RelationshipType type, String toId) {
        Map<String, Object> row = new HashMap<>();
        row.put("index", index);
        row.put("indexes", List.of(index));
        row.put("fromId", fromId);
        row.put("toId", toId);
        row.put("type", type.name());
        row.put("fromLabels", labels(type.from()));
        row.put("toLabels", labels(type.to()));
        row.put("properties", Map.of());
        return row;
    }

    static List<String> labels(java.util.Set<dev.graphmemory.model.MemoryKind> kinds) {
        return kinds.stream()
                .map(dev.graphmemory.model.MemoryKind::label)
                .sorted()
                .toList();
    }
}
