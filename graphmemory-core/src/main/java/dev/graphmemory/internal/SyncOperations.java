package dev.graphmemory.internal;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.QueryResult;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import java.util.List;

/**
 * {@link MemoryOperations} over an executor: each method makes its work with {@link #operations()} and hands it to
 * {@link #execute}. Subclasses only decide how work runs (alone, in a session, in a transaction).
 */
public abstract class SyncOperations implements MemoryOperations {

    /** The work factory of this executor's namespace. */
    protected abstract Operations operations();

    /** Runs the work and returns its result, or throws a {@code MemoryException}. */
    protected abstract <T> T execute(Work<T> work);

    @Override
    public String namespace() {
        return operations().namespace();
    }

    @Override
    public Commitment createCommitment(NewCommitment commitment) {
        return execute(operations().createCommitment(commitment));
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
        return execute(operations().recordDecision(decision));
    }

    @Override
    public List<Decision> getDecisions(DecisionQuery query) {
        return execute(operations().getDecisions(query));
    }

    @Override
    public Pattern recordPattern(PatternObservation observation) {
        return execute(operations().recordPattern(observation));
    }

    @Override
    public List<Pattern> getPatterns(PatternQuery query) {
        return execute(operations().getPatterns(query));
    }

    @Override
    public Conversation startSession(NewConversation conversation) {
        return execute(operations().startSession(conversation));
    }

    @Override
    public Conversation endSession(ConversationEnd end) {
        return execute(operations().endSession(end));
    }

    @Override
    public EnergyState recordEnergy(EnergyReading reading) {
        return execute(operations().recordEnergy(reading));
    }

    @Override
    public Entity createEntity(NewEntity entity) {
        return execute(operations().createEntity(entity));
    }

    @Override
    public Link linkNodes(NewLink link) {
        return execute(operations().linkNodes(link));
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
    public QueryResult queryGraph(GraphQuery query) {
        return execute(operations().queryGraph(query));
    }
}
