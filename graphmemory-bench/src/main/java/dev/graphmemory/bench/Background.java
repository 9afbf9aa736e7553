package dev.graphmemory.bench;

import dev.graphmemory.bench.baseline.Uuid7;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The graph both databases hold before the scenarios start, as a memory store in use would: entities, and as many
 * commitments each involving one of them. The library's database gets them in a namespace of its own, with the
 * library's labels and properties; the original's database gets the same nodes and relationships in the original's
 * layout. Both are written inside the database process (setup, not measured). Starting from a graph of some size
 * also keeps Cypher's plans stable during the run: a plan is re-made (seconds, for the larger statements) each time
 * the counts it was made for have changed a lot, which on an empty database happens with every doubling.
 */
final class Background {
    private static final String LIBRARY = """
            UNWIND $rows AS row
            CREATE (e:Memory:Entity:Searchable {id: row.entityId, namespace: $namespace, name: row.name, nameKey: row.nameKey,
                type: 'person', domain: 'work', createdAt: datetime(), updatedAt: datetime()})
            CREATE (:EntityKey {namespace: $namespace, key: row.nameKey, entityId: row.entityId, text: row.name})
            CREATE (c:Memory:Commitment:Searchable {id: row.commitmentId, namespace: $namespace, content: row.content,
                toWhom: 'self', domain: 'work', priority: 3, status: 'pending', createdAt: datetime()})
            CREATE (c)-[:INVOLVES {createdAt: datetime()}]->(e)
            """;
    private static final String ORIGINAL = """
            UNWIND $rows AS row
            CREATE (e:Entity {id: row.entityId, name: row.name, type: 'person', domain: 'work', created_at: datetime()})
            CREATE (c:Commitment {id: row.commitmentId, content: row.content, to_whom: 'self', status: 'pending',
                priority: 3, domain: 'work', created_at: datetime()})
            CREATE (c)-[:INVOLVES {created_at: datetime()}]->(e)
            """;

    private Background() {}

    /** Stores {@code size} nodes in the library's layout, in {@code namespace}. */
    static void seedLibrary(GraphDatabaseService database, String namespace, int size) {
        seed(database, LIBRARY, namespace, size);
    }

    /** Stores the same graph in the original's layout. */
    static void seedOriginal(GraphDatabaseService database, int size) {
        seed(database, ORIGINAL, "", size);
    }

    private static void seed(GraphDatabaseService database, String statement, String namespace, int size) {
        int step = 10_000;
        for (int done = 0; done < size; done += step) {
            int half = Math.min(step, size - done) / 2;
            List<Map<String, Object>> rows = new ArrayList<>(half);
            for (int i = 0; i < half; i++) {
                String name = "Background person " + (done + i);
                Map<String, Object> row = new HashMap<>();
                row.put("entityId", Uuid7.next());
                row.put("name", name);
                row.put("nameKey", NewEntity.of(name, EntityType.PERSON).nameKey());
                row.put("commitmentId", Uuid7.next());
                row.put("content", "Background commitment " + (done + i));
                rows.add(row);
            }
            database.executeTransactionally(statement, Map.of("rows", rows, "namespace", namespace));
        }
    }
}
