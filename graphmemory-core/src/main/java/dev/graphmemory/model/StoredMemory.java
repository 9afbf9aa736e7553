package dev.graphmemory.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code storeMemory} stored, by the keys of the {@link NewMemory}.
 *
 * @param commitments the commitments by key
 * @param decisions the decisions by key
 * @param entities the entities by key (an existing entity of the same name is reused)
 * @param patterns the patterns by key (an existing pattern is strengthened)
 * @param links the links, in the order given
 */
public record StoredMemory(
        Map<String, Commitment> commitments,
        Map<String, Decision> decisions,
        Map<String, Entity> entities,
        Map<String, Pattern> patterns,
        List<Link> links) {

    /** Copies the maps and list. */
    public StoredMemory {
        commitments = Map.copyOf(commitments);
        decisions = Map.copyOf(decisions);
        entities = Map.copyOf(entities);
        patterns = Map.copyOf(patterns);
        links = List.copyOf(links);
    }

    /** The id of the item stored under a key. */
    public Optional<String> id(String key) {
        if (commitments.containsKey(key)) {
            return Optional.of(commitments.get(key).id());
        }
        if (decisions.containsKey(key)) {
            return Optional.of(decisions.get(key).id());
        }
        if (entities.containsKey(key)) {
            return Optional.of(entities.get(key).id());
        }
        return Optional.ofNullable(patterns.get(key)).map(Pattern::id);
    }
}
