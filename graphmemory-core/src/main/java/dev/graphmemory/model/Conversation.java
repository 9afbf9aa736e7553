package dev.graphmemory.model;

import java.time.Instant;

/**
 * A conversation session.
 *
 * @param id its id, to pass to {@code endConversation}
 * @param agent the assistant
 * @param mood the user's mood at the start, or {@code null}
 * @param startedAt when it started
 * @param endedAt when it ended, or {@code null} while it runs
 * @param summary what it covered, once ended, or {@code null}
 * @param tokensUsed tokens it used, or {@code null}
 */
public record Conversation(
        String id, String agent, String mood, Instant startedAt, Instant endedAt, String summary, Long tokensUsed) {}
