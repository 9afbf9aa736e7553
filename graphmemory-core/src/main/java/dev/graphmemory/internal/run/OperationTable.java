package dev.graphmemory.internal.run;

import dev.graphmemory.MemoryConfig;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.cypher.AliasStatements;
import dev.graphmemory.internal.cypher.CommitmentStatements;
import dev.graphmemory.internal.cypher.ConversationStatements;
import dev.graphmemory.internal.cypher.DecisionStatements;
import dev.graphmemory.internal.cypher.EntityStatements;
import dev.graphmemory.internal.cypher.FactStatements;
import dev.graphmemory.internal.cypher.ForgetStatements;
import dev.graphmemory.internal.cypher.LinkStatements;
import dev.graphmemory.internal.cypher.PatternStatements;
import dev.graphmemory.internal.cypher.StoreMemoryStatement;
import dev.graphmemory.internal.cypher.TimelineStatements;
import dev.graphmemory.internal.cypher.TurnStatements;
import dev.graphmemory.internal.cypher.VectorStatements;
import dev.graphmemory.internal.query.ReadOnlyQueries;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Ids;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
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
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.StoredMemory;
import dev.graphmemory.model.Supersession;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.model.TurnQuery;
import dev.graphmemory.model.Validate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.AccessMode;

/**
 * Makes the {@link Work} of each memory operation for one namespace. Inputs are checked here, ids are drawn here,
 * before any executor sees the work; executors only decide the transaction it runs in.
 *
 * @param namespace the tenant
 * @param ids where new ids come from (fresh, or replayed across retries of a transaction callback)
 * @param queryRowLimit the row cap of read-only queries
 * @param queryTimeout the timeout of read-only queries
 * @param chunkSize rows per batch statement, and memories per transaction of {@code forgetNamespace}
 * @param embeddingDimensions the size every embedding a caller sets must have
 * @param search the default search (words, meaning and the graph's signals)
 */
public record OperationTable(
        String namespace,
        Supplier<String> ids,
        int queryRowLimit,
        Duration queryTimeout,
        int chunkSize,
        int embeddingDimensions,
        HybridSearch search) {

    /** The operations of the configuration's namespace, with fresh ids, searching with {@code search}. */
    static OperationTable of(MemoryConfig config, HybridSearch search) {
        return new OperationTable(
                config.namespace(),
                Ids.fresh(),
                config.queryRowLimit(),
                config.queryTimeout(),
                config.batchChunkSize(),
                config.embeddingDimensions(),
                search);
    }

    /** The same operations with another source of ids. */
    public OperationTable withIds(Supplier<String> newIds) {
        return new OperationTable(
                namespace, newIds, queryRowLimit, queryTimeout, chunkSize, embeddingDimensions, search);
    }

    public Work<Commitment> createCommitment(NewCommitment commitment) {
        var row = CommitmentStatements.row(0, ids.get(), Validate.required("commitment", commitment));
        return CommitmentStatements.create(namespace, List.of(row)).map(Batches::single);
    }

    public Batches<Commitment> createCommitments(List<NewCommitment> commitments, BatchMode mode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        each("commitments", commitments, (item, i) -> rows.add(CommitmentStatements.row(i, ids.get(), item)));
        return Batches.plan(
                "createCommitments",
                "commitments",
                mode(mode),
                commitments.size(),
                rows,
                "id",
                chunkSize,
                chunk -> CommitmentStatements.create(namespace, chunk));
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
        var row = DecisionStatements.row(0, ids.get(), Validate.required("decision", decision));
        return DecisionStatements.create(namespace, List.of(row)).map(Batches::single);
    }

    public Batches<Decision> recordDecisions(List<NewDecision> decisions, BatchMode mode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        each("decisions", decisions, (item, i) -> rows.add(DecisionStatements.row(i, ids.get(), item)));
        return Batches.plan(
                "recordDecisions",
                "decisions",
                mode(mode),
                decisions.size(),
                rows,
                "id",
                chunkSize,
                chunk -> DecisionStatements.create(namespace, chunk));
    }

    public Work<List<Decision>> getDecisions(DecisionQuery query) {
        return DecisionStatements.list(namespace, query == null ? DecisionQuery.all() : query);
    }

    public Work<Pattern> recordPattern(PatternObservation observation) {
        return single(recordPatterns(List.of(Validate.required("observation", observation)), BatchMode.ATOMIC));
    }

    /** Observations of the same pattern in one call become one row, counted once each. */
    public Batches<Pattern> recordPatterns(List<PatternObservation> observations, BatchMode mode) {
        Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        each(
                "observations",
                observations,
                (item, i) -> indexes.computeIfAbsent(PatternStatements.key(item), key -> new ArrayList<>())
                        .add(i));
        List<Map<String, Object>> rows = new ArrayList<>();
        indexes.forEach((key, positions) -> {
            List<String> observationIds = positions.stream().map(i -> ids.get()).toList();
            rows.add(PatternStatements.row(
                    key, positions, ids.get(), observationIds, observations.get(positions.get(0))));
        });
        return Batches.plan(
                "recordPatterns",
                "observations",
                mode(mode),
                observations.size(),
                rows,
                "patternKey",
                chunkSize,
                chunk -> PatternStatements.record(namespace, chunk));
    }

    public Work<List<Pattern>> getPatterns(PatternQuery query) {
        return PatternStatements.list(namespace, query == null ? PatternQuery.all() : query);
    }

    public Work<Conversation> startConversation(NewConversation conversation) {
        return ConversationStatements.start(namespace, ids.get(), Validate.required("conversation", conversation));
    }

    public Work<Conversation> endConversation(ConversationEnd end) {
        return ConversationStatements.end(namespace, Validate.required("end", end));
    }

    /**
     * Appends turns to a conversation, a chunk per statement in one transaction: all are written or none. Each chunk
     * reserves the next sequence numbers under the conversation's lock.
     */
    public Work<List<Turn>> recordTurns(String conversationId, List<NewTurn> turns) {
        String conversation = Validate.id("conversationId", conversationId);
        each("turns", turns, (turn, i) -> {});
        if (turns.isEmpty()) {
            throw new InvalidInputException("turns", "must hold at least one turn");
        }
        if (turns.size() > Limits.TURNS_PER_CALL) {
            throw new InvalidInputException(
                    "turns", "must hold at most " + Limits.TURNS_PER_CALL + " turns (had " + turns.size() + ")");
        }
        List<Statement<List<Turn>>> chunks = new ArrayList<>();
        for (int start = 0; start < turns.size(); start += chunkSize) {
            List<NewTurn> chunk = turns.subList(start, Math.min(turns.size(), start + chunkSize));
            chunks.add(TurnStatements.record(namespace, conversation, TurnStatements.rows(chunk, ids)));
        }
        return Work.sequence("recordTurns", AccessMode.WRITE, chunks)
                .map(parts -> parts.stream().flatMap(List::stream).toList());
    }

    public Work<List<Turn>> getTurns(TurnQuery query) {
        return TurnStatements.page(namespace, Validate.required("query", query));
    }

    public Work<List<Turn>> turnsAround(String turnId, int before, int after) {
        return TurnStatements.around(
                namespace,
                Validate.id("turnId", turnId),
                Validate.range("before", before, 0, Limits.MAX_TURN_WINDOW),
                Validate.range("after", after, 0, Limits.MAX_TURN_WINDOW));
    }

    public Work<EnergyState> recordEnergy(EnergyReading reading) {
        return ConversationStatements.energy(namespace, ids.get(), Validate.required("reading", reading));
    }

    public Work<Entity> createEntity(NewEntity entity) {
        var row = EntityStatements.row(0, ids.get(), Validate.required("entity", entity));
        return EntityStatements.upsert(namespace, List.of(row)).map(Batches::single);
    }

    public Batches<Entity> createEntities(List<NewEntity> entities, BatchMode mode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        each("entities", entities, (item, i) -> rows.add(EntityStatements.row(i, ids.get(), item)));
        return Batches.plan(
                "createEntities",
                "entities",
                mode(mode),
                entities.size(),
                rows,
                "nameKey",
                chunkSize,
                chunk -> EntityStatements.upsert(namespace, chunk));
    }

    public Work<Link> linkNodes(NewLink link) {
        return single(linkNodes(List.of(Validate.required("link", link)), BatchMode.ATOMIC));
    }

    public Batches<Link> linkNodes(List<NewLink> links, BatchMode mode) {
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        each(
                "links",
                links,
                (item, i) -> groups.computeIfAbsent(
                                List.of(item.fromId(), item.relationship().name(), item.toId()),
                                key -> new ArrayList<>())
                        .add(i));
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.values().forEach(indexes -> {
            Map<String, Object> properties = new HashMap<>();
            indexes.forEach(i -> properties.putAll(links.get(i).properties()));
            rows.add(LinkStatements.row(indexes, links.get(indexes.get(0)), properties));
        });
        rows.sort(Comparator.comparing(row -> row.get("toId").toString()));
        List<NewLink> given = List.copyOf(links);
        boolean atomic = mode(mode) == BatchMode.ATOMIC;
        Batches<Link> batch = Batches.plan(
                "linkNodes",
                "links",
                mode,
                links.size(),
                LinkStatements.group(rows),
                "fromId",
                chunkSize,
                (type, chunk) -> LinkStatements.link(namespace, type, chunk, given, atomic));
        return atomic ? batch.checkedBy(LinkStatements.check(namespace, rows, given)) : batch;
    }

    public Work<StoredMemory> storeMemory(NewMemory memory) {
        return StoreMemoryStatement.work(namespace, ids, Validate.required("memory", memory));
    }

    public Work<List<RelatedNode>> findRelated(RelatedQuery query) {
        return new dev.graphmemory.internal.work.Timed<>(
                LinkStatements.related(namespace, Validate.required("query", query)), queryTimeout);
    }

    public Work<EntityContext> getEntityContext(String name, int limit) {
        return EntityStatements.context(namespace, name, Validate.range("limit", limit, 1, Limits.MAX_LIMIT));
    }

    public Work<QueryResult> queryGraph(GraphQuery query) {
        return ReadOnlyQueries.work(namespace, Validate.required("query", query), queryRowLimit, queryTimeout);
    }

    public Work<MemoryNode> setEmbedding(String memoryId, Embedding embedding) {
        String id = Validate.id("id", memoryId);
        return VectorStatements.set(namespace, id, dimensions(Validate.required("embedding", embedding)));
    }

    public Work<SearchResult> similarMemories(SimilarityQuery query) {
        Validate.required("query", query);
        if (query.embedding() != null) {
            dimensions(query.embedding());
        }
        return VectorStatements.similar(namespace, query, embeddingDimensions);
    }

    public Work<Timeline> timeline(TimelineQuery query) {
        return TimelineStatements.timeline(namespace, Validate.required("query", query));
    }

    public Work<Supersession> supersedeDecision(String decisionId, NewDecision decision) {
        String oldId = Validate.id("decisionId", decisionId);
        var row = DecisionStatements.row(0, ids.get(), Validate.required("decision", decision));
        return DecisionStatements.supersede(namespace, oldId, row);
    }

    public Work<Fact> recordFact(NewFact fact) {
        return single(recordFacts(List.of(Validate.required("fact", fact)), BatchMode.ATOMIC));
    }

    /** Facts as one set-based statement per chunk; each must name at least one entity. */
    public Batches<Fact> recordFacts(List<NewFact> facts, BatchMode mode) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant now = Instant.now();
        each("facts", facts, (item, i) -> {
            if (item.about().isEmpty()) {
                throw new InvalidInputException(
                        facts.size() == 1 ? "about" : "facts[" + i + "].about", "must name at least one entity");
            }
            rows.add(FactStatements.row(i, ids.get(), item, now));
        });
        boolean atomic = mode(mode) == BatchMode.ATOMIC;
        Batches<Fact> batch = Batches.plan(
                "recordFacts",
                "facts",
                mode,
                facts.size(),
                rows,
                "id",
                chunkSize,
                chunk -> FactStatements.record(namespace, chunk, atomic));
        return atomic ? batch.checkedBy(FactStatements.check(namespace, rows)) : batch;
    }

    public Work<Fact> endFact(String factId, Instant validUntil) {
        return FactStatements.end(
                namespace, Validate.id("factId", factId), validUntil == null ? Instant.now() : validUntil, ids.get());
    }

    public Work<FactReplacement> replaceFact(String factId, NewFact fact) {
        String oldId = Validate.id("factId", factId);
        var row = FactStatements.row(0, ids.get(), Validate.required("fact", fact), Instant.now());
        return FactStatements.replace(namespace, oldId, row);
    }

    public Work<List<Fact>> getFacts(FactQuery query) {
        return FactStatements.list(namespace, Validate.required("query", query));
    }

    public Work<Forgotten> forget(String memoryId) {
        return ForgetStatements.forget(namespace, Validate.id("id", memoryId), ids.get());
    }

    /** One bounded transaction of {@code forgetNamespace}; the same audit id for every batch of one call. */
    public Statement<Integer> forgetNamespaceBatch(String auditId) {
        return ForgetStatements.batch(namespace, auditId, chunkSize);
    }

    /** The last step of {@code forgetNamespace}: the audit record completed, with the totals. */
    public Statement<Forgotten> forgetNamespaceDone(String auditId) {
        return ForgetStatements.done(namespace, auditId);
    }

    // Aliases and merging of entities (see AliasStatements).

    public Work<Entity> addEntityAliases(String name, List<String> aliases) {
        String checked = Validate.line("name", name, Limits.NAME);
        Validate.required("aliases", aliases);
        if (aliases.isEmpty()) {
            throw new InvalidInputException("aliases", "must hold at least one alias");
        }
        if (aliases.size() > Limits.ALIASES) {
            throw new InvalidInputException(
                    "aliases", "must hold at most " + Limits.ALIASES + " aliases (had " + aliases.size() + ")");
        }
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        each("aliases", aliases, (alias, i) -> {
            String text = Validate.line("aliases[" + i + "]", alias, Limits.NAME);
            String key = Validate.normalizedKey(text);
            byKey.putIfAbsent(key, Map.of("key", key, "text", text));
        });
        return AliasStatements.addAliases(
                namespace, checked, Validate.normalizedKey(checked), List.copyOf(byKey.values()));
    }

    public Work<Entity> removeEntityAlias(String name, String alias) {
        String checked = Validate.line("name", name, Limits.NAME);
        String text = Validate.line("alias", alias, Limits.NAME);
        return AliasStatements.removeAlias(
                namespace, checked, Validate.normalizedKey(checked), text, Validate.normalizedKey(text));
    }

    public Work<Entity> mergeEntities(String from, String into) {
        String fromName = Validate.line("from", from, Limits.NAME);
        String intoName = Validate.line("into", into, Limits.NAME);
        return AliasStatements.merge(
                namespace, fromName, Validate.normalizedKey(fromName), intoName, Validate.normalizedKey(intoName));
    }

    public Work<List<LikelyDuplicate>> findLikelyDuplicates(int limit) {
        return AliasStatements.duplicates(namespace, Validate.range("limit", limit, 1, Limits.MAX_LIMIT));
    }

    private Embedding dimensions(Embedding embedding) {
        if (embedding.dimensions() != embeddingDimensions) {
            throw new InvalidInputException(
                    "embedding",
                    "must have " + embeddingDimensions + " dimensions, the size of the vector index"
                            + " (MemoryConfig.embeddingDimensions); had " + embedding.dimensions());
        }
        return embedding;
    }

    /** The one statement of a batch of one item, with that item's value (or its failure thrown). */
    private static <T> Work<T> single(Batches<T> batch) {
        return batch.chunks().get(0).statement().map(Batches::single);
    }

    private static BatchMode mode(BatchMode mode) {
        return Validate.required("mode", mode);
    }

    /** Checks a batch's list and calls {@code action} with each item and its position. */
    private static <T> void each(String field, List<T> items, java.util.function.ObjIntConsumer<T> action) {
        Validate.required(field, items);
        for (int i = 0; i < items.size(); i++) {
            action.accept(Validate.required(field + "[" + i + "]", items.get(i)), i);
        }
    }

    public Work<Commitment> setCommitmentStatus(
            String commitmentId, dev.graphmemory.model.CommitmentStatus status, String outcome) {
        return CommitmentStatements.setStatus(
                namespace,
                Validate.id("commitmentId", commitmentId),
                Validate.required("status", status),
                Validate.optionalText("outcome", outcome, Limits.CONTENT));
    }
}
