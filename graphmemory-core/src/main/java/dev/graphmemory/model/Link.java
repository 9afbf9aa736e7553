package dev.graphmemory.model;

import java.util.Map;

/**
 * A relationship between two memories.
 *
 * @param fromId the start memory
 * @param relationship its type
 * @param toId the end memory
 * @param properties its properties, without the ones the library sets
 * @param created whether this call created it ({@code false} when it existed already)
 */
public record Link(
        String fromId, RelationshipType relationship, String toId, Map<String, Object> properties, boolean created) {

    /** Copies the properties. */
    public Link {
        properties = Map.copyOf(properties);
    }
}
