package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One memory to store at once: commitments, decisions, entities and patterns, each under a key of its own, and links
 * between them (by key) or to memories stored before (by id). {@code storeMemory} sends it as one statement and
 * commits it as one transaction.
 *
 * <pre>{@code
 * NewMemory memory = NewMemory.builder()
 *         .decision("decision", NewDecision.of("Pilot with Acme first", "Lower risk"))
 *         .commitment("proposal", NewCommitment.of("Send Alice the proposal").toWhom("Alice Chen"))
 *         .entity("alice", NewEntity.of("Alice Chen", EntityType.PERSON))
 *         .link("decision", RelationshipType.LEADS_TO, "proposal")
 *         .link("proposal", RelationshipType.INVOLVES, "alice")
 *         .build();
 * }</pre>
 *
 * @param commitments commitments by key
 * @param decisions decisions by key
 * @param entities entities by key
 * @param patterns pattern observations by key
 * @param links links between keys or ids
 */
public record NewMemory(
        Map<String, NewCommitment> commitments,
        Map<String, NewDecision> decisions,
        Map<String, NewEntity> entities,
        Map<String, PatternObservation> patterns,
        List<MemoryLink> links) {

    /** The most items (of all kinds together) and the most links in one memory. */
    public static final int MAX_ITEMS = 1_000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    /**
     * Checks that there is something to store, that keys are unique across kinds, and that every link end is a key
     * of this memory or a valid id, with kinds the relationship type allows where both are known.
     */
    public NewMemory {
        commitments = copy(commitments);
        decisions = copy(decisions);
        entities = copy(entities);
        patterns = copy(patterns);
        links = links == null ? List.of() : List.copyOf(links);
        Map<String, MemoryKind> kinds = new HashMap<>();
        collect(kinds, commitments, MemoryKind.COMMITMENT);
        collect(kinds, decisions, MemoryKind.DECISION);
        collect(kinds, entities, MemoryKind.ENTITY);
        collect(kinds, patterns, MemoryKind.PATTERN);
        if (kinds.isEmpty()) {
            throw new InvalidInputException("memory", "must hold at least one commitment, decision, entity or pattern");
        }
        if (kinds.size() > MAX_ITEMS || links.size() > MAX_ITEMS) {
            throw new InvalidInputException(
                    "memory", "must hold at most " + MAX_ITEMS + " items and " + MAX_ITEMS + " links");
        }
        for (int i = 0; i < links.size(); i++) {
            checkLink(i, Validate.required("links[" + i + "]", links.get(i)), kinds);
        }
    }

    /** A builder that keeps the order items are added in. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kind of the item under a key, or {@code null} when the key names no item (it is then an id). */
    public MemoryKind kindOf(String key) {
        if (commitments.containsKey(key)) {
            return MemoryKind.COMMITMENT;
        }
        if (decisions.containsKey(key)) {
            return MemoryKind.DECISION;
        }
        if (entities.containsKey(key)) {
            return MemoryKind.ENTITY;
        }
        return patterns.containsKey(key) ? MemoryKind.PATTERN : null;
    }

    private static <T> Map<String, T> copy(Map<String, T> items) {
        return items == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    private static void collect(Map<String, MemoryKind> kinds, Map<String, ?> items, MemoryKind kind) {
        items.forEach((key, item) -> {
            String field = kind.value() + "s." + key;
            if (key == null || !KEY.matcher(key).matches()) {
                throw new InvalidInputException(
                        kind.value() + "s", "keys must match [A-Za-z_][A-Za-z0-9_-]* (was '" + key + "')");
            }
            Validate.required(field, item);
            if (kinds.put(key, kind) != null) {
                throw new InvalidInputException(
                        field, "must be unique across commitments, decisions, entities and patterns");
            }
        });
    }

    private static void checkLink(int index, MemoryLink link, Map<String, MemoryKind> kinds) {
        MemoryKind from = kinds.get(link.from());
        MemoryKind to = kinds.get(link.to());
        RelationshipType type = link.relationship();
        if (from != null && !type.from().contains(from)
                || to != null && !type.to().contains(to)) {
            throw new InvalidInputException(
                    "links[" + index + "].relationship",
                    type.rule() + ", not " + (from == null ? "?" : from.label()) + " to "
                            + (to == null ? "?" : to.label()));
        }
    }

    /** Builds a {@link NewMemory}. */
    public static final class Builder {
        private final Map<String, NewCommitment> commitments = new LinkedHashMap<>();
        private final Map<String, NewDecision> decisions = new LinkedHashMap<>();
        private final Map<String, NewEntity> entities = new LinkedHashMap<>();
        private final Map<String, PatternObservation> patterns = new LinkedHashMap<>();
        private final List<MemoryLink> links = new ArrayList<>();

        private Builder() {}

        /** A commitment under a key. */
        public Builder commitment(String key, NewCommitment commitment) {
            commitments.put(key, commitment);
            return this;
        }

        /** A decision under a key. */
        public Builder decision(String key, NewDecision decision) {
            decisions.put(key, decision);
            return this;
        }

        /** An entity under a key. */
        public Builder entity(String key, NewEntity entity) {
            entities.put(key, entity);
            return this;
        }

        /** A pattern observation under a key. */
        public Builder pattern(String key, PatternObservation pattern) {
            patterns.put(key, pattern);
            return this;
        }

        /** A link between two keys, or a key and the id of a stored memory. */
        public Builder link(String from, RelationshipType relationship, String to) {
            links.add(new MemoryLink(from, relationship, to, null));
            return this;
        }

        /** A link with properties. */
        public Builder link(String from, RelationshipType relationship, String to, Map<String, Object> properties) {
            links.add(new MemoryLink(from, relationship, to, properties));
            return this;
        }

        /** The memory; checks it. */
        public NewMemory build() {
            return new NewMemory(commitments, decisions, entities, patterns, links);
        }
    }
}
