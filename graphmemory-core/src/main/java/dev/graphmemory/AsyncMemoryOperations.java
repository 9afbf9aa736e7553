package dev.graphmemory;

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
import dev.graphmemory.model.Limits;
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
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The memory operations without blocking: each returns at once and completes when its managed transaction has
 * committed. They run on the driver's asynchronous API and never block a driver thread; results complete on driver
 * threads, so callbacks must not block either.
 *
 * <p>Cancelling a returned stage ({@code toCompletableFuture().cancel(true)}) abandons the work: it stops before its
 * next statement, the transaction rolls back and the connection returns to the pool. Input errors are reported
 * through the stage, like every other failure, as a {@link dev.graphmemory.exceptions.MemoryException}.
 *
 * <p>The methods mirror {@link MemoryOperations}; see there for what each does.
 */
public interface AsyncMemoryOperations {

    /** The namespace (tenant) all operations read and write. */
    String namespace();

    /** See {@link MemoryOperations#createCommitment}. */
    CompletionStage<Commitment> createCommitment(NewCommitment commitment);

    /** See {@link MemoryOperations#completeCommitment}. */
    CompletionStage<Commitment> completeCommitment(String commitmentId, String outcome);

    /** See {@link MemoryOperations#getCommitments}. */
    CompletionStage<List<Commitment>> getCommitments(CommitmentQuery query);

    /** See {@link MemoryOperations#recordDecision}. */
    CompletionStage<Decision> recordDecision(NewDecision decision);

    /** See {@link MemoryOperations#getDecisions}. */
    CompletionStage<List<Decision>> getDecisions(DecisionQuery query);

    /** See {@link MemoryOperations#recordPattern}. */
    CompletionStage<Pattern> recordPattern(PatternObservation observation);

    /** See {@link MemoryOperations#getPatterns}. */
    CompletionStage<List<Pattern>> getPatterns(PatternQuery query);

    /** See {@link MemoryOperations#startConversation}. */
    CompletionStage<Conversation> startConversation(NewConversation conversation);

    /** See {@link MemoryOperations#endConversation}. */
    CompletionStage<Conversation> endConversation(ConversationEnd end);

    /** See {@link MemoryOperations#recordTurns}. */
    CompletionStage<List<Turn>> recordTurns(String conversationId, List<NewTurn> turns);

    /** See {@link MemoryOperations#recordTurn}. */
    default CompletionStage<Turn> recordTurn(String conversationId, NewTurn turn) {
        try {
            return recordTurns(conversationId, List.of(dev.graphmemory.model.Validate.required("turn", turn)))
                    .thenApply(turns -> turns.get(0));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** See {@link MemoryOperations#getTurns}. */
    CompletionStage<List<Turn>> getTurns(TurnQuery query);

    /** See {@link MemoryOperations#turnsAround}. */
    CompletionStage<List<Turn>> turnsAround(String turnId, int before, int after);

    /**
     * See {@link MemoryOperations#startSession}.
     *
     * @deprecated use {@link #startConversation}
     */
    @Deprecated
    default CompletionStage<Conversation> startSession(NewConversation conversation) {
        return startConversation(conversation);
    }

    /**
     * See {@link MemoryOperations#endSession}.
     *
     * @deprecated use {@link #endConversation}
     */
    @Deprecated
    default CompletionStage<Conversation> endSession(ConversationEnd end) {
        return endConversation(end);
    }

    /** See {@link MemoryOperations#recordEnergy}. */
    CompletionStage<EnergyState> recordEnergy(EnergyReading reading);

    /** See {@link MemoryOperations#createEntity}. */
    CompletionStage<Entity> createEntity(NewEntity entity);

    /** See {@link MemoryOperations#linkNodes}. */
    CompletionStage<Link> linkNodes(NewLink link);

    /** See {@link MemoryOperations#findRelated}. */
    CompletionStage<List<RelatedNode>> findRelated(RelatedQuery query);

    /** See {@link MemoryOperations#getEntityContext(String)}. */
    default CompletionStage<EntityContext> getEntityContext(String name) {
        return getEntityContext(name, Limits.DEFAULT_LIMIT);
    }

    /** See {@link MemoryOperations#getEntityContext(String, int)}. */
    CompletionStage<EntityContext> getEntityContext(String name, int limit);

    /** See {@link MemoryOperations#createEntities}; the chunks of a best-effort batch run one after another. */
    CompletionStage<BatchResult<Entity>> createEntities(List<NewEntity> entities, BatchMode mode);

    /** See {@link MemoryOperations#createCommitments}. */
    CompletionStage<BatchResult<Commitment>> createCommitments(List<NewCommitment> commitments, BatchMode mode);

    /** See {@link MemoryOperations#recordDecisions}. */
    CompletionStage<BatchResult<Decision>> recordDecisions(List<NewDecision> decisions, BatchMode mode);

    /** See {@link MemoryOperations#recordPatterns}. */
    CompletionStage<BatchResult<Pattern>> recordPatterns(List<PatternObservation> observations, BatchMode mode);

    /** See {@link MemoryOperations#linkNodes(List, BatchMode)}. */
    CompletionStage<BatchResult<Link>> linkNodes(List<NewLink> links, BatchMode mode);

    /** See {@link MemoryOperations#storeMemory}. */
    CompletionStage<StoredMemory> storeMemory(NewMemory memory);

    /** See {@link MemoryOperations#queryGraph}. */
    CompletionStage<QueryResult> queryGraph(GraphQuery query);

    /** See {@link MemoryOperations#searchMemory}. */
    CompletionStage<SearchResult> searchMemory(SearchQuery query);

    /** See {@link MemoryOperations#setEmbedding}. */
    CompletionStage<MemoryNode> setEmbedding(String id, Embedding embedding);

    /** See {@link MemoryOperations#similarMemories}. */
    CompletionStage<SearchResult> similarMemories(SimilarityQuery query);

    /** See {@link MemoryOperations#timeline}. */
    CompletionStage<Timeline> timeline(TimelineQuery query);

    /** See {@link MemoryOperations#supersedeDecision}. */
    CompletionStage<Supersession> supersedeDecision(String decisionId, NewDecision decision);

    /** See {@link MemoryOperations#forget}. */
    CompletionStage<Forgotten> forget(String id);

    /**
     * See {@link GraphMemory#forgetNamespace}: the bounded transactions run one after another. Cancelling the stage
     * stops it before the next one (the one running finishes); what was removed until then stays removed and is
     * counted in the audit record.
     */
    CompletionStage<Forgotten> forgetNamespace();

    /** See {@link MemoryOperations#recordFact}. */
    CompletionStage<Fact> recordFact(NewFact fact);

    /** See {@link MemoryOperations#recordFacts}. */
    CompletionStage<BatchResult<Fact>> recordFacts(List<NewFact> facts, BatchMode mode);

    /** See {@link MemoryOperations#endFact}. */
    CompletionStage<Fact> endFact(String factId, java.time.Instant validUntil);

    /** See {@link MemoryOperations#replaceFact}. */
    CompletionStage<FactReplacement> replaceFact(String factId, NewFact fact);

    /** See {@link MemoryOperations#getFacts}. */
    CompletionStage<List<Fact>> getFacts(FactQuery query);

    /** See {@link MemoryOperations#addEntityAliases}. */
    CompletionStage<Entity> addEntityAliases(String name, List<String> aliases);

    /** See {@link MemoryOperations#removeEntityAlias}. */
    CompletionStage<Entity> removeEntityAlias(String name, String alias);

    /** See {@link MemoryOperations#mergeEntities}. */
    CompletionStage<Entity> mergeEntities(String from, String into);

    /** See {@link MemoryOperations#findLikelyDuplicates}. */
    CompletionStage<List<LikelyDuplicate>> findLikelyDuplicates(int limit);

    /** See {@link MemoryOperations#setCommitmentStatus}. */
    CompletionStage<Commitment> setCommitmentStatus(
            String commitmentId, dev.graphmemory.model.CommitmentStatus status, String outcome);
}
