package dev.graphmemory.internal.run;

import dev.graphmemory.AsyncMemoryOperations;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemorySession;
import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.TransactionWork;
import dev.graphmemory.internal.coalescing.Coalescer;
import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.internal.driver.Drivers;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.driver.PlanKeeper;
import dev.graphmemory.internal.driver.Retries;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.search.EmbeddingIndexer;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.search.IndexingTelemetry;
import dev.graphmemory.internal.search.SearchIndexer;
import dev.graphmemory.internal.telemetry.MicrometerTelemetry;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Ids;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.StatementPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.observation.metrics.ConnectionPoolMetrics;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GraphMemory}: runs each operation alone and hands out sessions and transactions. With coalescing on, its
 * own single writes (blocking and asynchronous) go through a {@link Coalescer}; sessions and transactions never do.
 */
public final class DefaultGraphMemory extends BlockingFacade implements GraphMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGraphMemory.class);

    /** How often the search indexer moves new memories into the full-text index while writes come in. */
    static final Duration SEARCH_INDEX_TICK = Duration.ofMillis(200);

    private final MemoryConfig config;
    private final Sessions sessions;
    private final MetricsObservationProvider metrics;
    private final boolean ownsDriver;
    private final AsyncFacade async;
    private final Retries retries;

    private final Telemetry telemetry;
    private final Workers workers; // shared with withNamespace views
    private final Coalescer coalescer; // null when coalescing is off
    private final PlanWarmUp warmUp; // null when off; stopped by the memory that started it
    private final boolean ownsWorkers;

    /**
     * What a memory and its namespace views share: the background workers, closed by the memory that started them, and
     * the count of calls in flight, which the warm-up and the plan keeper wait for (they run their next statement only
     * while no call is running, so as not to slow a call).
     *
     * @param coalescer the write coalescing, or {@code null} when it is off
     * @param plans keeps the plans of the statements calls send fresh ({@link PlanKeeper#OFF} without the warm-up)
     */
    record Workers(
            SearchIndexer indexer,
            EmbeddingIndexer embedder,
            HybridSearch search,
            Coalescer coalescer,
            AtomicInteger callsInFlight,
            PlanKeeper plans) {
        /** Stops keeping plans, runs or fails the writes still queued, indexes what waits for search, stops embedding. */
        void close() {
            plans.close();
            try {
                if (coalescer != null) {
                    coalescer.close();
                }
            } finally {
                try {
                    indexer.close();
                } finally {
                    embedder.close();
                }
            }
        }
    }

    private DefaultGraphMemory(
            MemoryConfig config,
            Sessions sessions,
            MetricsObservationProvider metrics,
            boolean ownsDriver,
            Telemetry telemetry,
            Workers workers,
            PlanWarmUp warmUp,
            boolean ownsWorkers) {
        super(OperationTable.of(config, workers.search()), true);
        this.telemetry = telemetry;
        this.workers = workers;
        this.coalescer = workers.coalescer();
        this.warmUp = warmUp;
        this.ownsWorkers = ownsWorkers;
        this.config = config;
        this.sessions = sessions;
        this.metrics = metrics;
        this.ownsDriver = ownsDriver;
        this.async = new AsyncFacade(sessions, operations(), telemetry, workers.plans(), coalescer, this::execute);
        this.retries = new Retries(config.maxRetryTime(), telemetry, workers.plans());
    }

    /**
     * A memory that owns a new driver for {@link MemoryConfig#uri()} (see {@link GraphMemory#connect}). The schema
     * check's first statements check that the database answers: they fail at once when it cannot be reached, as a
     * separate connectivity check did, which cost a restart a third of a second more in a cold JVM.
     */
    public static DefaultGraphMemory connect(MemoryConfig config) {
        MetricsObservationProvider metrics = MetricsObservationProvider.newInstance();
        long started = System.nanoTime();
        Driver driver = Drivers.create(config, metrics);
        LOG.debug("Driver for {} made in {} ms", config.uri().orElse(null), (System.nanoTime() - started) / 1_000_000);
        return start(driver, config, metrics, true);
    }

    /**
     * A memory over a driver, with the schema ensured.
     *
     * @param metrics the driver's pool metrics, or {@code null} when the application built the driver
     * @param ownsDriver whether {@link #close()} closes the driver
     */
    public static DefaultGraphMemory start(
            Driver driver, MemoryConfig config, MetricsObservationProvider metrics, boolean ownsDriver) {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(config, "config");
        try {
            long started = System.nanoTime();
            Schema.ensure(driver, config.database(), Duration.ofMinutes(5), config.embeddingDimensions());
            LOG.debug("Schema checked in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (ownsDriver) {
                driver.close();
            }
            throw Errors.translate(e);
        }
        long begun = System.nanoTime();
        var bookmarks = BookmarkManagers.defaultManager(
                org.neo4j.driver.BookmarkManagerConfig.builder().build());
        var sessions = new Sessions(driver, config.database(), bookmarks, config.transactionTimeout());
        Telemetry measured = config.meterRegistry().isPresent()
                ? MicrometerTelemetry.create(config.meterRegistry().get(), metrics)
                : Telemetry.NONE;
        SearchIndexer indexer = new SearchIndexer(sessions, SEARCH_INDEX_TICK, measured);
        EmbeddingIndexer embedder = new EmbeddingIndexer(sessions, config.embeddings(), measured);
        Telemetry telemetry = new IndexingTelemetry(measured, List.of(indexer::touch, embedder::touch));
        Coalescer coalescer = config.coalescing()
                .map(settings -> new Coalescer(settings, drainLimit(config), telemetry))
                .orElse(null);
        HybridSearch search = config.embeddings().enabled()
                ? new HybridSearch(embedder, config.embeddings().inlineLimit())
                : HybridSearch.wordsOnly();
        AtomicInteger callsInFlight = new AtomicInteger();
        BooleanSupplier callsRunning = () -> callsInFlight.get() > 0;
        PlanKeeper plans = config.planWarmUp() ? PlanKeeper.start(sessions, callsRunning) : PlanKeeper.OFF;
        Workers workers = new Workers(indexer, embedder, search, coalescer, callsInFlight, plans);
        PlanWarmUp warmUp = config.planWarmUp() ? warmUp(config, sessions, plans, search, callsRunning) : null;
        if (warmUp != null) {
            embedder.warmUp();
        }
        var memory = new DefaultGraphMemory(config, sessions, metrics, ownsDriver, telemetry, workers, warmUp, true);
        LOG.debug("Workers started in {} ms", (System.nanoTime() - begun) / 1_000_000);
        return memory;
    }

    /** Starts the warm-up: the catalogue's statements, then a search rehearsed as a call runs it. */
    private static PlanWarmUp warmUp(
            MemoryConfig config,
            Sessions sessions,
            PlanKeeper plans,
            HybridSearch search,
            BooleanSupplier callsRunning) {
        String namespace = StatementCatalogue.rehearsalNamespace(config.namespace());
        Rehearsal rehearsal =
                new Rehearsal(sessions, new Retries(config.maxRetryTime(), Telemetry.NONE, plans), namespace);
        return PlanWarmUp.start(
                sessions,
                () -> StatementCatalogue.warmUp(namespace, config.embeddingDimensions()),
                callsRunning,
                () -> search.search(namespace, Rehearsal.SEARCH, rehearsal));
    }

    /** How long closing lets queued coalesced writes run: the retry budget, at least a second. */
    private static Duration drainLimit(MemoryConfig config) {
        Duration budget = config.maxRetryTime();
        return budget.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : budget;
    }

    @Override
    protected <T> T execute(Work<T> work) {
        workers.callsInFlight().incrementAndGet();
        try {
            return alone(sessions, retries, work, operations().namespace());
        } finally {
            workers.callsInFlight().decrementAndGet();
        }
    }

    /** Runs a unit of work alone: a session of its own, its transaction retried. */
    private static <T> T alone(Sessions sessions, Retries retries, Work<T> work, String namespace) {
        AsyncSession session = sessions.openAsync(work);
        try {
            return retries.run(sessions, session, work, namespace);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            session.closeAsync();
        }
    }

    /**
     * The warm-up's rehearsal of operations (see {@link PlanWarmUp}): units of work run alone as a call's are, in the
     * rehearsal namespace, where no memory is (see {@link StatementCatalogue#rehearsalNamespace}), and not measured as
     * calls. Not counted as a call either: the plan keeper and the warm-up itself need not wait for it.
     */
    private record Rehearsal(Sessions sessions, Retries retries, String namespace) implements HybridSearch.Runner {
        /**
         * The rehearsed search: by words and meaning, as an assistant's; its words are in no memory, so that the
         * full-text index answers at once even though the rehearsal namespace cannot be part of the Lucene query
         * (see {@code SearchStatements.lucene}). The vector index answers its nearest from every namespace.
         */
        static final SearchQuery SEARCH = SearchQuery.of("graphmemoryrehearsalqzx");

        @Override
        public <T> T run(Work<T> work) {
            return alone(sessions, retries, work, namespace);
        }
    }

    @Override
    public MemorySession openSession() {
        try {
            return new SessionScope(sessions, operations(), retries);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Ids.Replaying ids = new Ids.Replaying();
        OperationTable replayed = operations().withIds(ids);
        Runnable ended = workers.indexer().scopeOpened(operations().namespace());
        AsyncSession session;
        try {
            session = sessions.openAsync(AccessMode.WRITE);
        } catch (RuntimeException e) {
            ended.run();
            throw Errors.translate(e);
        }
        try {
            return retries.run(
                    session,
                    sessions.transaction("inTransaction", operations().namespace()),
                    "inTransaction",
                    runner -> {
                        ids.rewind();
                        TransactionScope scope = new TransactionScope(replayed, runner);
                        try {
                            return work.execute(scope);
                        } finally {
                            scope.finish();
                        }
                    });
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            session.closeAsync();
            ended.run();
        }
    }

    @Override
    public MemoryTransaction beginTransaction() {
        return new ExplicitTransaction(
                sessions,
                operations(),
                telemetry,
                workers.plans(),
                workers.indexer().scopeOpened(operations().namespace()));
    }

    @Override
    public AsyncMemoryOperations async() {
        return async;
    }

    @Override
    public MemorySnapshots snapshots() {
        return new Snapshots(this);
    }

    @Override
    public Forgotten forgetNamespace() {
        String auditId = operations().ids().get();
        int removed;
        do {
            removed = execute(operations().forgetNamespaceBatch(auditId)); // a transaction of its own
        } while (removed == operations().chunkSize()); // a full batch: there may be more
        return execute(operations().forgetNamespaceDone(auditId));
    }

    @Override
    public Health healthCheck() {
        return HealthCheck.check(sessions.driver(), sessions.database(), this::poolState);
    }

    @Override
    public List<StatementPlan> planStatements(boolean replan) {
        try {
            return StatementPlans.plan(
                    sessions, StatementCatalogue.entries(config.embeddingDimensions()), replan, () -> false);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public GraphMemory withNamespace(String namespace) {
        MemoryConfig other = config.withNamespace(namespace);
        return new DefaultGraphMemory(other, sessions, metrics, false, telemetry, workers, null, false);
    }

    @Override
    public MemoryConfig config() {
        return config;
    }

    /** A single write: coalesced with concurrent ones when coalescing is on, else alone. */
    @Override
    protected <I, T> T write(CoalescibleWrite<I, T> kind, I input) {
        return coalescer == null
                ? super.write(kind, input)
                : coalescer.call(kind.of(operations(), input, this::execute));
    }

    /**
     * Runs or fails the writes still queued for coalescing, indexes what waits for search and stops embedding (if
     * this memory started them), then closes the driver.
     */
    @Override
    public void close() {
        if (warmUp != null) {
            warmUp.close();
        }
        try {
            if (ownsWorkers) {
                workers.close();
            }
        } finally {
            if (ownsDriver) {
                sessions.driver().close();
            }
        }
    }

    /** Whether the warm-up this memory started is still going. */
    boolean warmingUp() {
        return warmUp != null && warmUp.isRunning();
    }

    /** How many statements' plans are kept fresh in the background (0 without the warm-up). */
    int keptPlans() {
        return workers.plans().size();
    }

    private Health.PoolState poolState() {
        if (metrics == null) {
            return null;
        }
        int inUse = 0;
        int idle = 0;
        long timeouts = 0;
        for (ConnectionPoolMetrics pool : metrics.metrics().connectionPoolMetrics()) {
            inUse += pool.inUse();
            idle += pool.idle();
            timeouts += pool.timedOutToAcquire();
        }
        return new Health.PoolState(inUse, idle, timeouts);
    }
}
