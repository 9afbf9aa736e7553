package dev.graphmemory.model;

import java.time.Instant;

/**
 * Something that happened to a memory at a moment.
 *
 * @param at when it happened
 * @param type what happened
 * @param memory the memory, as it is now; its texts may be shortened to fit the result budget
 * @param truncated whether any of its texts was shortened
 */
public record TimelineEvent(Instant at, Type type, MemoryNode memory, boolean truncated) {

    /** What happened. */
    public enum Type {
        /** The memory was stored ({@code createdAt}); for a turn, see {@link #SAID}. */
        CREATED,
        /** A commitment was completed ({@code completedAt}). */
        COMPLETED,
        /** A conversation session ended ({@code endedAt}), or a fact stopped being true ({@code validUntil}). */
        ENDED,
        /** A decision was superseded by a newer one ({@code supersededAt}). */
        SUPERSEDED,
        /** A pattern was observed again ({@code lastObserved}; only its last observation is kept). */
        OBSERVED,
        /** A turn was said ({@code saidAt}, given when it was recorded: a conversation may be recorded later). */
        SAID
    }
}
