package dev.graphmemory.internal.run;

import dev.graphmemory.AsyncMemoryOperations;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.internal.coalescing.Coalescer;
import dev.graphmemory.internal.driver.AsyncDriverRunner;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.driver.PlanKeeper;
import dev.graphmemory.internal.driver.Retries;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.search.EmbeddingIndexer;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.FactReplacement;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.QueryResult;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.StoredMemory;
import dev.graphmemory.model.Supersession;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.model.TurnQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AsyncMemoryOperations}: each operation in its own managed asynchronous transaction, on its own session.
 *
 * <p>The caller gets a promise that is separate from the driver's stage. If the caller completes or cancels it, the
 * work sees that before its next statement and before commit, fails, and the driver rolls back. The session is closed
 * when the driver's stage ends, whatever the caller did, so the connection always returns to the pool.
 */
public final class AsyncFacade implements AsyncMemoryOperations {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncFacade.class);

    private final Sessions sessions;
    private final OperationTable operations;
    private final Telemetry telemetry;
    private final PlanKeeper plans;
    private final Coalescer coalescer;
    private final Coalescer.WorkExecutor alone;

    /**
     * @param plans what text each statement is sent as (with its plan kept, or as it is)
     * @param coalescer where single writes go when coalescing is on, else {@code null}
     * @param alone runs the coalesced transactions (each alone, retried)
     */
    public AsyncFacade(
            Sessions sessions,
            OperationTable operations,
            Telemetry telemetry,
            PlanKeeper plans,
            Coalescer coalescer,
            Coalescer.WorkExecutor alone) {
        this.sessions = sessions;
        this.operations = operations;
        this.telemetry = telemetry;
        this.plans = plans;
        this.coalescer = coalescer;
        this.alone = alone;
    }

    /** A single write: coalesced with concurrent ones when coalescing is on, else in its own transaction. */
    private <I, T> CompletionStage<T> write(CoalescibleWrite<I, T> kind, I input) {
        if (coalescer == null) {
            return execute(() -> kind.alone().apply(operations, input));
        }
        try {
            return coalescer.callAsync(kind.of(operations, input, alone));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
    }

    <T> CompletionStage<T> execute(Supplier<Work<T>> make) {
        Work<T> work;
        try {
            work = make.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
        CompletableFuture<T> promise = new CompletableFuture<>();
        AsyncSession session;
        try {
            session = sessions.openAsync(work);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
        AsyncTransactionCallback<CompletionStage<T>> callback =
                tx -> work.runAsync(new AsyncDriverRunner(tx, promise::isDone, telemetry, plans))
                        .thenCompose(result -> promise.isDone()
                                ? CompletableFuture.failedFuture(new CancellationException("cancelled before commit"))
                                : CompletableFuture.completedFuture(result));
        TransactionConfig config = sessions.transaction(work, operations.namespace());
        CompletionStage<T> running = work.mode() == AccessMode.WRITE
                ? session.executeWriteAsync(callback, config)
                : session.executeReadAsync(callback, config);
        long started = System.nanoTime();
        limit(work, sessions.limit(work, config), running, promise);
        running.whenComplete((result, error) -> session.closeAsync().whenComplete((closed, closeError) -> {
            telemetry.operation(
                    work.name(), System.nanoTime() - started, error == null ? "success" : Errors.outcome(error));
            if (closeError != null) {
                LOG.debug("Closing an asynchronous session failed", closeError);
            }
            if (error != null) {
                promise.completeExceptionally(Errors.translate(error));
            } else {
                promise.complete(result);
            }
        }));
        return promise;
    }

    /**
     * Gives up on work that has a limit of its own once the limit and {@link Retries#GRACE} have passed: the caller
     * gets a {@link MemoryTimeoutException} then, whatever the database does, and the transaction is terminated on the
     * server. The session is closed when the driver's stage ends, as always.
     */
    private static <T> void limit(
            Work<T> work, Sessions.Limit limit, CompletionStage<T> running, CompletableFuture<T> promise) {
        if (!limit.isSet()) {
            return;
        }
        long delay = limit.timeout().plus(Retries.GRACE).toMillis();
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            if (!running.toCompletableFuture().isDone()
                    && promise.completeExceptionally(new MemoryTimeoutException(
                            work.name()
                                    + " ran longer than its timeout of "
                                    + limit.timeout().toMillis()
                                    + " ms; it was stopped and rolled back",
                            null))) {
                limit.terminate().run();
            }
        });
    }

    /** Like {@link BlockingFacade#executeBatch}, without blocking: best-effort chunks run one after another. */
    <T> CompletionStage<BatchResult<T>> executeBatch(Supplier<Batches<T>> make) {
        Batches<T> batch;
        try {
            batch = make.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
        if (batch.chunks().isEmpty()) {
            return CompletableFuture.completedFuture(new BatchResult<>(List.of()));
        }
        if (batch.mode() == BatchMode.ATOMIC) {
            return execute(batch::inOneTransaction);
        }
        CompletionStage<List<Outcome<T>>> outcomes = CompletableFuture.completedFuture(new ArrayList<>());
        for (Batches.Chunk<T> chunk : batch.chunks()) {
            outcomes = outcomes.thenCompose(done -> execute(chunk::statement).handle((result, error) -> {
                if (error == null) {
                    done.addAll(result);
                } else if (Errors.unwrap(error) instanceof MemoryException failure) {
                    done.addAll(batch.failed(chunk, failure));
                } else {
                    throw new CompletionException(error);
                }
                return done;
            }));
        }
        return outcomes.thenApply(batch::result);
    }

    @Override
    public String namespace() {
        return operations.namespace();
    }

    @Override
    public CompletionStage<Commitment> createCommitment(NewCommitment commitment) {
        return write(CoalescibleWrite.CREATE_COMMITMENT, commitment);
    }

    @Override
    public CompletionStage<Commitment> completeCommitment(String commitmentId, String outcome) {
        return execute(() -> operations.completeCommitment(commitmentId, outcome));
    }

    @Override
    public CompletionStage<List<Commitment>> getCommitments(CommitmentQuery query) {
        return execute(() -> operations.getCommitments(query));
    }

    @Override
    public CompletionStage<Decision> recordDecision(NewDecision decision) {
        return write(CoalescibleWrite.RECORD_DECISION, decision);
    }

    @Override
    public CompletionStage<List<Decision>> getDecisions(DecisionQuery query) {
        return execute(() -> operations.getDecisions(query));
    }

    @Override
    public CompletionStage<Pattern> recordPattern(PatternObservation observation) {
        return write(CoalescibleWrite.RECORD_PATTERN, observation);
    }

    @Override
    public CompletionStage<List<Pattern>> getPatterns(PatternQuery query) {
        return execute(() -> operations.getPatterns(query));
    }

    @Override
    public CompletionStage<Conversation> startConversation(NewConversation conversation) {
        return execute(() -> operations.startConversation(conversation));
    }

    @Override
    public CompletionStage<Conversation> endConversation(ConversationEnd end) {
        return execute(() -> operations.endConversation(end));
    }

    @Override
    public CompletionStage<List<Turn>> recordTurns(String conversationId, List<NewTurn> turns) {
        return execute(() -> operations.recordTurns(conversationId, turns));
    }

    @Override
    public CompletionStage<List<Turn>> getTurns(TurnQuery query) {
        return execute(() -> operations.getTurns(query));
    }

    @Override
    public CompletionStage<List<Turn>> turnsAround(String turnId, int before, int after) {
        return execute(() -> operations.turnsAround(turnId, before, after));
    }

    @Override
    public CompletionStage<EnergyState> recordEnergy(EnergyReading reading) {
        return execute(() -> operations.recordEnergy(reading));
    }

    @Override
    public CompletionStage<Entity> createEntity(NewEntity entity) {
        return write(CoalescibleWrite.CREATE_ENTITY, entity);
    }

    @Override
    public CompletionStage<Link> linkNodes(NewLink link) {
        return write(CoalescibleWrite.LINK_NODES, link);
    }

    @Override
    public CompletionStage<List<RelatedNode>> findRelated(RelatedQuery query) {
        return execute(() -> operations.findRelated(query));
    }

    @Override
    public CompletionStage<EntityContext> getEntityContext(String name, int limit) {
        return execute(() -> operations.getEntityContext(name, limit));
    }

    @Override
    public CompletionStage<BatchResult<Entity>> createEntities(List<NewEntity> entities, BatchMode mode) {
        return executeBatch(() -> operations.createEntities(entities, mode));
    }

    @Override
    public CompletionStage<BatchResult<Commitment>> createCommitments(List<NewCommitment> commitments, BatchMode mode) {
        return executeBatch(() -> operations.createCommitments(commitments, mode));
    }

    @Override
    public CompletionStage<BatchResult<Decision>> recordDecisions(List<NewDecision> decisions, BatchMode mode) {
        return executeBatch(() -> operations.recordDecisions(decisions, mode));
    }

    @Override
    public CompletionStage<BatchResult<Pattern>> recordPatterns(List<PatternObservation> observations, BatchMode mode) {
        return executeBatch(() -> operations.recordPatterns(observations, mode));
    }

    @Override
    public CompletionStage<BatchResult<Link>> linkNodes(List<NewLink> links, BatchMode mode) {
        return executeBatch(() -> operations.linkNodes(links, mode));
    }

    @Override
    public CompletionStage<StoredMemory> storeMemory(NewMemory memory) {
        return execute(() -> operations.storeMemory(memory));
    }

    @Override
    public CompletionStage<QueryResult> queryGraph(GraphQuery query) {
        return execute(() -> operations.queryGraph(query));
    }

    /** Like {@link BlockingFacade#searchMemory}; the embedding is done off the driver's threads. */
    @Override
    public CompletionStage<SearchResult> searchMemory(SearchQuery query) {
        HybridSearch search = operations.search();
        String namespace = operations.namespace();
        return CompletableFuture.supplyAsync(() -> search.prepare(query), search.cpu())
                .thenCompose(prepared -> execute(() -> search.context(namespace, prepared))
                        .thenComposeAsync(
                                context -> {
                                    List<EmbeddingIndexer.Made> inline =
                                            search.embedPending(namespace, prepared, context);
                                    return execute(() -> search.ranked(namespace, prepared, context, inline))
                                            .whenComplete((result, error) -> search.hand(context, inline));
                                },
                                search.cpu()))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(Errors.translate(Errors.unwrap(error))));
    }

    @Override
    public CompletionStage<MemoryNode> setEmbedding(String id, Embedding embedding) {
        return execute(() -> operations.setEmbedding(id, embedding));
    }

    @Override
    public CompletionStage<SearchResult> similarMemories(SimilarityQuery query) {
        return execute(() -> operations.similarMemories(query));
    }

    @Override
    public CompletionStage<Timeline> timeline(TimelineQuery query) {
        return execute(() -> operations.timeline(query));
    }

    @Override
    public CompletionStage<Supersession> supersedeDecision(String decisionId, NewDecision decision) {
        return execute(() -> operations.supersedeDecision(decisionId, decision));
    }

    @Override
    public CompletionStage<Forgotten> forget(String id) {
        return execute(() -> operations.forget(id));
    }

    /**
     * Batch after batch, each its own transaction, then the audit record completed. The caller's promise is checked
     * before each batch: once it is cancelled, no further batch starts (the one running finishes).
     */
    @Override
    public CompletionStage<Forgotten> forgetNamespace() {
        String auditId = operations.ids().get();
        CompletableFuture<Forgotten> promise = new CompletableFuture<>();
        forgetBatches(auditId, promise)
                .thenCompose(done -> execute(() -> operations.forgetNamespaceDone(auditId)))
                .whenComplete((forgotten, error) -> {
                    if (error != null) {
                        promise.completeExceptionally(Errors.translate(error));
                    } else {
                        promise.complete(forgotten);
                    }
                });
        return promise;
    }

    /** Batches until one removes fewer than a full batch, or the caller gives up. */
    private CompletionStage<Void> forgetBatches(String auditId, CompletableFuture<?> caller) {
        if (caller.isDone()) {
            return CompletableFuture.failedFuture(new CancellationException("forgetNamespace was cancelled"));
        }
        return execute(() -> operations.forgetNamespaceBatch(auditId))
                .thenCompose(removed -> removed < operations.chunkSize()
                        ? CompletableFuture.completedFuture(null)
                        : forgetBatches(auditId, caller));
    }

    @Override
    public CompletionStage<Fact> recordFact(NewFact fact) {
        return execute(() -> operations.recordFact(fact));
    }

    @Override
    public CompletionStage<BatchResult<Fact>> recordFacts(List<NewFact> facts, BatchMode mode) {
        return executeBatch(() -> operations.recordFacts(facts, mode));
    }

    @Override
    public CompletionStage<Fact> endFact(String factId, java.time.Instant validUntil) {
        return execute(() -> operations.endFact(factId, validUntil));
    }

    @Override
    public CompletionStage<FactReplacement> replaceFact(String factId, NewFact fact) {
        return execute(() -> operations.replaceFact(factId, fact));
    }

    @Override
    public CompletionStage<List<Fact>> getFacts(FactQuery query) {
        return execute(() -> operations.getFacts(query));
    }

    @Override
    public CompletionStage<Entity> addEntityAliases(String name, List<String> aliases) {
        return execute(() -> operations.addEntityAliases(name, aliases));
    }

    @Override
    public CompletionStage<Entity> removeEntityAlias(String name, String alias) {
        return execute(() -> operations.removeEntityAlias(name, alias));
    }

    @Override
    public CompletionStage<Entity> mergeEntities(String from, String into) {
        return execute(() -> operations.mergeEntities(from, into));
    }

    @Override
    public CompletionStage<List<LikelyDuplicate>> findLikelyDuplicates(int limit) {
        return execute(() -> operations.findLikelyDuplicates(limit));
    }

    @Override
    public CompletionStage<Commitment> setCommitmentStatus(
            String commitmentId, dev.graphmemory.model.CommitmentStatus status, String outcome) {
        return execute(() -> operations.setCommitmentStatus(commitmentId, status, outcome));
    }
}
