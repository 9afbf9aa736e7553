package dev.graphmemory.internal;

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
import dev.graphmemory.model.Limits;
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
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes the {@link Work} of each memory operation for one namespace. Inputs are checked here, ids are drawn here,
 * before any executor sees the work; executors only decide the transaction it runs in.
 *
 * @param namespace the tenant
 * @param ids where new ids come from (fresh, or replayed across retries of a transaction callback)
 * @param queryRowLimit the row cap of read-only queries
 * @param queryTimeout the timeout of read-only queries
 */
public record Operations(String namespace, Supplier<String> ids, int queryRowLimit, Duration queryTimeout) {

    /** The same operations with another source of ids. */
    public Operations withIds(Supplier<String> newIds) {
        return new Operations(namespace, newIds, queryRowLimit, queryTimeout);
    }

    /** The same operations in another namespace. */
    public Operations inNamespace(String newNamespace) {
        return new Operations(Validate.namespace(newNamespace), ids, queryRowLimit, queryTimeout);
    }

    public Work<Commitment> createCommitment(NewCommitment commitment) {
        return CommitmentStatements.create(namespace, ids.get(), Validate.required("commitment", commitment));
    }

    public Work<Commitment> completeCommitment(String commitmentId, String outcome) {
        return CommitmentStatements.complete(
                namespace,
                Validate.id("commitmentId", commitmentId),
                Validate.optionalText("outcome", outcome, Limits.CONTENT));
    }

    public Work<List<Commitment>> getCommitments(CommitmentQuery query) {
        return CommitmentStatements.list(namespace, query == null ? CommitmentQuery.all() : query);
    }

    public Work<Decision> recordDecision(NewDecision decision) {
        return DecisionStatements.create(namespace, ids.get(), Validate.required("decision", decision));
    }

    public Work<List<Decision>> getDecisions(DecisionQuery query) {
        return DecisionStatements.list(namespace, query == null ? DecisionQuery.all() : query);
    }

    public Work<Pattern> recordPattern(PatternObservation observation) {
        Validate.required("observation", observation);
        return PatternStatements.record(namespace, ids.get(), ids.get(), observation);
    }

    public Work<List<Pattern>> getPatterns(PatternQuery query) {
        return PatternStatements.list(namespace, query == null ? PatternQuery.all() : query);
    }

    public Work<Conversation> startSession(NewConversation conversation) {
        return ConversationStatements.start(namespace, ids.get(), Validate.required("conversation", conversation));
    }

    public Work<Conversation> endSession(ConversationEnd end) {
        return ConversationStatements.end(namespace, Validate.required("end", end));
    }

    public Work<EnergyState> recordEnergy(EnergyReading reading) {
        return ConversationStatements.energy(namespace, ids.get(), Validate.required("reading", reading));
    }

    public Work<Entity> createEntity(NewEntity entity) {
        return EntityStatements.upsert(namespace, ids.get(), Validate.required("entity", entity));
    }

    public Work<Link> linkNodes(NewLink link) {
        return LinkStatements.link(namespace, Validate.required("link", link));
    }

    public Work<List<RelatedNode>> findRelated(RelatedQuery query) {
        return LinkStatements.related(namespace, Validate.required("query", query));
    }

    public Work<EntityContext> getEntityContext(String name, int limit) {
        return EntityStatements.context(namespace, name, Validate.range("limit", limit, 1, Limits.MAX_LIMIT));
    }

    public Work<QueryResult> queryGraph(GraphQuery query) {
        return ReadOnlyQueries.work(namespace, Validate.required("query", query), queryRowLimit, queryTimeout);
    }
}
