package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * The physical ceiling on this machine: the library's UNWIND statements run inside the embedded database, in the
 * benchmark's own process, with no Bolt, no network stack and no serialization. Same rows, same order, same chunk
 * size, one transaction; every returned node is read, as a client would read it.
 */
public final class EmbeddedCeiling {
    private final GraphDatabaseService database;
    private final int chunkSize;

    public EmbeddedCeiling(GraphDatabaseService database, int chunkSize) {
        this.database = database;
        this.chunkSize = chunkSize;
    }

    /** Entities as UNWIND statements of {@code chunkSize} rows in one transaction; returns how many. */
    public int createEntities(String namespace, List<NewEntity> entities) {
        List<Map<String, Object>> rows = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            rows.add(RawDriver.entityRow(i, entities.get(i)));
        }
        rows.sort(Comparator.comparing(row -> (String) row.get("nameKey")));
        int written = 0;
        try (Transaction tx = database.beginTx()) {
            for (int start = 0; start < rows.size(); start += chunkSize) {
                Map<String, Object> params = new HashMap<>();
                params.put("namespace", namespace);
                List<Map<String, Object>> chunk = rows.subList(start, Math.min(rows.size(), start + chunkSize));
                params.put("rows", chunk);
                try (Result result =
                        tx.execute(LibraryCypher.forRows(LibraryCypher.UPSERT_ENTITIES, chunk.size()), params)) {
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        ((org.neo4j.graphdb.Node) row.get("node")).getAllProperties();
                        written++;
                    }
                }
            }
            tx.commit();
        }
        return written;
    }
}
