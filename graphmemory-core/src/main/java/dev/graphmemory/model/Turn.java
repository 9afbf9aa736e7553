package dev.graphmemory.model;

import java.time.Instant;

/**
 * Something said in a conversation.
 *
 * @param id its id
 * @param conversationId the conversation it belongs to
 * @param sequence its place in the conversation: 0 for the first turn recorded, then 1, 2, …
 * @param speaker who said it
 * @param text what was said
 * @param saidAt when it was said
 * @param ref its external reference, or {@code null}
 * @param createdAt when it was recorded
 */
public record Turn(
        String id,
        String conversationId,
        long sequence,
        String speaker,
        String text,
        Instant saidAt,
        String ref,
        Instant createdAt) {}
