package dev.graphmemory.model;

import java.time.Instant;
import java.util.List;

/**
 * A recorded decision.
 *
 * @param id its id
 * @param content what was decided
 * @param rationale why
 * @param alternatives the options not taken
 * @param domain the area of life
 * @param confidence 0 to 1
 * @param createdAt when it was recorded
 * @param supersededAt when a newer decision superseded it, or {@code null} while it is current
 */
public record Decision(
        String id,
        String content,
        String rationale,
        List<String> alternatives,
        String domain,
        double confidence,
        Instant createdAt,
        Instant supersededAt) {

    /** Copies the alternatives. */
    public Decision {
        alternatives = List.copyOf(alternatives);
    }
}
