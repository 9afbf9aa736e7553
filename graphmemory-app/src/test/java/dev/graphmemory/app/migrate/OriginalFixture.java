package dev.graphmemory.app.migrate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;

/**
 * Writes a graph the way the original Python adapter did: its own Cypher, label-less {@code MATCH (a {id: $from_id})}
 * for links, {@code CREATE (a)-[r:TYPE $props]->(b)} (so repeats duplicate), ids of a kind and 8 hex characters, and
 * every time a string from {@code datetime.utcnow().isoformat()}.
 */
public final class OriginalFixture {
    private final Driver driver;

    public OriginalFixture(Driver driver) {
        this.driver = driver;
    }

    public void clear() {
        run("MATCH (n) DETACH DELETE n", Map.of());
    }

    public void commitment(String id, String content, String toWhom, String deadline, String createdAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("content", content);
        p.put("to_whom", toWhom);
        p.put("deadline", deadline);
        p.put("domain", "work");
        p.put("priority", 3);
        p.put("created_at", createdAt);
        run("""
                CREATE (c:Commitment {id: $id, content: $content, to_whom: $to_whom, deadline: $deadline,
                    domain: $domain, priority: $priority, status: 'pending', created_at: $created_at})
                """, p);
    }

    public void complete(String id, String outcome, String at) {
        run(
                "MATCH (c:Commitment {id: $id}) SET c.status = 'completed', c.completed_at = $at, c.outcome = $outcome",
                Map.of("id", id, "outcome", outcome, "at", at));
    }

    public void decision(String id, String content, String rationale, List<String> alternatives, String createdAt) {
        run(
                """
                CREATE (d:Decision {id: $id, content: $content, rationale: $rationale, alternatives: $alternatives,
                    domain: 'work', confidence: 0.7, created_at: $created_at})
                """,
                Map.of(
                        "id",
                        id,
                        "content",
                        content,
                        "rationale",
                        rationale,
                        "alternatives",
                        alternatives,
                        "created_at",
                        createdAt));
    }

    /** A pattern observed {@code times} times: 0.5 at first, +0.1 per repeat, no cap. */
    public void pattern(String id, String description, String type, String frequency, int times, String at) {
        run("""
                CREATE (p:Pattern {id: $id, description: $description, type: $type, domain: 'work',
                    frequency: $frequency, first_observed: $at, last_observed: $at, strength: 0.5})
                """, Map.of("id", id, "description", description, "type", type, "frequency", frequency, "at", at));
        for (int i = 1; i < times; i++) {
            run(
                    "MATCH (p:Pattern {id: $id}) SET p.strength = p.strength + 0.1, p.last_observed = $at",
                    Map.of("id", id, "at", at));
        }
    }

    public void session(String id, String agent, String startedAt, String endedAt, String summary) {
        run("""
                CREATE (s:Session {id: $id, agent: $agent, mood: null, started_at: $started_at})
                WITH s SET s.ended_at = $ended_at, s.summary = $summary, s.tokens_used = 1200
                """, Map.of("id", id, "agent", agent, "started_at", startedAt, "ended_at", endedAt, "summary", summary));
    }

    public void entity(String id, String name, String type, String createdAt) {
        run("""
                CREATE (e:Entity {id: $id, name: $name, type: $type, domain: 'work', notes: '', created_at: $created_at})
                """, Map.of("id", id, "name", name, "type", type, "created_at", createdAt));
    }

    public void energy(String id, String level, int readiness, int sleep, String at) {
        run("""
                CREATE (x:EnergyState {id: $id, level: $level, timestamp: $at, context: 'morning',
                    oura_readiness: $readiness, oura_sleep: $sleep})
                """, Map.of("id", id, "level", level, "at", at, "readiness", readiness, "sleep", sleep));
    }

    /** The original's link: both ends found without a label, the relationship created (a repeat duplicates it). */
    public void link(String fromId, String type, String toId, Map<String, Object> properties) {
        run("""
                MATCH (a {id: $from_id})
                MATCH (b {id: $to_id})
                CREATE (a)-[r:%s $props]->(b)
                RETURN type(r)
                """.formatted(type), Map.of("from_id", fromId, "to_id", toId, "props", properties));
    }

    public void run(String query, Map<String, Object> parameters) {
        driver.executableQuery(query).withParameters(parameters).execute();
    }
}
