package dev.graphmemory.model;

import java.util.List;

/**
 * An entity with the memories directly connected to it, each list bounded and newest first (patterns by when they
 * were last observed).
 *
 * @param entity the entity
 * @param commitments its commitments
 * @param decisions its decisions
 * @param conversations its conversations
 * @param patterns its patterns
 * @param facts the facts about it that hold now, the latest to become true first
 */
public record EntityContext(
        Entity entity,
        List<Commitment> commitments,
        List<Decision> decisions,
        List<Conversation> conversations,
        List<Pattern> patterns,
        List<Fact> facts) {

    /** Copies the lists. */
    public EntityContext {
        commitments = List.copyOf(commitments);
        decisions = List.copyOf(decisions);
        conversations = List.copyOf(conversations);
        patterns = List.copyOf(patterns);
        facts = List.copyOf(facts);
    }

    /** An entity's context without facts. */
    public EntityContext(
            Entity entity,
            List<Commitment> commitments,
            List<Decision> decisions,
            List<Conversation> conversations,
            List<Pattern> patterns) {
        this(entity, commitments, decisions, conversations, patterns, List.of());
    }
}
