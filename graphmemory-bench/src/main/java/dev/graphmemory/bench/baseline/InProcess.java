package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * The limit of this machine for each scenario's work: the same writes (or reads) inside the database process, no Bolt,
 * no driver, no serialization, each call a transaction of its own as graphmemory's is, with the simplest Cypher that
 * keeps the same guarantees. That Cypher is the library's own: it is already the least that keeps them (MERGE on the
 * unique (namespace, nameKey) or on the pre-generated id, the ends of a link looked up by the (namespace, id) index and
 * its rule checked, every new node labelled for search), so what the limit leaves out is only the way there. Every
 * returned node is read, as a client would read it. {@link #emptyWrite} is the floor of any call that commits: one
 * node created, the commit's log flush.
 */
public final class InProcess {
    private final GraphDatabaseService database;
    private final int chunkSize;

    public InProcess(GraphDatabaseService database, int chunkSize) {
        this.database = database;
        this.chunkSize = chunkSize;
    }

    /** One node created and committed: what any single write costs at least. */
    public void emptyWrite() {
        try (Transaction tx = database.beginTx()) {
            tx.execute("CREATE (:LimitFloor)").close();
            tx.commit();
        }
    }

    /** Removes what {@link #emptyWrite} created. */
    public void removeFloorNodes() {
        database.executeTransactionally("MATCH (n:LimitFloor) CALL (n) { DETACH DELETE n } IN TRANSACTIONS");
    }

    /** One entity in a transaction of its own; returns its id. */
    public String createEntity(String namespace, NewEntity entity) {
        Map<String, Object> params = new HashMap<>();
        params.put("namespace", namespace);
        params.put("rows", List.of(RawDriver.entityRow(0, entity)));
        return retried(() -> {
            try (Transaction tx = database.beginTx();
                    Result result = tx.execute(LibraryCypher.UPSERT_ENTITIES, params)) {
                Node node = (Node) result.next().get("node");
                String id = (String) node.getAllProperties().get("id");
                result.close();
                tx.commit();
                return id;
            }
        });
    }

    /** One link in a transaction of its own, retried on a deadlock as the library's are. */
    public void linkNode(String namespace, String fromId, RelationshipType type, String toId) {
        retried(() -> linkNodes(namespace, List.<String[]>of(new String[] {fromId, type.name(), toId})));
    }

    /** Runs {@code work} again after a transient failure (a deadlock between concurrent writers), as a driver would. */
    private static <T> T retried(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (org.neo4j.graphdb.TransientFailureException e) {
                if (attempt == 20) {
                    throw e;
                }
                try {
                    Thread.sleep(
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Links ({@code fromId}, type, {@code toId}), one statement per type and chunk, in one transaction. */
    public int linkNodes(String namespace, List<String[]> links) {
        Map<RelationshipType, List<Map<String, Object>>> byType = new EnumMap<>(RelationshipType.class);
        for (int i = 0; i < links.size(); i++) {
            String[] link = links.get(i);
            RelationshipType type = RelationshipType.valueOf(link[1]);
            byType.computeIfAbsent(type, key -> new ArrayList<>()).add(RawDriver.linkRow(i, link[0], type, link[2]));
        }
        int written = 0;
        try (Transaction tx = database.beginTx()) {
            for (var typed : byType.entrySet()) {
                List<Map<String, Object>> rows = typed.getValue();
                rows.sort(Comparator.comparing(row -> (String) row.get("fromId")));
                for (int start = 0; start < rows.size(); start += chunkSize) {
                    Map<String, Object> params = new HashMap<>();
                    params.put("namespace", namespace);
                    params.put("atomic", true);
                    params.put("rows", rows.subList(start, Math.min(rows.size(), start + chunkSize)));
                    written += read(tx.execute(LibraryCypher.link(typed.getKey()), params));
                }
            }
            tx.commit();
        }
        return written;
    }

    /** A whole memory in one transaction, the library's one statement; returns the number of links written. */
    public int storeMemory(StoreMemoryParameters memory) {
        try (Transaction tx = database.beginTx();
                Result result = tx.execute(LibraryCypher.STORE_MEMORY, memory.parameters())) {
            Map<String, Object> row = result.next();
            for (Object stored : (List<?>) row.get("stored")) {
                ((Node) ((Map<?, ?>) stored).get("node")).getAllProperties();
            }
            int written = ((List<?>) row.get("links")).size();
            tx.commit();
            return written;
        }
    }

    /** An entity's context in a transaction of its own; returns the number of related memories. */
    public int getEntityContext(String namespace, String nameKey, int limit) {
        try (Transaction tx = database.beginTx();
                Result result = tx.execute(
                        LibraryCypher.ENTITY_CONTEXT,
                        Map.of("namespace", namespace, "nameKey", nameKey, "limit", limit))) {
            int related = 0;
            while (result.hasNext()) {
                Map<String, Object> row = result.next();
                ((Node) row.get("e")).getAllProperties();
                for (String kind : List.of("commitments", "decisions", "conversations", "patterns")) {
                    for (Object node : (List<?>) row.get(kind)) {
                        ((Node) node).getAllProperties();
                        related++;
                    }
                }
            }
            tx.commit();
            return related;
        }
    }

    private static int read(Result result) {
        int rows = 0;
        try (result) {
            while (result.hasNext()) {
                for (Object value : result.next().values()) {
                    if (value instanceof Node node) {
                        node.getAllProperties();
                    }
                }
                rows++;
            }
        }
        return rows;
    }
}
