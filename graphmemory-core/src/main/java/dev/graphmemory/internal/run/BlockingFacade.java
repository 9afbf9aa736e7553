package dev.graphmemory.internal.run;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.internal.search.HybridSearch;
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

/**
 * {@link MemoryOperations} over an executor: each method makes its work with {@link #operations()} and hands it to
 * {@link #execute}. Subclasses only decide how work runs (alone, in a session, in a transaction).
 */
public abstract class BlockingFacade implements MemoryOperations {

    private final OperationTable operations;
    private final boolean ownsTransactions;

    /**
     * @param operations the operation table of this executor's namespace
     * @param ownsTransactions whether each unit of work gets a transaction of its own (alone, or in a session); inside
     *     a transaction scope it does not, and a best-effort batch then runs in the scope's one transaction
     */
    protected BlockingFacade(OperationTable operations, boolean ownsTransactions) {
        this.operations = operations;
        this.ownsTransactions = ownsTransactions;
    }

    /** The operation table of this executor's namespace. */
    protected final OperationTable operations() {
        return operations;
    }

    /** Runs the work and returns its result, or throws a {@code MemoryException}. */
    protected abstract <T> T execute(Work<T> work);

    /**
     * Runs a batch: an atomic one (or any batch inside a transaction scope) in one transaction; a best-effort one as
     * a transaction per chunk, where a failing chunk reports its items as failed and the others are kept.
     */
    protected <T> BatchResult<T> executeBatch(Batches<T> batch) {
        if (batch.chunks().isEmpty()) {
            return new BatchResult<>(List.of());
        }
        if (batch.mode() == BatchMode.ATOMIC || !ownsTransactions) {
            return execute(ownsTransactions ? batch.inOneTransaction() : batch.inScope());
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Batches.Chunk<T> chunk : batch.chunks()) {
            try {
                outcomes.addAll(execute(chunk.statement()));
            } catch (MemoryException e) {
                outcomes.addAll(batch.failed(chunk, e));
            }
        }
        return batch.result(outcomes);
    }

    /** A single write that may be coalesced: here alone, in its own transaction or the scope's. */
    protected <I, T> T write(CoalescibleWrite<I, T> kind, I input) {
        return execute(kind.alone().apply(operations(), input));
    }

    @Override
    public String namespace() {
        return operations().namespace();
    }

    @Override
    public Commitment createCommitment(NewCommitment commitment) {
        return write(CoalescibleWrite.CREATE_COMMITMENT, commitment);
    }

    @Override
    public Commitment completeCommitment(String commitmentId, String outcome) {
        return execute(operations().completeCommitment(commitmentId, outcome));
    }

    @Override
    public List<Commitment> getCommitments(CommitmentQuery query) {
        return execute(operations().getCommitments(query));
    }

    @Override
    public Decision recordDecision(NewDecision decision) {
        return write(CoalescibleWrite.RECORD_DECISION, decision);
    }

    @Override
    public List<Decision> getDecisions(DecisionQuery query) {
        return execute(operations().getDecisions(query));
    }

    @Override
    public Pattern recordPattern(PatternObservation observation) {
        return write(CoalescibleWrite.RECORD_PATTERN, observation);
    }

    @Override
    public List<Pattern> getPatterns(PatternQuery query) {
        return execute(operations().getPatterns(query));
    }

    @Override
    public Conversation startConversation(NewConversation conversation) {
        return execute(operations().startConversation(conversation));
    }

    @Override
    public Conversation endConversation(ConversationEnd end) {
        return execute(operations().endConversation(end));
    }

    @Override
    public List<Turn> recordTurns(String conversationId, List<NewTurn> turns) {
        return execute(operations().recordTurns(conversationId, turns));
    }

    @Override
    public List<Turn> getTurns(TurnQuery query) {
        return execute(operations().getTurns(query));
    }

    @Override
    public List<Turn> turnsAround(String turnId, int before, int after) {
        return execute(operations().turnsAround(turnId, before, after));
    }

    @Override
    public EnergyState recordEnergy(EnergyReading reading) {
        return execute(operations().recordEnergy(reading));
    }

    @Override
    public Entity createEntity(NewEntity entity) {
        return write(CoalescibleWrite.CREATE_ENTITY, entity);
    }

    @Override
    public Link linkNodes(NewLink link) {
        return write(CoalescibleWrite.LINK_NODES, link);
    }

    @Override
    public List<RelatedNode> findRelated(RelatedQuery query) {
        return execute(operations().findRelated(query));
    }

    @Override
    public EntityContext getEntityContext(String name, int limit) {
        return execute(operations().getEntityContext(name, limit));
    }

    @Override
    public BatchResult<Entity> createEntities(List<NewEntity> entities, BatchMode mode) {
        return executeBatch(operations().createEntities(entities, mode));
    }

    @Override
    public BatchResult<Commitment> createCommitments(List<NewCommitment> commitments, BatchMode mode) {
        return executeBatch(operations().createCommitments(commitments, mode));
    }

    @Override
    public BatchResult<Decision> recordDecisions(List<NewDecision> decisions, BatchMode mode) {
        return executeBatch(operations().recordDecisions(decisions, mode));
    }

    @Override
    public BatchResult<Pattern> recordPatterns(List<PatternObservation> observations, BatchMode mode) {
        return executeBatch(operations().recordPatterns(observations, mode));
    }

    @Override
    public BatchResult<Link> linkNodes(List<NewLink> links, BatchMode mode) {
        return executeBatch(operations().linkNodes(links, mode));
    }

    @Override
    public StoredMemory storeMemory(NewMemory memory) {
        return execute(operations().storeMemory(memory));
    }

    @Override
    public QueryResult queryGraph(GraphQuery query) {
        return execute(operations().queryGraph(query));
    }

    /**
     * A search in three steps (see {@link HybridSearch}): the context step indexes and reads what the search needs
     * first, in a transaction of its own when this facade runs each step alone (committed before the ranking reads
     * the full-text index), or in the scope's transaction.
     */
    @Override
    public SearchResult searchMemory(SearchQuery query) {
        return operations().search().search(operations().namespace(), query, this::execute);
    }

    @Override
    public MemoryNode setEmbedding(String id, Embedding embedding) {
        return execute(operations().setEmbedding(id, embedding));
    }

    @Override
    public SearchResult similarMemories(SimilarityQuery query) {
        return execute(operations().similarMemories(query));
    }

    @Override
    public Timeline timeline(TimelineQuery query) {
        return execute(operations().timeline(query));
    }

    @Override
    public Supersession supersedeDecision(String decisionId, NewDecision decision) {
        return execute(operations().supersedeDecision(decisionId, decision));
    }

    @Override
    public Forgotten forget(String id) {
        return execute(operations().forget(id));
    }

    @Override
    public Fact recordFact(NewFact fact) {
        return execute(operations().recordFact(fact));
    }

    @Override
    public BatchResult<Fact> recordFacts(List<NewFact> facts, BatchMode mode) {
        return executeBatch(operations().recordFacts(facts, mode));
    }

    @Override
    public Fact endFact(String factId, java.time.Instant validUntil) {
        return execute(operations().endFact(factId, validUntil));
    }

    @Override
    public FactReplacement replaceFact(String factId, NewFact fact) {
        return execute(operations().replaceFact(factId, fact));
    }

    @Override
    public List<Fact> getFacts(FactQuery query) {
        return execute(operations().getFacts(query));
    }

    @Override
    public Entity addEntityAliases(String name, List<String> aliases) {
        return execute(operations().addEntityAliases(name, aliases));
    }

    @Override
    public Entity removeEntityAlias(String name, String alias) {
        return execute(operations().removeEntityAlias(name, alias));
    }

    @Override
    public Entity mergeEntities(String from, String into) {
        return execute(operations().mergeEntities(from, into));
    }

    @Override
    public List<LikelyDuplicate> findLikelyDuplicates(int limit) {
        return execute(operations().findLikelyDuplicates(limit));
    }

    @Override
    public Commitment setCommitmentStatus(
            String commitmentId, dev.graphmemory.model.CommitmentStatus status, String outcome) {
        return execute(operations().setCommitmentStatus(commitmentId, status, outcome));
    }
}
