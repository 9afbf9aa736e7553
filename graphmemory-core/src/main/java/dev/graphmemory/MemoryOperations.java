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

/**
 * The memory operations, one typed method each. {@link GraphMemory} runs each call in its own managed transaction;
 * {@link GraphMemory#openSession()}, {@link GraphMemory#inTransaction} and {@link GraphMemory#beginTransaction()} hand
 * out implementations that share a session or one transaction. Code written against this interface runs unchanged
 * in each of them.
 *
 * <pre>{@code
 * static String remember(MemoryOperations memory) {
 *     Entity alice = memory.createEntity(NewEntity.of("Alice", EntityType.PERSON));
 *     Commitment report = memory.createCommitment(NewCommitment.of("Send the report").toWhom("Alice"));
 *     memory.linkNodes(NewLink.of(report.id(), RelationshipType.INVOLVES, alice.id()));
 *     return report.id();
 * }
 * }</pre>
 *
 * <p>Every method checks its input before anything reaches the database and throws
 * {@link dev.graphmemory.exceptions.InvalidInputException} naming the field; every failure is a
 * {@link dev.graphmemory.exceptions.MemoryException}. Every operation is scoped to {@link #namespace()}.
 */
public interface MemoryOperations {

    /** The namespace (tenant) all operations read and write. */
    String namespace();

    /** Stores a commitment with status pending. */
    Commitment createCommitment(NewCommitment commitment);

    /**
     * Marks a commitment completed. Repeating it is harmless: the first completion time is kept.
     *
     * @param outcome what came of it, or {@code null} (an earlier outcome is kept)
     * @throws dev.graphmemory.exceptions.NotFoundException when no such commitment exists in this namespace
     */
    Commitment completeCommitment(String commitmentId, String outcome);

    /** Lists commitments, newest first. */
    List<Commitment> getCommitments(CommitmentQuery query);

    /** Records a decision. */
    Decision recordDecision(NewDecision decision);

    /** Lists decisions, newest first. */
    List<Decision> getDecisions(DecisionQuery query);

    /** Records an observation of a pattern: creates it, or strengthens the same pattern recorded before. */
    Pattern recordPattern(PatternObservation observation);

    /** Lists patterns, strongest first. */
    List<Pattern> getPatterns(PatternQuery query);

    /** Starts a conversation; pass the returned id to {@link #endConversation}. */
    Conversation startConversation(NewConversation conversation);

    /**
     * Ends a conversation with its summary.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException when no such conversation exists in this namespace
     */
    Conversation endConversation(ConversationEnd end);

    /**
     * Records what was said in a conversation: the turns, in order, each after the turns recorded before. One call is
     * one set-based statement per {@link MemoryConfig#batchChunkSize()} turns, all in one transaction: every turn is
     * written or none is. A turn whose speaker is the name of an entity is linked to it ({@code SAID_BY}).
     *
     * <pre>{@code
     * List<Turn> said = memory.recordTurns(conversation.id(), List.of(
     *         NewTurn.of("Alice", "Can you send me the Acme proposal by Friday?"),
     *         NewTurn.of("assistant", "Yes, I'll send it Thursday evening.")));
     * }</pre>
     *
     * @param turns 1 to {@value Limits#TURNS_PER_CALL} turns
     * @return the turns as stored, in order, with their ids and sequence numbers
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code conversationId} when no such conversation
     *     exists in this namespace
     */
    List<Turn> recordTurns(String conversationId, List<NewTurn> turns);

    /** Records one turn; see {@link #recordTurns}. */
    default Turn recordTurn(String conversationId, NewTurn turn) {
        return recordTurns(conversationId, List.of(dev.graphmemory.model.Validate.required("turn", turn)))
                .get(0);
    }

    /** A page of a conversation's turns, in order (an unknown conversation has none). */
    List<Turn> getTurns(TurnQuery query);

    /**
     * A turn with the turns said just before and after it in its conversation, in order: the context of a search hit.
     *
     * @param before how many turns before it, 0 to {@value Limits#MAX_TURN_WINDOW}
     * @param after how many turns after it, 0 to {@value Limits#MAX_TURN_WINDOW}
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code turnId} when no such turn exists
     */
    List<Turn> turnsAround(String turnId, int before, int after);

    /**
     * The original adapter's name of {@link #startConversation} ("session" means a database session elsewhere in this
     * API).
     *
     * @deprecated use {@link #startConversation}
     */
    @Deprecated
    default Conversation startSession(NewConversation conversation) {
        return startConversation(conversation);
    }

    /**
     * The original adapter's name of {@link #endConversation}.
     *
     * @deprecated use {@link #endConversation}
     */
    @Deprecated
    default Conversation endSession(ConversationEnd end) {
        return endConversation(end);
    }

    /** Records the user's energy. */
    EnergyState recordEnergy(EnergyReading reading);

    /** Stores an entity, or updates the one with the same name (ignoring case and spacing). */
    Entity createEntity(NewEntity entity);

    /**
     * Links two memories. Linking them again does not duplicate the relationship.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code fromId} or {@code toId} when an end is missing
     * @throws dev.graphmemory.exceptions.InvalidInputException when the type does not allow the two kinds
     */
    Link linkNodes(NewLink link);

    /**
     * Finds memories within a few hops, each once with its shortest distance.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException when the start memory does not exist
     */
    List<RelatedNode> findRelated(RelatedQuery query);

    /**
     * An entity with its commitments, decisions, conversations and patterns, at most
     * {@value Limits#DEFAULT_LIMIT} of each, newest first.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException when no entity has this name
     */
    default EntityContext getEntityContext(String name) {
        return getEntityContext(name, Limits.DEFAULT_LIMIT);
    }

    /** Like {@link #getEntityContext(String)}, with at most {@code limit} (1 to 200) of each kind. */
    EntityContext getEntityContext(String name, int limit);

    /**
     * Stores entities as one set-based statement per chunk, each one by normalized name (see {@link #createEntity}).
     *
     * <pre>{@code
     * BatchResult<Entity> result = memory.createEntities(List.of(
     *         NewEntity.of("Alice", EntityType.PERSON), NewEntity.of("Acme", EntityType.CLIENT)), BatchMode.ATOMIC);
     * }</pre>
     *
     * @param mode {@link BatchMode#ATOMIC}: all or nothing, and a failure is thrown naming the item;
     *     {@link BatchMode#BEST_EFFORT}: a transaction per chunk, failures reported per item. Inside a transaction
     *     scope every batch runs in that one transaction.
     */
    BatchResult<Entity> createEntities(List<NewEntity> entities, BatchMode mode);

    /** Stores commitments as one set-based statement per chunk; see {@link #createEntities} for the modes. */
    BatchResult<Commitment> createCommitments(List<NewCommitment> commitments, BatchMode mode);

    /** Records decisions as one set-based statement per chunk; see {@link #createEntities} for the modes. */
    BatchResult<Decision> recordDecisions(List<NewDecision> decisions, BatchMode mode);

    /**
     * Records pattern observations as one set-based statement per chunk; observations of the same pattern count once
     * each. See {@link #createEntities} for the modes.
     */
    BatchResult<Pattern> recordPatterns(List<PatternObservation> observations, BatchMode mode);

    /**
     * Creates links as one set-based statement per chunk. A link with a missing end or a type that does not fit its
     * kinds fails: in an atomic batch nothing is written and the failure is thrown naming the item
     * ({@code links[3].toId}); in a best-effort batch the other links are written and the item reports the failure.
     */
    BatchResult<Link> linkNodes(List<NewLink> links, BatchMode mode);

    /**
     * Stores one memory (commitments, decisions, entities, patterns and the links between them or to memories stored
     * before) as one statement: one round trip, one commit. Nothing is written if any link is refused.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code links[i].from} or {@code links[i].to} when a
     *     linked id does not exist
     */
    StoredMemory storeMemory(NewMemory memory);

    /**
     * Runs a read-only Cypher query. It is refused with a
     * {@link dev.graphmemory.exceptions.QueryRefusedException} unless its plan only reads and every node it starts
     * from is filtered by {@code namespace = $namespace}; it runs with a timeout and returns at most the row cap.
     */
    QueryResult queryGraph(GraphQuery query);

    /**
     * Searches the texts of commitments, decisions, patterns, conversation summaries and entities, best match first,
     * within the query's result budget (at most {@code limit} hits and {@code maxChars} characters of text; longer
     * texts are shortened and the result is marked truncated). Superseded decisions are left out unless asked for.
     *
     * <pre>{@code
     * SearchResult found = memory.searchMemory(SearchQuery.of("acme proposal").kinds(MemoryKind.COMMITMENT));
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code query} when a Lucene-syntax query does
     *     not parse
     */
    SearchResult searchMemory(SearchQuery query);

    /**
     * Attaches an embedding to a memory, replacing any earlier one. It must have
     * {@link MemoryConfig#embeddingDimensions()} dimensions. Returns the memory.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code id} when no such memory exists
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code embedding} when its size is wrong
     */
    MemoryNode setEmbedding(String id, Embedding embedding);

    /**
     * Finds the memories whose embeddings are nearest to a vector, or to the embedding of a memory, nearest first,
     * within the query's result budget. Memories without an embedding are never found.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code memoryId} when that memory does not exist
     * @throws dev.graphmemory.exceptions.InvalidInputException when a vector has the wrong size or the memory has no
     *     embedding
     */
    SearchResult similarMemories(SimilarityQuery query);

    /**
     * What happened in a time window, newest first: memories stored, commitments completed, sessions ended, decisions
     * superseded and patterns observed again, within the query's result budget.
     */
    Timeline timeline(TimelineQuery query);

    /**
     * Records a decision that replaces an earlier one. The earlier one is kept, marked with the time it stopped being
     * current ({@link dev.graphmemory.model.Decision#supersededAt()}) and linked to the new one by
     * {@link dev.graphmemory.model.RelationshipType#SUPERSEDED_BY}; the new one involves the same entities. Reads of
     * decisions show current ones unless asked otherwise.
     *
     * <pre>{@code
     * Supersession change = memory.supersedeDecision(pilot.id(), NewDecision.of("Launch everywhere", "Pilot went well"));
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code decisionId} when it is not a decision here
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code decisionId} when another decision already
     *     superseded it (the message names that one)
     */
    Supersession supersedeDecision(String decisionId, NewDecision decision);

    /**
     * Removes one memory and its relationships, and leaves an audit record (kind and counts, no content).
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code id} when no such memory exists
     */
    Forgotten forget(String id);

    // Facts that change over time.

    /**
     * Records a fact about one or more entities, true from {@link NewFact#validFrom()} (now by default) and, when that
     * is known already, until {@link NewFact#validUntil()}. Linked to its entities ({@code INVOLVES}) and to the
     * conversation it was learned in ({@code LEARNED_FROM}).
     *
     * <pre>{@code
     * Fact paris = memory.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(Instant.parse("2024-01-01T00:00:00Z")));
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code about[i]} or {@code conversationId} when an
     *     entity or the conversation does not exist in this namespace (nothing is written)
     * @throws dev.graphmemory.exceptions.InvalidInputException when it names no entity, or {@code validUntil} is not
     *     after {@code validFrom}
     */
    Fact recordFact(NewFact fact);

    /**
     * Records facts as one set-based statement per chunk; see {@link #recordFact} for each and {@link #createEntities}
     * for the modes.
     */
    BatchResult<Fact> recordFacts(List<NewFact> facts, BatchMode mode);

    /**
     * Ends a fact: it held until {@code validUntil} ({@code null}: now). It is kept, with the time its end was recorded
     * ({@link Fact#endedAt()}), and left out of reads of what holds after that.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code factId} when it is not a fact here
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code factId} when it has ended already, or
     *     {@code validUntil} when it is not after the fact's {@code validFrom}
     */
    Fact endFact(String factId, java.time.Instant validUntil);

    /**
     * Records a fact that replaces an earlier one: the earlier one is kept, ended when the new one became true
     * ({@link NewFact#validFrom()}, now by default) and linked to it by
     * {@link dev.graphmemory.model.RelationshipType#SUPERSEDED_BY}; the new one is about the same entities (and any it
     * names).
     *
     * <pre>{@code
     * FactReplacement moved = memory.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin"));
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code factId}, {@code about[i]} or
     *     {@code conversationId} when it is missing
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code factId} when it has ended already (the
     *     message names the fact that replaced it), or {@code validFrom} when it is not after the old fact's
     */
    FactReplacement replaceFact(String factId, NewFact fact);

    /**
     * An entity's facts: those that hold now, those that held at {@link FactQuery#asOf()}, or all of them with
     * {@link FactQuery#withHistory}; the latest to become true first.
     *
     * <pre>{@code
     * List<Fact> now = memory.getFacts(FactQuery.about("Bob"));
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code entity} when no entity has this name
     */
    List<Fact> getFacts(FactQuery query);

    /**
     * Gives an entity other names. Every lookup by name (its context, a turn's speaker, a search {@code about} it,
     * storing it again) then finds it by any of them, ignoring case and spacing as for names. A name or alias belongs
     * to one entity only in a namespace; aliases it has already change nothing. Returns the entity with its aliases.
     *
     * <pre>{@code
     * memory.addEntityAliases("Robert Smith", List.of("Bob", "Bobby"));
     * memory.getEntityContext("bob"); // Robert Smith's
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code name} when no entity has that name or alias
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code aliases} when one is another entity's name
     *     or alias (also when another call claims it at the same moment); nothing is changed
     */
    Entity addEntityAliases(String name, List<String> aliases);

    /**
     * Removes an alias of an entity; removing one it does not have changes nothing. Returns the entity.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code name} when no entity has that name or alias
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code alias} when it is the entity's name or
     *     another entity's alias
     */
    Entity removeEntityAlias(String name, String alias);

    /**
     * Folds the entity {@code from} into the entity {@code into} (each found by name or alias), in one transaction:
     * every relationship of {@code from} moves to {@code into} (one both had stays one), its name and aliases become
     * aliases of {@code into}, its notes are added to those of {@code into}, and it is removed. Merging again (or
     * merging a name that is already an alias of {@code into}) returns the same entity and changes nothing.
     *
     * <pre>{@code
     * Entity bob = memory.mergeEntities("Bob", "Robert Smith"); // bob.aliases() holds "Bob"
     * }</pre>
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code from} or {@code into}
     * @throws dev.graphmemory.exceptions.InvalidInputException naming {@code from} when both name the same entity by
     *     the same name
     */
    Entity mergeEntities(String from, String into);

    /**
     * Pairs of entities that may be one, strongest reason first: names alike once accents, punctuation and company
     * suffixes are left out, a nickname ("Bob" / "Robert"), a short form or initials, shared words. Changes nothing:
     * show them to the user and merge the ones they confirm.
     */
    List<LikelyDuplicate> findLikelyDuplicates(int limit);

    /**
     * Sets where a commitment stands: {@code pending}, {@code completed}, {@code failed} or {@code deferred} (the
     * original adapter's statuses). {@code completed} works as {@link #completeCommitment}; any other status removes
     * {@code completedAt}, so that the commitment no longer counts as done. Setting the same status again is harmless.
     *
     * @param outcome what came of it, or {@code null} (an earlier outcome is kept)
     * @throws dev.graphmemory.exceptions.NotFoundException when no such commitment exists in this namespace
     */
    Commitment setCommitmentStatus(String commitmentId, dev.graphmemory.model.CommitmentStatus status, String outcome);
}
