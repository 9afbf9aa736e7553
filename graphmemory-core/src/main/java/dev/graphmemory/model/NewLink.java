package dev.graphmemory.model;

import java.util.List;
import java.util.Map;

/**
 * A relationship to create between two stored memories. Creating it again does not duplicate it; given properties
 * are merged into the existing ones.
 *
 * @param fromId the id of the start memory (required)
 * @param relationship the type, which must allow the two kinds (see {@link RelationshipType})
 * @param toId the id of the end memory (required)
 * @param properties at most {@value Limits#LINK_PROPERTIES} string, number or boolean properties, or {@code null}
 */
public record NewLink(String fromId, RelationshipType relationship, String toId, Map<String, Object> properties) {

    /** Property keys the library sets itself. */
    public static final List<String> RESERVED_PROPERTIES = List.of("createdAt", "namespace");

    /** Checks every field. */
    public NewLink {
        fromId = Validate.id("fromId", fromId);
        Validate.required("relationship", relationship);
        toId = Validate.id("toId", toId);
        properties = Validate.properties("properties", properties, Limits.LINK_PROPERTIES, RESERVED_PROPERTIES);
    }

    /** A link without properties. */
    public static NewLink of(String fromId, RelationshipType relationship, String toId) {
        return new NewLink(fromId, relationship, toId, null);
    }
}
