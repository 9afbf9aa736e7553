package dev.graphmemory.bench.baseline;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * The access pattern of the earlier Python adapter, ported faithfully: a new session for every operation,
 * auto-commit statements ({@code session.run}), batches as a loop of single statements in one explicit transaction,
 * nodes found by a label-less {@code MATCH ({id: $id})}, and no constraints or indexes. It runs against a database of
 * its own, because the library creates its schema on the other one.
 */
public final class OriginalAdapter {
    private static final String CREATE_ENTITY = """
            MERGE (e:Entity {name: $name})
            ON CREATE SET e.id = $id, e.type = $type, e.domain = 'work', e.created_at = datetime()
            ON MATCH SET e.updated_at = datetime()
            RETURN e.id AS id
            """;
    private static final String CREATE_COMMITMENT = """
            CREATE (c:Commitment {id: $id, content: $content, to_whom: $to_whom, status: 'pending',
                priority: 3, domain: 'work', created_at: datetime()})
            RETURN c.id AS id
            """;
    private static final String RECORD_DECISION = """
            CREATE (d:Decision {id: $id, content: $content, rationale: $rationale, alternatives: [],
                confidence: 0.7, domain: 'work', created_at: datetime()})
            RETURN d.id AS id
            """;
    private static final String LINK = """
            MATCH (a {id: $from_id}), (b {id: $to_id})
            MERGE (a)-[r:%s]->(b)
            ON CREATE SET r.created_at = datetime()
            RETURN type(r) AS type
            """;

    private final Driver driver;
    private final SessionConfig sessions;

    public OriginalAdapter(Driver driver, String database) {
        this.driver = driver;
        this.sessions = SessionConfig.forDatabase(database);
    }

    /** {@code create_entity}: returns the entity's id. */
    public String createEntity(String name, String type) {
        try (Session session = driver.session(sessions)) {
            return session.run(CREATE_ENTITY, Map.of("name", name, "id", Uuid7.next(), "type", type))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    /** {@code create_commitment}: returns the commitment's id. */
    public String createCommitment(String content, String toWhom) {
        try (Session session = driver.session(sessions)) {
            return session.run(CREATE_COMMITMENT, Map.of("id", Uuid7.next(), "content", content, "to_whom", toWhom))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    /** {@code record_decision}: returns the decision's id. */
    public String recordDecision(String content, String rationale) {
        try (Session session = driver.session(sessions)) {
            return session.run(RECORD_DECISION, Map.of("id", Uuid7.next(), "content", content, "rationale", rationale))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    /** {@code link_nodes}: whether both ends were found. */
    public boolean linkNodes(String fromId, String type, String toId) {
        try (Session session = driver.session(sessions)) {
            return session.run(LINK.formatted(type), Map.of("from_id", fromId, "to_id", toId))
                    .hasNext();
        }
    }

    /** A turn as the adapter's caller stored it: nine operations, each with its own session and commit. */
    public void storeTurn(Turn turn) {
        Map<String, String> ids = new java.util.HashMap<>();
        ids.put("commitment", createCommitment(turn.commitment(), turn.toWhom()));
        ids.put("decision", recordDecision(turn.decision(), turn.rationale()));
        for (int i = 0; i < turn.entities().size(); i++) {
            ids.put(
                    "e" + i,
                    createEntity(turn.entities().get(i), Turn.entityType(i).value()));
        }
        for (String[] link : Turn.LINKS) {
            if (!linkNodes(ids.get(link[0]), link[1], ids.get(link[2]))) {
                throw new IllegalStateException("link end missing");
            }
        }
    }

    /** {@code create_entities}: a loop of {@code create_entity} statements in one transaction. */
    public int createEntities(List<String> names, String type) {
        try (Session session = driver.session(sessions);
                Transaction tx = session.beginTransaction()) {
            for (String name : names) {
                tx.run(CREATE_ENTITY, Map.of("name", name, "id", Uuid7.next(), "type", type))
                        .consume();
            }
            tx.commit();
            return names.size();
        }
    }

    /** Deletes everything, in chunks; used between rounds so that every round starts from the same empty graph. */
    public void clear() {
        try (Session session = driver.session(sessions)) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                    .consume();
        }
    }
}
