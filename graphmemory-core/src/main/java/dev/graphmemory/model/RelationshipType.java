package dev.graphmemory.model;

import static dev.graphmemory.model.MemoryKind.COMMITMENT;
import static dev.graphmemory.model.MemoryKind.CONVERSATION;
import static dev.graphmemory.model.MemoryKind.DECISION;
import static dev.graphmemory.model.MemoryKind.ENERGY_STATE;
import static dev.graphmemory.model.MemoryKind.ENTITY;
import static dev.graphmemory.model.MemoryKind.FACT;
import static dev.graphmemory.model.MemoryKind.PATTERN;
import static dev.graphmemory.model.MemoryKind.TURN;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The closed set of relationship types, each with the kinds it may connect. A link outside these rules is refused,
 * which keeps the graph's shape predictable for queries and for assistants reading it.
 *
 * <table>
 *   <caption>Allowed endpoints</caption>
 *   <tr><th>type</th><th>from</th><th>to</th></tr>
 *   <tr><td>LEADS_TO</td><td>Decision, Commitment, Conversation, Pattern, Turn</td><td>Commitment, Decision, Pattern</td></tr>
 *   <tr><td>INVOLVES</td><td>Commitment, Decision, Conversation, Pattern, Turn, Fact</td><td>Entity</td></tr>
 *   <tr><td>LEARNED_FROM</td><td>Pattern, Decision, Fact</td><td>Decision, Commitment, Conversation, Pattern</td></tr>
 *   <tr><td>DURING</td><td>Commitment, Decision, Pattern, EnergyState, Turn</td><td>Conversation</td></tr>
 *   <tr><td>IMPACTS</td><td>Decision, Pattern, Commitment</td><td>Entity, Commitment, Decision, Pattern</td></tr>
 *   <tr><td>PRECEDED_BY</td><td>Conversation, Decision, Commitment</td><td>Conversation, Decision, Commitment</td></tr>
 *   <tr><td>AT_ENERGY</td><td>Commitment, Decision, Conversation, Pattern</td><td>EnergyState</td></tr>
 *   <tr><td>SUPERSEDED_BY</td><td>Decision, Fact</td><td>the same kind</td></tr>
 *   <tr><td>SAID_BY</td><td>Turn</td><td>Entity</td></tr>
 * </table>
 *
 * <p>{@link #SUPERSEDED_BY} links a memory to one of its own kind only, and also marks its start: the old decision or
 * fact gets {@code supersededAt} (a fact also {@code validUntil}, when it had none) and is left out of reads of current
 * ones.
 */
public enum RelationshipType {
    /** One memory caused or led to another. */
    LEADS_TO(EnumSet.of(DECISION, COMMITMENT, CONVERSATION, PATTERN, TURN), EnumSet.of(COMMITMENT, DECISION, PATTERN)),
    /** A memory concerns an entity. */
    INVOLVES(EnumSet.of(COMMITMENT, DECISION, CONVERSATION, PATTERN, TURN, FACT), EnumSet.of(ENTITY)),
    /** A pattern, decision or fact was learned from an experience. */
    LEARNED_FROM(EnumSet.of(PATTERN, DECISION, FACT), EnumSet.of(DECISION, COMMITMENT, CONVERSATION, PATTERN)),
    /** A memory arose during a conversation. */
    DURING(EnumSet.of(COMMITMENT, DECISION, PATTERN, ENERGY_STATE, TURN), EnumSet.of(CONVERSATION)),
    /** A memory affects an entity or another memory. */
    IMPACTS(EnumSet.of(DECISION, PATTERN, COMMITMENT), EnumSet.of(ENTITY, COMMITMENT, DECISION, PATTERN)),
    /** A memory follows an earlier one of its kind. */
    PRECEDED_BY(EnumSet.of(CONVERSATION, DECISION, COMMITMENT), EnumSet.of(CONVERSATION, DECISION, COMMITMENT)),
    /** A memory was made at a given energy level. */
    AT_ENERGY(EnumSet.of(COMMITMENT, DECISION, CONVERSATION, PATTERN), EnumSet.of(ENERGY_STATE)),
    /**
     * A decision or fact was replaced by a newer one of its kind; linking it marks the old one superseded (and ends a
     * fact).
     */
    SUPERSEDED_BY(EnumSet.of(DECISION, FACT), EnumSet.of(DECISION, FACT)),
    /**
     * A turn was said by an entity. Recording turns links each to the entity whose name (or alias) is its speaker,
     * when the namespace has one.
     */
    SAID_BY(EnumSet.of(TURN), EnumSet.of(ENTITY));

    private final Set<MemoryKind> from;
    private final Set<MemoryKind> to;

    RelationshipType(Set<MemoryKind> from, Set<MemoryKind> to) {
        this.from = Set.copyOf(from);
        this.to = Set.copyOf(to);
    }

    /** The kinds a relationship of this type may start at. */
    public Set<MemoryKind> from() {
        return from;
    }

    /** The kinds a relationship of this type may end at. */
    public Set<MemoryKind> to() {
        return to;
    }

    /** Whether this type may connect a memory of kind {@code source} to one of kind {@code target}. */
    public boolean allows(MemoryKind source, MemoryKind target) {
        return from.contains(source) && to.contains(target) && (!sameKind() || source == target);
    }

    /** Whether both ends must be of one kind ({@link #SUPERSEDED_BY}: a decision by a decision, a fact by a fact). */
    public boolean sameKind() {
        return this == SUPERSEDED_BY;
    }

    /** The rule in words, e.g. {@code INVOLVES links Commitment, Conversation, Decision or Pattern to Entity}. */
    public String rule() {
        return sameKind()
                ? name() + " links " + labels(from) + " to another of its kind"
                : name() + " links " + labels(from) + " to " + labels(to);
    }

    /**
     * Parses a type, ignoring case.
     *
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text names no type
     */
    public static RelationshipType parse(String field, String text) {
        return Validate.oneOf(field, text, RelationshipType.class);
    }

    private static String labels(Set<MemoryKind> kinds) {
        var names = kinds.stream().map(MemoryKind::label).sorted().collect(Collectors.toList());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
