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
 * @param reversed whether the ends were given the other way round and were swapped: the type allows the two kinds
 *     only in this direction (an entity INVOLVES a commitment is stored as the commitment INVOLVES the entity), so
 *     {@code fromId} here is the given {@code toId}
 */
public record Link(
        String fromId,
        RelationshipType relationship,
        String toId,
        Map<String, Object> properties,
        boolean created,
        boolean reversed) {

    /** Copies the properties. */
    public Link {
        properties = Map.copyOf(properties);
    }

    /** A link stored in the direction it was given. */
    public Link(
            String fromId,
            RelationshipType relationship,
            String toId,
            Map<String, Object> properties,
            boolean created) {
        this(fromId, relationship, toId, properties, created, false);
    }
}
