package dev.graphmemory;

import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.run.DefaultGraphMemory;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.StatementPlan;
import java.util.List;
import org.neo4j.driver.Driver;

/**
 * The front door: long-term memory for an assistant in a Neo4j graph.
 *
 * <p>Create one per application and share it; it holds the driver and its connection pool. Each operation called on
 * it runs alone, in its own managed transaction that is retried on transient failures. For several operations,
 * {@link #openSession()} shares a session, {@link #inTransaction} makes them one atomic transaction, and
 * {@link #async()} runs them without blocking.
 *
 * <pre>{@code
 * try (GraphMemory memory = GraphMemory.connect(MemoryConfig.fromEnv())) {
 *     Commitment commitment = memory.createCommitment(NewCommitment.of("Call Bob back").toWhom("Bob"));
 *     memory.completeCommitment(commitment.id(), "Called, all good");
 * }
 * }</pre>
 */
public interface GraphMemory extends MemoryOperations, AutoCloseable {

    /**
     * Connects to the Neo4j at {@link MemoryConfig#uri()}, checks it answers, and creates the schema if needed.
     * The returned memory owns its driver: {@link #close()} closes it.
     *
     * @throws IllegalArgumentException when the configuration has no URI
     * @throws UnavailableException when the database cannot be reached
     * @throws IllegalStateException when the database's vector index was made for another number of dimensions than
     *     {@link MemoryConfig#embeddingDimensions()}
     */
    static GraphMemory connect(MemoryConfig config) {
        return DefaultGraphMemory.connect(config);
    }

    /**
     * A memory over a driver the application already has; {@link #close()} leaves the driver open. Only
     * {@link MemoryConfig#database()}, the namespace, timeouts and limits of the configuration apply; the pool is the
     * driver's own, and {@link Health#pool()} is {@code null}.
     */
    static GraphMemory open(Driver driver, MemoryConfig config) {
        return DefaultGraphMemory.start(driver, config, null, false);
    }

    /** A session shared by several operations; close it when done. */
    MemorySession openSession();

    /**
     * Runs {@code work} in one transaction: everything it does commits together, or nothing does. On a transient
     * failure the whole callback is retried (within the retry budget), with the same ids for new memories.
     *
     * <pre>{@code
     * String id = memory.inTransaction(tx -> {
     *     Decision decision = tx.recordDecision(NewDecision.of("Hire Carol", "Best interview"));
     *     Commitment offer = tx.createCommitment(NewCommitment.of("Send Carol the offer"));
     *     tx.linkNodes(NewLink.of(decision.id(), RelationshipType.LEADS_TO, offer.id()));
     *     return offer.id();
     * });
     * }</pre>
     */
    <T> T inTransaction(TransactionWork<T> work);

    /** An explicit transaction: commit it yourself; closing it uncommitted rolls it back; never retried. */
    MemoryTransaction beginTransaction();

    /** The same operations without blocking. */
    AsyncMemoryOperations async();

    /** Export and import of this namespace's memories. */
    MemorySnapshots snapshots();

    /**
     * Removes every memory of this namespace with its relationships, in bounded transactions of at most
     * {@link MemoryConfig#batchChunkSize()} memories each (never one transaction for the whole tenant), and leaves
     * one audit record of what was removed, without any content. Audit records of the namespace stay. If it fails
     * midway, what was removed stays removed (and counted in the audit record); calling it again removes the rest.
     * Memories stored while it runs may or may not be removed.
     *
     * <pre>{@code
     * Forgotten gone = memory.withNamespace("alice").forgetNamespace();
     * }</pre>
     *
     * <p>It is offered here and on {@link #async()}, not inside sessions or transactions, whose one transaction it
     * would otherwise have to be.
     */
    Forgotten forgetNamespace();

    /** Checks the database: version, schema, round-trip time and pool. Never throws for an unreachable database. */
    Health healthCheck();

    /**
     * Plans every statement the library sends, with {@code EXPLAIN} (nothing runs, nothing is written), and reports
     * each plan: how long planning took, the operators, and any scan. With {@code replan}, each statement is planned
     * afresh ({@code CYPHER replan=force}), as Neo4j does when the graph's counts have drifted from those its cached
     * plan was made for; without, a plan already in Neo4j's cache is reused (and one that was not is now). For
     * diagnosis and benchmarks: a statement slow to plan makes the first call of its operation slow, and any call
     * that happens to trigger a re-plan.
     *
     * <pre>{@code
     * memory.planStatements(true).forEach(plan -> System.out.println(plan.statement() + " " + plan.planTime()));
     * }</pre>
     */
    List<StatementPlan> planStatements(boolean replan);

    /** A view of the same database in another namespace, sharing this memory's driver; closing it does nothing. */
    GraphMemory withNamespace(String namespace);

    /** The settings. */
    MemoryConfig config();

    /**
     * Runs the writes still waiting to be coalesced (see {@link MemoryConfig#coalescing()}; those that cannot run
     * within the retry budget fail with an {@code UnavailableException}), then closes the driver if this memory created
     * it.
     */
    @Override
    void close();
}
