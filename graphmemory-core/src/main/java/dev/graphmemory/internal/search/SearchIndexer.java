package dev.graphmemory.internal.search;

import dev.graphmemory.internal.cypher.SearchIndexing;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.telemetry.DaemonThreads;
import dev.graphmemory.internal.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves new searchable nodes into the full-text index behind the writes, many at a time.
 *
 * <p>Neo4j's full-text index is Lucene: every transaction that changes it flushes a segment, opens a new reader and
 * lets merges run, which on two cores cost more than the rest of a small write (measured: a new entity alone 6.9 ms,
 * with the index in its transaction 15.3 ms). So a small write labels its new nodes {@code SearchPending}, which no
 * index covers, and this indexer relabels them {@code Searchable} (the label the full-text index covers) in one
 * transaction per tick: the index's cost is paid once per tick instead of once per write. Writes of many rows at once
 * label their nodes {@code Searchable} themselves (see {@link SearchIndexing}).
 *
 * <p>Nothing is lost by the delay: a search first indexes its namespace's pending nodes in its own transaction (see
 * {@code SearchStatements}), so it sees every write acknowledged before it. The indexer only keeps that work small.
 * It wakes up when a statement added labels ({@link #touch()}), runs every {@code tick} while writes keep coming and
 * for {@link #ACTIVE} after the last one (to catch transactions that commit late), then sleeps. A failed tick is
 * logged and retried at the next one; nodes stay pending meanwhile, which costs a search only a little more work.
 * One indexer serves every namespace of a {@code GraphMemory}. Several processes on one database each run one: a batch
 * that meets nodes another indexer is relabelling waits for it and then skips them ({@link SearchIndexing#INDEX_PENDING}),
 * and every indexer leaves alone the namespaces with a transaction scope open in any of the processes
 * ({@link SearchIndexing#OPEN_SCOPES}).
 */
public final class SearchIndexer implements AutoCloseable {
    /**
     * How many nodes one transaction relabels. Relabelling locks each node, so a batch that meets a node another
     * transaction holds waits, holding the others: batches are kept small, and so is their timeout.
     */
    static final int BATCH = 1_000;

    /** How long after the last write the indexer keeps looking for late commits. */
    static final Duration ACTIVE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Sessions sessions;
    private final Duration tick;
    private final Telemetry telemetry;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Held while relabelling, and to open or end a transaction scope. */
    private final ReentrantLock relabelling = new ReentrantLock();
    /** Namespaces with open transaction scopes, and how many; guarded by {@link #relabelling}. */
    private final Map<String, Integer> scopes = new HashMap<>();

    private volatile long lastTouch;
    private boolean remoteScopes = true; // guarded by relabelling
    private volatile boolean closed;

    public SearchIndexer(Sessions sessions, Duration tick, Telemetry telemetry) {
        this.sessions = sessions;
        this.tick = tick;
        this.telemetry = telemetry;
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, DaemonThreads.named("graphmemory-search-indexer"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() indexes at once instead
        this.scheduler = executor;
    }

    /**
     * A transaction scope opens in {@code namespace}; the returned action (idempotent) must run when it ends. Until
     * then this indexer leaves the namespace's nodes pending, and a search in the scope indexes them itself.
     *
     * <p>This is not needed for the search to find them (see {@code SearchIndexing}: a search's step writes to every
     * pending node, so it finds each one either pending or indexed, whatever an indexer does meanwhile), but a scope
     * that searched holds the locks of its namespace's pending nodes until it ends, and a batch of this indexer that
     * met one would wait for it, holding up every other namespace. Waiting here for a running batch to commit keeps
     * the two apart.
     */
    public Runnable scopeOpened(String namespace) {
        relabelling.lock();
        try {
            scopes.merge(namespace, 1, Integer::sum);
        } finally {
            relabelling.unlock();
        }
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                relabelling.lock();
                try {
                    scopes.computeIfPresent(namespace, (key, open) -> open == 1 ? null : open - 1);
                } finally {
                    relabelling.unlock();
                }
                touch();
            }
        };
    }

    /** A write may have left nodes pending: index them within a tick. */
    public void touch() {
        lastTouch = System.nanoTime();
        if (!closed && scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        try {
            scheduler.schedule(this::tick, tick.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            scheduled.set(false); // closing
        }
    }

    private void tick() {
        long indexed = 0;
        try {
            indexed = indexPending();
        } catch (RuntimeException e) {
            BackgroundFailures.log(LOG, "Indexing new memories for search", e);
        }
        boolean active = indexed > 0 || System.nanoTime() - lastTouch < ACTIVE.toNanos();
        if (active && !closed) {
            schedule();
            return;
        }
        scheduled.set(false);
        // A touch between the check above and this line found the flag still set; look again.
        if (System.nanoTime() - lastTouch < ACTIVE.toNanos() && !closed && scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    /**
     * Indexes every pending node of the database, {@link #BATCH} per transaction: first finishes the nodes indexed
     * before (a transaction of its own: see {@link SearchIndexing} for why two steps), then indexes the new ones.
     *
     * @return how many nodes were indexed or finished
     */
    public long indexPending() {
        long indexed = 0;
        long finished = 0;
        long started = System.nanoTime();
        if (!anyPending()) {
            return 0;
        }
        relabelling.lock();
        try {
            List<String> busy = busy();
            finished = untilDone(SearchIndexing.FINISH_PENDING, "finished", busy);
            indexed = untilDone(SearchIndexing.INDEX_PENDING, "indexed", busy);
        } finally {
            relabelling.unlock();
        }
        if (indexed > 0) {
            telemetry.searchIndexed(indexed);
            LOG.debug(
                    "Indexed {} new memories for search in {} ms", indexed, (System.nanoTime() - started) / 1_000_000);
        }
        return indexed + finished;
    }

    /** Whether any node of the database waits to be indexed (a read of the count store). */
    private boolean anyPending() {
        try (Session session = sessions.open(AccessMode.WRITE)) { // the member that runs the writes
            return session.run(SearchIndexing.COUNT_PENDING)
                            .single()
                            .get("pending")
                            .asLong()
                    > 0;
        }
    }

    /** Runs a relabelling statement, a batch per transaction, until a batch is not full. */
    private long untilDone(String statement, String column, List<String> busy) {
        long total = 0;
        int done;
        do {
            done = batch(statement, column, busy);
            total += done;
        } while (done == BATCH);
        return total;
    }

    /**
     * The namespaces to leave alone: those with a scope open here, and those with a scope open in another process
     * (read from the server's list of transactions; a server that refuses to list them leaves only this process's).
     * A scope another process opens between this list and the relabelling's commit is not seen: a window of one
     * batch.
     */
    private List<String> busy() {
        java.util.Set<String> busy = new java.util.TreeSet<>(scopes.keySet());
        if (remoteScopes) {
            try (Session session = sessions.open(AccessMode.WRITE)) { // the member that runs the writes
                busy.addAll(session.run(SearchIndexing.OPEN_SCOPES)
                        .single()
                        .get("namespaces")
                        .asList(org.neo4j.driver.Value::asString));
            } catch (org.neo4j.driver.exceptions.ClientException e) {
                remoteScopes = false;
                LOG.info(
                        "Cannot list the server's transactions ({}); the search indexer now only knows this process's"
                                + " transaction scopes",
                        e.getMessage());
            }
        }
        return List.copyOf(busy);
    }

    private int batch(String statement, String column, List<String> busy) {
        TransactionConfig transaction = TransactionConfig.builder()
                .withTimeout(TIMEOUT)
                .withMetadata(Map.of("app", "graphmemory", "operation", "indexForSearch"))
                .build();
        // One attempt, no retry loop: a failed tick is tried again at the next one.
        try (Session session = sessions.open(AccessMode.WRITE);
                Transaction tx = session.beginTransaction(transaction)) {
            int done = tx.run(statement, Map.of("batch", BATCH, "busy", busy))
                    .single()
                    .get(column)
                    .asInt();
            tx.commit();
            return done;
        }
    }

    /** Stops ticking and indexes what is still pending, once (a failure is logged: a search still indexes it). */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The search indexer did not stop within {} s", TIMEOUT.toSeconds());
            }
            if (lastTouch != 0 && indexPending() > 0) {
                indexPending(); // finishes what the first pass indexed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Indexing new memories for search at close failed; a search will index them: {}", e.toString());
        }
    }
}
