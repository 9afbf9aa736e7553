package dev.graphmemory.bench;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.baseline.Uuid7;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The graph both databases hold before the scenarios start, as a memory store in use would: entities, commitments
 * each involving one entity. The library's database gets it in a namespace of its own, through the library's
 * batches; the original's database gets the same nodes and relationships through plain UNWIND statements (it has no
 * schema). Starting from a graph of some size also keeps Cypher's plans stable during the run: on an empty database
 * every plan is re-made (seconds, for the larger statements) each time the graph doubles.
 */
final class Background {
    private Background() {}

    /** Stores {@code size} nodes (half entities, half commitments, each commitment involving an entity). */
    static void seedLibrary(GraphMemory memory, int size) {
        int step = 10_000;
        for (int done = 0; done < size; done += step) {
            int half = Math.min(step, size - done) / 2;
            List<NewEntity> entities = new ArrayList<>(half);
            List<NewCommitment> commitments = new ArrayList<>(half);
            for (int i = 0; i < half; i++) {
                entities.add(NewEntity.of("Background person " + (done + i), EntityType.PERSON));
                commitments.add(NewCommitment.of("Background commitment " + (done + i)));
            }
            List<Entity> stored =
                    memory.createEntities(entities, BatchMode.ATOMIC).values();
            List<Commitment> made =
                    memory.createCommitments(commitments, BatchMode.ATOMIC).values();
            List<NewLink> links = new ArrayList<>(half);
            for (int i = 0; i < half; i++) {
                links.add(NewLink.of(
                        made.get(i).id(),
                        RelationshipType.INVOLVES,
                        stored.get(i).id()));
            }
            memory.linkNodes(links, BatchMode.ATOMIC);
        }
    }

    /** The same graph on the original's database, in the original's property names. */
    static void seedOriginal(Driver driver, String database, int size) {
        int step = 10_000;
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            for (int done = 0; done < size; done += step) {
                int half = Math.min(step, size - done) / 2;
                List<Map<String, Object>> rows = new ArrayList<>(half);
                for (int i = 0; i < half; i++) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("entityId", Uuid7.next());
                    row.put("name", "Background person " + (done + i));
                    row.put("commitmentId", Uuid7.next());
                    row.put("content", "Background commitment " + (done + i));
                    rows.add(row);
                }
                session.executeWriteWithoutResult(
                        tx -> tx.run("""
                                UNWIND $rows AS row
                                CREATE (e:Entity {id: row.entityId, name: row.name, type: 'person', domain: 'work',
                                    created_at: datetime()})
                                CREATE (c:Commitment {id: row.commitmentId, content: row.content, to_whom: 'self',
                                    status: 'pending', priority: 3, domain: 'work', created_at: datetime()})
                                CREATE (c)-[:INVOLVES {created_at: datetime()}]->(e)
                                """, Map.of("rows", rows)).consume());
            }
        }
    }
}
