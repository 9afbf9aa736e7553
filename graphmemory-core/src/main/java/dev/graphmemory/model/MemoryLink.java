package dev.graphmemory.model;

import java.util.Map;

/**
 * A link inside a {@link NewMemory}. Each end is either the key of an item of the same memory or the id of a memory
 * stored before.
 *
 * @param from a key of the memory, or an id
 * @param relationship the type
 * @param to a key of the memory, or an id
 * @param properties properties of the relationship, or {@code null}
 */
public record MemoryLink(String from, RelationshipType relationship, String to, Map<String, Object> properties) {

    /** Checks the ends and properties. */
    public MemoryLink {
        from = Validate.id("from", from);
        Validate.required("relationship", relationship);
        to = Validate.id("to", to);
        properties = Validate.properties("properties", properties, Limits.LINK_PROPERTIES, NewLink.RESERVED_PROPERTIES);
    }
}
