package dev.graphmemory.model;

import java.time.Instant;

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
 */
public record Entity(
        String id, String name, EntityType type, String domain, String notes, Instant createdAt, Instant updatedAt) {}
