package dev.graphmemory.model;

import java.time.Instant;

/**
 * A stored commitment.
 *
 * @param id its id
 * @param content what was promised
 * @param toWhom to whom ({@code self} for a promise to oneself)
 * @param deadline when it is due, or {@code null}
 * @param domain the area of life
 * @param priority 1 (highest) to 5
 * @param status pending or completed
 * @param outcome what came of it, once completed, or {@code null}
 * @param createdAt when it was stored
 * @param completedAt when it was completed, or {@code null}
 */
public record Commitment(
        String id,
        String content,
        String toWhom,
        Deadline deadline,
        String domain,
        int priority,
        CommitmentStatus status,
        String outcome,
        Instant createdAt,
        Instant completedAt) {}
