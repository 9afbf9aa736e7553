package dev.graphmemory.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored entity.
 *
 * @param id its id
 * @param name its name as first stored
 * @param type what it is
 * @param domain the area of life
 * @param notes free notes, or {@code null}
 * @param createdAt when it was first stored
 * @param updatedAt when it was last stored or updated
 * @param aliases its other names (as first given, in alphabetical order); lookups by name find it by any of them
 */
public record Entity(
        String id,
        String name,
        EntityType type,
        String domain,
        String notes,
        Instant createdAt,
        Instant updatedAt,
        List<String> aliases) {

    /** Copies the aliases ({@code null} is none). */
    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
