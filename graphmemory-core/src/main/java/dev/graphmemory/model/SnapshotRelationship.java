package dev.graphmemory.model;

import java.util.Map;

/**
 * A relationship as it is stored, for export and import.
 *
 * @param fromId the id of its start memory
 * @param type its type
 * @param toId the id of its end memory
 * @param properties its properties, {@code createdAt} included
 */
public record SnapshotRelationship(String fromId, RelationshipType type, String toId, Map<String, Object> properties) {

    /** Checks the ends, the type and every property. */
    public SnapshotRelationship {
        fromId = Validate.id("from", fromId);
        Validate.required("type", type);
        toId = Validate.id("to", toId);
        properties = SnapshotNode.checked(properties);
    }
}
