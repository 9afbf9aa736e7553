package dev.graphmemory.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The constraints and indexes graphmemory needs, created idempotently at start-up and recorded with a version.
 *
 * <p>At start the schema node's version is compared with {@link #VERSION} and every named constraint and index is
 * checked to be present and online; only if something is missing are the {@code IF NOT EXISTS} statements run (each
 * in its own transaction, as schema changes must be), followed by a wait for the indexes to come online. Concurrent
 * start-ups are safe: the statements are idempotent and the version is written with MERGE.
 */
public final class Schema {
    /** The version of the schema below; raise it when a statement is added or changed. */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /** Name → statement. Names carry a {@code gm_} prefix so they stand apart in a shared database. */
    static final Map<String, String> STATEMENTS = statements();

    private static final String READ_VERSION =
            "OPTIONAL MATCH (s:GraphMemorySchema {name: 'graphmemory'}) RETURN s.version AS version";
    private static final String WRITE_VERSION =
            "MERGE (s:GraphMemorySchema {name: 'graphmemory'}) SET s.version = $version, s.updatedAt = datetime()";
    private static final String ONLINE = """
            SHOW INDEXES YIELD name, state
            WHERE name STARTS WITH 'gm_' AND state = 'ONLINE'
            RETURN collect(name) AS names
            """;

    private Schema() {}

    private static Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        // Ids are unique within a namespace, so a namespace's snapshot can be imported into another one unchanged.
        statements.put(
                "gm_memory_id",
                "CREATE CONSTRAINT gm_memory_id IF NOT EXISTS FOR (m:Memory) REQUIRE (m.namespace, m.id) IS UNIQUE");
        statements.put(
                "gm_entity_name",
                "CREATE CONSTRAINT gm_entity_name IF NOT EXISTS FOR (e:Entity) REQUIRE (e.namespace, e.nameKey) IS UNIQUE");
        statements.put(
                "gm_pattern_key",
                "CREATE CONSTRAINT gm_pattern_key IF NOT EXISTS FOR (p:Pattern) REQUIRE (p.namespace, p.patternKey) IS UNIQUE");
        statements.put(
                "gm_schema_name",
                "CREATE CONSTRAINT gm_schema_name IF NOT EXISTS FOR (s:GraphMemorySchema) REQUIRE s.name IS UNIQUE");
        statements.put(
                "gm_memory_recent",
                "CREATE INDEX gm_memory_recent IF NOT EXISTS FOR (m:Memory) ON (m.namespace, m.createdAt)");
        statements.put(
                "gm_commitment_recent",
                "CREATE INDEX gm_commitment_recent IF NOT EXISTS FOR (c:Commitment) ON (c.namespace, c.createdAt)");
        statements.put(
                "gm_decision_recent",
                "CREATE INDEX gm_decision_recent IF NOT EXISTS FOR (d:Decision) ON (d.namespace, d.createdAt)");
        statements.put(
                "gm_pattern_strength",
                "CREATE INDEX gm_pattern_strength IF NOT EXISTS FOR (p:Pattern) ON (p.namespace, p.strength)");
        statements.put(
                "gm_conversation_recent",
                "CREATE INDEX gm_conversation_recent IF NOT EXISTS FOR (s:Conversation) ON (s.namespace, s.startedAt)");
        statements.put(
                "gm_energy_recent",
                "CREATE INDEX gm_energy_recent IF NOT EXISTS FOR (x:EnergyState) ON (x.namespace, x.recordedAt)");
        return Collections.unmodifiableMap(statements);
    }

    /**
     * Brings the schema of {@code database} up to {@link #VERSION}; does nothing when it is there already.
     *
     * @return whether anything had to be created
     */
    public static boolean ensure(Driver driver, String database, Duration indexWait) {
        SessionConfig config = SessionConfig.forDatabase(database);
        try (Session session = driver.session(config)) {
            if (version(session) == VERSION && missing(session).isEmpty()) {
                return false;
            }
            long started = System.nanoTime();
            for (String statement : STATEMENTS.values()) {
                session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
            }
            session.executeWriteWithoutResult(tx -> tx.run(
                            "CALL db.awaitIndexes($seconds)", Map.of("seconds", Math.max(1, indexWait.toSeconds())))
                    .consume());
            session.executeWriteWithoutResult(
                    tx -> tx.run(WRITE_VERSION, Map.of("version", VERSION)).consume());
            LOG.info(
                    "Schema version {} in place in database {} ({} ms)",
                    VERSION,
                    database,
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        }
    }

    /** The schema version recorded in the database, or 0. */
    static int version(Session session) {
        return session.executeRead(tx -> {
            var value = tx.run(READ_VERSION).single().get("version");
            return value.isNull() ? 0 : value.asInt();
        });
    }

    /** Names of the constraints and indexes that are missing or not online. */
    static List<String> missing(Session session) {
        Set<String> online = session.executeRead(
                tx -> Set.copyOf(tx.run(ONLINE).single().get("names").asList(value -> value.asString())));
        List<String> missing = new ArrayList<>();
        for (String name : STATEMENTS.keySet()) {
            if (!online.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The state of the schema: version and missing names, read in one session. */
    static SchemaState state(Session session) {
        return new SchemaState(version(session), missing(session));
    }

    record SchemaState(int version, List<String> missing) {
        boolean complete() {
            return version == VERSION && missing.isEmpty();
        }
    }
}
