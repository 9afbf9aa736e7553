package dev.graphmemory.model;

import java.util.Map;

/**
 * Any memory, as a kind and its stored properties. Temporal properties are {@code java.time} values.
 *
 * @param id its id
 * @param kind what kind of memory it is
 * @param properties its properties, without {@code id} and {@code namespace}
 */
public record MemoryNode(String id, MemoryKind kind, Map<String, Object> properties) {

    /** Copies the properties. */
    public MemoryNode {
        properties = Map.copyOf(properties);
    }

    /** The property that says what this memory is about: its content, description, name or summary. */
    public String title() {
        for (String key : new String[] {"content", "description", "text", "name", "summary", "agent", "level"}) {
            Object value = properties.get(key);
            if (value != null) {
                return value.toString();
            }
        }
        return id;
    }
}
