package dev.graphmemory.internal.search;

import dev.graphmemory.Embedder;
import dev.graphmemory.EmbedderProvider;
import dev.graphmemory.Embeddings;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.telemetry.DaemonThreads;
import dev.graphmemory.internal.telemetry.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds memories behind the writes: a write labels a searchable memory {@code EmbedPending} and returns; this
 * embedder takes pending memories in batches, embeds their texts with the configured {@link Embedder} and stores the
 * vectors (see {@link EmbeddingStatements} for the two steps and why). One per {@code GraphMemory}, on one daemon
 * thread.
 *
 * <p>The model loads in the background when the memory starts (the built-in one takes seconds), so that starting never
 * waits for it; searches wait for it (bounded) when they need a query's vector. Once loaded, the vector index is made
 * for the model's size and the model recorded; a database embedded by another model has its vectors removed and made
 * again, in bounded batches, while searches find the memories not yet done by words.
 *
 * <p>Embedding takes the CPU that writes need too. While writes keep coming, the embedder does one batch per
 * {@link #MAX_DEFERRAL} and otherwise waits until the writes pause for {@link #QUIET}: bulk ingestion runs at the
 * speed it has without embeddings, and the embedder catches up after. A search embeds what its namespace still waits
 * for itself (at most {@link Embeddings#inlineLimit()}), so nothing written is missed meanwhile; the vectors it made
 * are handed to this embedder, which stores them at its next tick, writes or not (storing needs no model; the tick
 * after ends their waiting), instead of making them again: the next search meets only what was written since (and
 * what is stored but not yet finished, with its vector). Until they are stored, the process's searches share them, and
 * those they are making, with each other and with this embedder's own batches ({@link #embedWaiting}): concurrent
 * searches of a namespace meet the same waiting memories, and each would otherwise embed them all again.
 *
 * <p>Several processes on one database each run one: a batch is claimed for {@link #CLAIM} first, so that they do not
 * embed the same memories twice.
 */
public final class EmbeddingIndexer implements AutoCloseable {
    /** How long writes must pause before the embedder takes the CPU again. */
    static final Duration QUIET = Duration.ofMillis(150);
    /** The longest the embedder defers to writes: then it does one batch anyway. */
    static final Duration MAX_DEFERRAL = Duration.ofSeconds(1);
    /** How long a batch claimed by one embedder is left to it by the others. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingIndexer.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MARK_BATCH = 10_000;

    /** A vector made for a memory (by a search, or here), to store. */
    public record Made(String namespace, String id, String text, float[] vector) {}

    /** A vector a search is making or has made for a memory's text, not stored yet. */
    private record Shared(String text, CompletableFuture<float[]> vector) {}

    /** The most shared vectors kept: beyond, they are dropped (a memory forgotten before it was stored leaves one). */
    private static final int SHARED_LIMIT = 10_000;

    private final Sessions sessions;
    private final Embeddings settings;
    private final Telemetry telemetry;
    private final String worker = java.util.UUID.randomUUID().toString();
    private final CompletableFuture<Embedder> embedder = new CompletableFuture<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Made> handed = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, Shared> shared = new ConcurrentHashMap<>();
    private final boolean ownsEmbedder;
    private volatile long lastTouch;
    private volatile long lastBatch = System.nanoTime();
    private volatile boolean closed;
    /** Whether this embedder stored vectors since it last ended the waiting of stored memories. */
    private volatile boolean storedSinceFinish;

    /**
     * Starts loading the embedder (on this indexer's thread); without one (embeddings off, or no provider on the class
     * path), memories are found by words only.
     */
    public EmbeddingIndexer(Sessions sessions, Embeddings settings, Telemetry telemetry) {
        this.sessions = sessions;
        this.settings = settings;
        this.telemetry = telemetry;
        this.ownsEmbedder = settings.embedder() == null;
        this.scheduler = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("graphmemory-embedder"));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        if (settings.enabled()) {
            scheduler.execute(this::load);
        } else {
            embedder.completeExceptionally(new IllegalStateException("embeddings are off"));
        }
    }

    private void load() {
        long started = System.nanoTime();
        try {
            Embedder loaded = settings.embedder() != null ? settings.embedder() : provide();
            if (loaded == null) {
                LOG.info("No embedder on the class path (add graphmemory-embeddings): memories are found by words");
                embedder.completeExceptionally(new IllegalStateException("no embedder"));
                return;
            }
            if (closed) {
                if (ownsEmbedder) {
                    loaded.close();
                }
                embedder.completeExceptionally(new IllegalStateException("closed"));
                return;
            }
            prepare(loaded);
            LOG.info(
                    "Embedder {} ({} dimensions) ready in {} ms",
                    loaded.model(),
                    loaded.dimensions(),
                    (System.nanoTime() - started) / 1_000_000);
            embedder.complete(loaded);
            embedAgainIfTheModelChanged(loaded);
            touch();
        } catch (RuntimeException | Error e) {
            LOG.warn(
                    "The embedder could not start; memories are found by words only: {}",
                    BackgroundFailures.describe(e));
            LOG.debug("Embedder failure", e);
            embedder.completeExceptionally(e);
        }
    }

    private Embedder provide() {
        for (EmbedderProvider provider : ServiceLoader.load(EmbedderProvider.class)) {
            return provider.create(settings);
        }
        return null;
    }

    /**
     * Makes the vector index for the model's size (again, when it was made for another size). Searches only compare
     * vectors of the model they embed queries with, so those another model made are left out at once.
     */
    private void prepare(Embedder loaded) {
        try (Session session = sessions.open(AccessMode.WRITE)) {
            var sizes = session.run(EmbeddingStatements.INDEX_DIMENSIONS, Map.of("name", EmbeddingStatements.INDEX))
                    .list(r -> r.get("dimensions"));
            if (!sizes.isEmpty() && !sizes.get(0).isNull() && sizes.get(0).asInt() != loaded.dimensions()) {
                LOG.info(
                        "The embedding index holds vectors of {} dimensions; {} makes {}: making the index again",
                        sizes.get(0).asInt(),
                        loaded.model(),
                        loaded.dimensions());
                session.run("DROP INDEX " + EmbeddingStatements.INDEX + " IF EXISTS")
                        .consume();
            }
            if (sizes.isEmpty() || sizes.get(0).isNull() || sizes.get(0).asInt() != loaded.dimensions()) {
                session.run(EmbeddingStatements.createIndex(loaded.dimensions()))
                        .consume();
                session.run("CALL db.awaitIndexes(300)").consume();
            }
        }
    }

    /**
     * After a change of model, the memories another one embedded wait again, in bounded batches, and then the model is
     * recorded; until they are done they are found by words. Nothing happens when the recorded model is this one (an
     * interrupted change is taken up at the next start, since the model is recorded last).
     */
    private void embedAgainIfTheModelChanged(Embedder loaded) {
        try (Session session = sessions.open(AccessMode.WRITE)) {
            Record recorded = session.run(EmbeddingStatements.READ_MODEL).single();
            String model = recorded.get("model").isNull()
                    ? null
                    : recorded.get("model").asString();
            if (loaded.model().equals(model)) {
                return;
            }
            if (model != null) {
                LOG.info("Memories were embedded by {}; embedding them again with {}", model, loaded.model());
            }
            long marked;
            do {
                marked = session.executeWrite(tx -> tx.run(
                                EmbeddingStatements.FORGET_OTHER_MODELS,
                                Map.of("model", loaded.model(), "batch", MARK_BATCH))
                        .single()
                        .get("marked")
                        .asLong());
            } while (marked == MARK_BATCH && !closed);
            if (!closed) {
                session.executeWriteWithoutResult(tx -> tx.run(
                                EmbeddingStatements.WRITE_MODEL,
                                Map.of("model", loaded.model(), "dimensions", loaded.dimensions()))
                        .consume());
            }
        }
    }

    /**
     * Has the model make its first inferences (a query and a passage) on this indexer's thread as soon as it has loaded,
     * for the warm-up of a process that serves calls: the first search in a fresh process would otherwise pay them
     * (the runtime's first run of the model and the JIT's of the tokenizer). Nothing happens without an embedder.
     */
    public void warmUp() {
        try {
            scheduler.execute(this::firstInferences);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void firstInferences() {
        ready().ifPresent(model -> {
            long started = System.nanoTime();
            try {
                model.embedQuery("warm up");
                model.embedPassages(List.of("warm up"));
                LOG.debug("Embedder warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.debug(
                        "Warming the embedder up failed; the first search makes its first inferences: {}",
                        e.toString());
            }
        });
    }

    /** The embedder, once loaded; empty while it loads and when there is none. */
    public Optional<Embedder> ready() {
        return embedder.isDone() && !embedder.isCompletedExceptionally()
                ? Optional.of(embedder.join())
                : Optional.empty();
    }

    /** The embedder, waiting for it to load at most {@code limit}; empty when there is none (or it takes longer). */
    public Optional<Embedder> await(Duration limit) {
        try {
            return Optional.of(embedder.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Vectors a search made, for this embedder to store instead of making them again. */
    public void hand(List<Made> made) {
        // Only vectors: a memory handed without one (its shared vector failed) would stop waiting unembedded.
        List<Made> vectors = made.stream().filter(item -> item.vector() != null).toList();
        if (!vectors.isEmpty()) {
            handed.addAll(vectors);
            touch();
        }
    }

    /** A write may have left memories waiting: embed them soon. */
    public void touch() {
        lastTouch = System.nanoTime();
        if (!closed && scheduled.compareAndSet(false, true)) {
            schedule(TICK);
        }
    }

    private void schedule(Duration delay) {
        try {
            scheduler.schedule(this::tick, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            scheduled.set(false); // closing
        }
    }

    private void tick() {
        Optional<Embedder> model = ready();
        if (model.isEmpty()) {
            scheduled.set(false);
            return;
        }
        boolean more = false;
        boolean embedded = false;
        try {
            long now = System.nanoTime();
            boolean writing = now - lastTouch < QUIET.toNanos();
            if (!writing || now - lastBatch > MAX_DEFERRAL.toNanos()) {
                more = embedBatch(model.get());
                embedded = more;
                lastBatch = System.nanoTime();
            } else {
                // writes are coming: no inference until they pause, but what searches made is stored at once, and
                // what was stored before stops waiting (writes, no model), so that the next searches meet neither;
                // only after a store: with nothing stored, the finish would read every waiting memory for nothing
                if (storedSinceFinish) {
                    finish();
                }
                storeHanded(model.get());
                more = true;
            }
        } catch (RuntimeException e) {
            BackgroundFailures.log(LOG, "Embedding new memories", e);
            more = true;
        }
        if (more && !closed) {
            schedule(embedded ? Duration.ZERO : TICK); // a backlog is worked off without pauses
            return;
        }
        scheduled.set(false);
        if (System.nanoTime() - lastTouch < TICK.toNanos() && !closed && scheduled.compareAndSet(false, true)) {
            schedule(TICK);
        }
    }

    /**
     * One round: the vectors searches made are stored, memories stored before stop waiting, and one batch of waiting
     * memories is claimed, embedded and stored. Returns whether there may be more.
     */
    boolean embedBatch(Embedder model) {
        storeHanded(model);
        long finished = finish();
        List<Made> claimed = claim(settings.batchSize());
        if (claimed.isEmpty()) {
            return finished > 0 || !handed.isEmpty();
        }
        long started = System.nanoTime();
        List<Made> embedded = embedClaimed(model, claimed);
        store(model, embedded);
        stored(embedded);
        telemetry.embedded(embedded.size(), System.nanoTime() - started);
        return true;
    }

    /** Memories whose vectors an earlier transaction stored stop waiting (up to 1,000); returns how many. */
    private long finish() {
        long finished = write(EmbeddingStatements.FINISH, Map.of("batch", 1_000), "finished");
        storedSinceFinish = false;
        return finished;
    }

    /** Stores the vectors searches handed over (up to 1,000 memories). */
    private void storeHanded(Embedder model) {
        Map<String, Made> distinct = new java.util.LinkedHashMap<>(); // concurrent searches hand the same memories
        for (Made item; distinct.size() < 1_000 && (item = handed.poll()) != null; ) {
            distinct.put(key(item.namespace(), item.id()), item);
        }
        List<Made> made = new ArrayList<>(distinct.values());
        store(model, made);
        stored(made);
    }

    /**
     * The vectors of claimed memories, through {@link #embedWaiting} namespace by namespace: one a search of this
     * process has made (or is making) is not made again, and searches meanwhile wait for those made here rather than
     * make them too. A memory whose shared vector failed is embedded here.
     */
    private List<Made> embedClaimed(Embedder model, List<Made> claimed) {
        Map<String, List<Made>> byNamespace = new java.util.LinkedHashMap<>();
        for (Made item : claimed) {
            byNamespace
                    .computeIfAbsent(item.namespace(), ignored -> new ArrayList<>())
                    .add(item);
        }
        List<Made> vectors = new ArrayList<>(claimed.size());
        List<Made> missing = new ArrayList<>();
        for (Map.Entry<String, List<Made>> namespace : byNamespace.entrySet()) {
            for (Made item : embedWaiting(model, namespace.getKey(), namespace.getValue())) {
                (item.vector() == null && hasText(item) ? missing : vectors).add(item);
            }
        }
        vectors.addAll(embed(model, missing));
        return vectors;
    }

    private static boolean hasText(Made item) {
        return item.text() != null && !item.text().isBlank();
    }

    /**
     * The vectors of the waiting memories a search of {@code namespace} found, in order, made with {@code model}: a
     * memory whose vector another search of this process is making, or made and this embedder has not stored yet, is
     * not embedded again (its vector is awaited, at most {@link #TIMEOUT}; past that, or if that search failed, it has
     * none this time and is found by words). The rest are embedded here, in one batch, and shared until stored.
     */
    public List<Made> embedWaiting(Embedder model, String namespace, List<Made> waiting) {
        if (shared.size() > SHARED_LIMIT) {
            shared.clear();
        }
        Shared[] entries = new Shared[waiting.size()];
        List<Made> mine = new ArrayList<>();
        List<Shared> made = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            Made item = waiting.get(i);
            if (!hasText(item)) {
                continue;
            }
            Shared fresh = new Shared(item.text(), new CompletableFuture<>());
            entries[i] = shared.merge(
                    key(namespace, item.id()),
                    fresh,
                    (old, ignored) ->
                            old.text().equals(item.text()) && !old.vector().isCompletedExceptionally() ? old : fresh);
            if (entries[i] == fresh) {
                mine.add(item);
                made.add(fresh);
            }
        }
        try {
            List<Made> embedded = embed(model, mine);
            for (int i = 0; i < embedded.size(); i++) {
                made.get(i).vector().complete(embedded.get(i).vector());
            }
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < made.size(); i++) {
                made.get(i).vector().completeExceptionally(e);
                shared.remove(key(namespace, mine.get(i).id()), made.get(i));
            }
            throw e;
        }
        List<Made> vectors = new ArrayList<>(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            Made item = waiting.get(i);
            vectors.add(new Made(namespace, item.id(), item.text(), entries[i] == null ? null : awaited(entries[i])));
        }
        return vectors;
    }

    private static float[] awaited(Shared entry) {
        try {
            return entry.vector().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static String key(String namespace, String id) {
        return namespace + '\u0000' + id;
    }

    /** Stops sharing the vectors of memories now stored. */
    private void stored(List<Made> made) {
        for (Made item : made) {
            shared.computeIfPresent(
                    key(item.namespace(), item.id()),
                    (key, entry) -> entry.vector().isDone() ? null : entry);
        }
    }

    /** The texts' vectors, in order; a memory without text gets none (it stops waiting when stored). */
    public static List<Made> embed(Embedder model, List<Made> pending) {
        List<String> texts = new ArrayList<>();
        for (Made item : pending) {
            if (hasText(item)) {
                texts.add(item.text());
            }
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : model.embedPassages(texts);
        List<Made> embedded = new ArrayList<>(pending.size());
        int next = 0;
        for (Made item : pending) {
            embedded.add(
                    new Made(item.namespace(), item.id(), item.text(), hasText(item) ? vectors.get(next++) : null));
        }
        return embedded;
    }

    private List<Made> claim(int batch) {
        try (Session session = sessions.open(AccessMode.WRITE);
                Transaction tx = session.beginTransaction(config("claimEmbeddings"))) {
            List<Made> claimed = tx.run(
                            EmbeddingStatements.CLAIM,
                            Map.of("batch", batch, "worker", worker, "seconds", CLAIM.toSeconds()))
                    .list(record -> new Made(
                            record.get("namespace").asString(),
                            record.get("id").asString(),
                            record.get("text").isNull()
                                    ? null
                                    : record.get("text").asString(),
                            null));
            tx.commit();
            return claimed;
        }
    }

    private void store(Embedder model, List<Made> made) {
        if (made.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(made.size());
        for (Made item : made) {
            Map<String, Object> row = new HashMap<>();
            row.put("namespace", item.namespace());
            row.put("id", item.id());
            row.put("text", item.text());
            row.put("vector", item.vector() == null ? null : EmbeddingStatements.asList(item.vector()));
            rows.add(row);
        }
        if (write(EmbeddingStatements.STORE, Map.of("rows", rows, "model", model.model()), "stored") > 0) {
            storedSinceFinish = true;
        }
    }

    private long write(String statement, Map<String, Object> parameters, String column) {
        // One attempt, no retry loop: a failed round is tried again at the next tick.
        try (Session session = sessions.open(AccessMode.WRITE);
                Transaction tx = session.beginTransaction(config("embedMemories"))) {
            long count = tx.run(statement, parameters).single().get(column).asLong();
            tx.commit();
            return count;
        }
    }

    private static TransactionConfig config(String operation) {
        return TransactionConfig.builder()
                .withTimeout(TIMEOUT)
                .withMetadata(Map.of("app", "graphmemory", "operation", operation))
                .build();
    }

    /**
     * Stops embedding, and closes the embedder if this indexer made it. Memories still waiting are embedded later (by
     * the next memory that starts on the database). A model still loading is waited for (it closes itself once loaded):
     * a process that exits while a native runtime is still loading a model can be aborted by that runtime.
     */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdown();
        try {
            awaitLoad();
            if (!scheduler.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The embedder did not stop within {} s", TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsEmbedder) {
                ready().ifPresent(Embedder::close);
            }
        }
    }

    private void awaitLoad() throws InterruptedException {
        try {
            embedder.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // no embedder, embeddings off, or closed while loading: nothing to wait for
        } catch (TimeoutException e) {
            LOG.warn("The embedder was still loading after {} s", TIMEOUT.toSeconds());
        }
    }
}
