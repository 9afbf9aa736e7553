package dev.graphmemory.model;

import java.time.Instant;
import java.util.List;

/**
 * A recorded fact, with the two times of a bi-temporal record: when it held ({@code validFrom} to {@code validUntil})
 * and when graphmemory learned it ({@code createdAt}) and learned that it ended ({@code endedAt}).
 *
 * @param id its id
 * @param statement what holds
 * @param about the names of the entities it is about, sorted
 * @param conversationId the conversation it was learned in, or {@code null}
 * @param validFrom when it became true
 * @param validUntil when it stopped being true, or {@code null} while it holds
 * @param createdAt when it was recorded
 * @param endedAt when its end was recorded, or {@code null}
 * @param replacedBy the id of the fact that replaced it, or {@code null}
 */
public record Fact(
        String id,
        String statement,
        List<String> about,
        String conversationId,
        Instant validFrom,
        Instant validUntil,
        Instant createdAt,
        Instant endedAt,
        String replacedBy) {

    /** Copies the names. */
    public Fact {
        about = List.copyOf(about);
    }

    /** Whether it held at {@code time}: from {@code validFrom} on, and before {@code validUntil}. */
    public boolean holdsAt(Instant time) {
        return !validFrom.isAfter(time) && (validUntil == null || validUntil.isAfter(time));
    }
}
