package dev.graphmemory.internal.cypher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The constraints and indexes graphmemory needs, created idempotently at start-up and recorded with a version.
 *
 * <p>At start the schema node's version is compared with {@link #VERSION} and every named constraint and index is
 * checked to be present and online; only if something is missing are the {@code IF NOT EXISTS} statements run (each
 * in its own transaction, as schema changes must be), followed by a wait for the indexes to come online. Concurrent
 * start-ups are safe: the statements are idempotent and the version is written with MERGE.
 *
 * <p>The check of a schema in place is two reads, side by side: the version, and one {@code SHOW INDEXES} that gives
 * every index's name, state and vector size (a constraint is listed by its backing index, under its own name), which
 * are compared here. On a restart they are the database's first statements, each planned cold on a path of its own
 * (a {@code MATCH}, a {@code SHOW} command): a second or more each on a busy machine, so they are not run one after
 * the other.
 */
public final class Schema {
    /** The version of the schema below; raise it when a statement is added or changed. */
    public static final int VERSION = 5;

    /**
     * The full-text index over the texts of searchable nodes, and the namespace (see {@code SearchStatements}). It
     * covers the {@code Searchable} label, which new nodes get from the {@code SearchIndexer} or from large writes.
     */
    static final String TEXT_INDEX = "gm_search_text";
    /**
     * The analyzer of the full-text index since version 4: Lucene's English analyzer, which stems ("painting" finds
     * "paint") and leaves out stop words ("did", "the"), which otherwise made a question's function words rank
     * unrelated turns first.
     */
    public static final String TEXT_ANALYZER = "english";

    /** Version 2's full-text index, over the kinds' labels: updated in every write's transaction. */
    static final String OLD_TEXT_INDEX = "gm_memory_text";
    /** The vector index over memory embeddings. */
    static final String EMBEDDING_INDEX = "gm_memory_embedding";
    /** The text properties the full-text index covers (lists of strings, such as alternatives, included). */
    static final List<String> TEXT_PROPERTIES = List.of(
            "content",
            "rationale",
            "alternatives",
            "outcome",
            "toWhom",
            "description",
            "summary",
            "name",
            "notes",
            "text",
            "speaker",
            "aliases");

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /**
     * Name → statement, except the vector index, whose size comes from the configuration (see
     * {@link #statements(int)}). Names carry a {@code gm_} prefix so they stand apart in a shared database.
     */
    private static final Map<String, String> FIXED = fixedStatements();

    /** The names of every constraint and index, checked by {@link #missing} and the health check. */
    public static final List<String> NAMES = names();

    private static final String READ_VERSION =
            "OPTIONAL MATCH (s:GraphMemorySchema {name: 'graphmemory'}) RETURN s.version AS version";
    private static final String WRITE_VERSION =
            "MERGE (s:GraphMemorySchema {name: 'graphmemory'}) SET s.version = $version, s.updatedAt = datetime()";
    private static final String INDEXES = """
            SHOW INDEXES YIELD name, state, options WHERE name STARTS WITH 'gm_'
            RETURN name, state, options.indexConfig['vector.dimensions'] AS dimensions
            """;

    private static final String LABEL_SEARCHABLE = "MATCH (n:Memory) WHERE NOT n:Searchable AND "
            + SearchIndexing.ofSearchableKind("n")
            + "\nCALL (n) { REMOVE n:SearchPending SET n:Searchable } IN TRANSACTIONS OF 10000 ROWS\n";

    /**
     * Version 4 to 5: a key node for the name of every entity stored before, in transactions of 10,000, once the key
     * constraint exists (so that each MERGE is an index lookup).
     */
    private static final String KEY_ENTITIES = """
            MATCH (e:Entity) WHERE e.nameKey IS NOT NULL AND e.id IS NOT NULL
            CALL (e) {
              MERGE (k:EntityKey {namespace: e.namespace, key: e.nameKey})
              ON CREATE SET k.entityId = e.id, k.text = e.name
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    private Schema() {}

    private static Map<String, String> fixedStatements() {
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
        // Version 2: recall. The timeline reads each kind's event time through an index, never by scanning.
        statements.put(
                "gm_commitment_completed",
                "CREATE INDEX gm_commitment_completed IF NOT EXISTS FOR (c:Commitment) ON (c.namespace, c.completedAt)");
        statements.put(
                "gm_conversation_ended",
                "CREATE INDEX gm_conversation_ended IF NOT EXISTS FOR (s:Conversation) ON (s.namespace, s.endedAt)");
        statements.put(
                "gm_decision_superseded",
                "CREATE INDEX gm_decision_superseded IF NOT EXISTS FOR (d:Decision) ON (d.namespace, d.supersededAt)");
        statements.put(
                "gm_pattern_observed",
                "CREATE INDEX gm_pattern_observed IF NOT EXISTS FOR (p:Pattern) ON (p.namespace, p.lastObserved)");
        // Audit records of forgetting are not memories: their own label, their own id constraint.
        statements.put(
                "gm_audit_id",
                "CREATE CONSTRAINT gm_audit_id IF NOT EXISTS FOR (a:MemoryAudit) REQUIRE (a.namespace, a.id) IS UNIQUE");
        // A search indexes its namespace's pending nodes first: found by namespace, never by a scan of every one.
        statements.put(
                "gm_search_pending",
                "CREATE INDEX gm_search_pending IF NOT EXISTS FOR (n:" + SearchIndexing.PENDING + ") ON (n.namespace)");
        // Version 4: conversation turns, read in order and by the time they were said; memories waiting for their
        // embedding, found by namespace.
        statements.put(
                "gm_turn_order",
                "CREATE INDEX gm_turn_order IF NOT EXISTS FOR (t:Turn) ON (t.namespace, t.conversationId, t.sequence)");
        statements.put(
                "gm_turn_said", "CREATE INDEX gm_turn_said IF NOT EXISTS FOR (t:Turn) ON (t.namespace, t.saidAt)");
        statements.put(
                "gm_embed_pending",
                "CREATE INDEX gm_embed_pending IF NOT EXISTS FOR (n:" + SearchIndexing.EMBED_PENDING
                        + ") ON (n.namespace)");
        // Version 5: facts, on the timeline when they stopped being true. Their statement is `content`, which the
        // full-text index covers already; an entity's facts are read through its relationships.
        statements.put(
                "gm_fact_valid_until",
                "CREATE INDEX gm_fact_valid_until IF NOT EXISTS FOR (f:Fact) ON (f.namespace, f.validUntil)");
        // Version 5: names and aliases of entities are keys, one uniqueness over both (see EntityStatements); an
        // entity's keys are found by its id when it is merged or forgotten.
        statements.put(
                "gm_entity_key",
                "CREATE CONSTRAINT gm_entity_key IF NOT EXISTS FOR (k:EntityKey) REQUIRE (k.namespace, k.key) IS UNIQUE");
        statements.put(
                "gm_entity_key_owner",
                "CREATE INDEX gm_entity_key_owner IF NOT EXISTS FOR (k:EntityKey) ON (k.namespace, k.entityId)");
        // The namespace is indexed too, so that a search can require it inside Lucene (see SearchStatements).
        // Version 3: over the Searchable label, set behind the writes (see SearchIndexer).
        statements.put(
                TEXT_INDEX,
                "CREATE FULLTEXT INDEX " + TEXT_INDEX + " IF NOT EXISTS"
                        + " FOR (n:" + SearchIndexing.INDEXED + ") ON EACH [n.namespace, "
                        + String.join(
                                ", ",
                                TEXT_PROPERTIES.stream().map(p -> "n." + p).toList()) + "]"
                        + " OPTIONS {indexConfig: {`fulltext.analyzer`: '" + TEXT_ANALYZER + "'}}");
        return Collections.unmodifiableMap(statements);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(FIXED.keySet());
        names.add(EMBEDDING_INDEX);
        return List.copyOf(names);
    }

    /** Every statement, the vector index made for embeddings of {@code dimensions} numbers compared by cosine. */
    static Map<String, String> statements(int dimensions) {
        Map<String, String> statements = new LinkedHashMap<>(FIXED);
        statements.put(
                EMBEDDING_INDEX,
                ("CREATE VECTOR INDEX %s IF NOT EXISTS FOR (m:Memory) ON m.embedding OPTIONS {indexConfig: {"
                                + "`vector.dimensions`: %d, `vector.similarity_function`: 'cosine'}}")
                        .formatted(EMBEDDING_INDEX, dimensions));
        return statements;
    }

    /**
     * Brings the schema of {@code database} up to {@link #VERSION}; does nothing when it is there already.
     *
     * <p>Its two reads are the first statements of a new driver, and they prove its connection: they are auto-commit
     * statements, which the driver does not retry, so a server that cannot be reached or refuses the credentials fails
     * the start at once. A database that answers but is not available yet (a transient error) is read again in
     * retried transactions.
     *
     * @param embeddingDimensions the size of embeddings the vector index is made for
     * @return whether anything had to be created
     * @throws IllegalStateException when the vector index exists with another size
     */
    public static boolean ensure(Driver driver, String database, Duration indexWait, int embeddingDimensions) {
        SessionConfig config = SessionConfig.forDatabase(database);
        CompletableFuture<Map<String, Index>> listed = indexesAsync(driver, config);
        int found;
        Map<String, Index> indexes;
        try (Session session = driver.session(config)) {
            try {
                found = versionOf(session.run(READ_VERSION).single());
            } catch (TransientException e) {
                found = version(session);
            }
            try {
                indexes = await(listed);
            } catch (TransientException e) {
                indexes = indexes(session);
            }
        } catch (RuntimeException e) {
            listed.handle((rows, failure) -> null).join(); // not left running on a driver about to be closed
            throw e;
        }
        if (found == VERSION && missing(indexes).isEmpty()) {
            checkDimensions(indexes.get(EMBEDDING_INDEX), embeddingDimensions);
            return false;
        }
        try (Session session = driver.session(config)) {
            long started = System.nanoTime();
            if (found < 3) {
                moveSearchIndex(session);
            }
            if (found == 3 || found == 4) {
                // Version 4 indexes the texts of turns too, version 5 the aliases of entities: the index is made
                // again over the new properties.
                session.run("DROP INDEX " + TEXT_INDEX + " IF EXISTS").consume();
            }
            for (String statement : statements(embeddingDimensions).values()) {
                session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
            }
            session.executeWriteWithoutResult(tx -> tx.run(
                            "CALL db.awaitIndexes($seconds)", Map.of("seconds", Math.max(1, indexWait.toSeconds())))
                    .consume());
            checkDimensions(indexes(session).get(EMBEDDING_INDEX), embeddingDimensions);
            if (found < 5) {
                long keyed = session.run(KEY_ENTITIES).consume().counters().nodesCreated();
                if (keyed > 0) {
                    LOG.info("Made the name keys of {} existing entities", keyed);
                }
            }
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

    /**
     * Version 2 to 3: drops the full-text index over the kinds' labels and labels every node it covered
     * {@code Searchable}, in transactions of 10,000 nodes, before the new index is created (which then reads them all
     * at once).
     */
    private static void moveSearchIndex(Session session) {
        session.run("DROP INDEX " + OLD_TEXT_INDEX + " IF EXISTS").consume();
        long labelled = session.run(LABEL_SEARCHABLE).consume().counters().labelsAdded();
        if (labelled > 0) {
            LOG.info("Labelled {} existing memories {} for the full-text index", labelled, SearchIndexing.INDEXED);
        }
    }

    /**
     * Refuses a vector index of another size than configured: its embeddings and the new ones could not be compared,
     * and Neo4j would silently leave embeddings of the wrong size out of the index.
     */
    private static void checkDimensions(Index vectors, int expected) {
        if (vectors == null || vectors.dimensions() == null) {
            return;
        }
        int size = vectors.dimensions();
        if (size != expected) {
            throw new IllegalStateException("The vector index " + EMBEDDING_INDEX + " is made for "
                    + size + " dimensions, but MemoryConfig.embeddingDimensions is " + expected
                    + ": configure " + size + ", or drop the index (DROP INDEX " + EMBEDDING_INDEX
                    + ") and the embeddings of the other size, then start again");
        }
    }

    /** The schema version recorded in the database, or 0. */
    static int version(Session session) {
        return session.executeRead(tx -> versionOf(tx.run(READ_VERSION).single()));
    }

    private static int versionOf(Record row) {
        Value value = row.get("version");
        return value.isNull() ? 0 : value.asInt();
    }

    /** Names of the constraints and indexes that are missing or not online. */
    static List<String> missing(Session session) {
        return missing(indexes(session));
    }

    /** The {@code gm_} indexes by name, in a read transaction of {@code session}. */
    private static Map<String, Index> indexes(Session session) {
        return session.executeRead(tx -> indexes(tx.run(INDEXES).list()));
    }

    private static List<String> missing(Map<String, Index> indexes) {
        List<String> missing = new ArrayList<>();
        for (String name : NAMES) {
            Index index = indexes.get(name);
            if (index == null || !index.online()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The {@code gm_} indexes by name, read on a session of their own beside the caller's statements (the driver's
     * asynchronous API: no thread of ours waits for them), in an auto-commit statement. The session is closed before
     * the answer is given.
     */
    private static CompletableFuture<Map<String, Index>> indexesAsync(Driver driver, SessionConfig config) {
        AsyncSession session = driver.session(AsyncSession.class, config);
        return session.runAsync(INDEXES)
                .thenCompose(ResultCursor::listAsync)
                .handle((rows, failure) -> session.closeAsync().thenApply(closed -> {
                    if (failure != null) {
                        throw failure instanceof CompletionException wrapped
                                ? wrapped
                                : new CompletionException(failure);
                    }
                    return indexes(rows);
                }))
                .thenCompose(closed -> closed)
                .toCompletableFuture();
    }

    private static Map<String, Index> await(CompletableFuture<Map<String, Index>> listed) {
        try {
            return listed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Map<String, Index> indexes(List<Record> rows) {
        Map<String, Index> indexes = new HashMap<>();
        for (Record row : rows) {
            Value dimensions = row.get("dimensions");
            indexes.put(
                    row.get("name").asString(),
                    new Index(
                            "ONLINE".equals(row.get("state").asString()),
                            dimensions.isNull() ? null : dimensions.asInt()));
        }
        return indexes;
    }

    /** One index (or a constraint's backing index): whether it is online, and its vector size if it has one. */
    private record Index(boolean online, Integer dimensions) {}

    /** The state of the schema: version and missing names, read in one session. */
    public static SchemaState state(Session session) {
        return new SchemaState(version(session), missing(session));
    }

    public record SchemaState(int version, List<String> missing) {
        public boolean complete() {
            return version == VERSION && missing.isEmpty();
        }
    }
}
