package dev.graphmemory.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A time window to recall: what happened in it, across every kind of memory, newest first, held to a result budget.
 *
 * <pre>{@code
 * Timeline week = memory.timeline(TimelineQuery.lastDays(7));
 * Timeline march = memory.timeline(TimelineQuery.between(
 *                 Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))
 *         .kinds(MemoryKind.DECISION, MemoryKind.COMMITMENT));
 * }</pre>
 *
 * @param from the start of the window, inclusive (required)
 * @param to the end of the window, exclusive, or {@code null} for no end
 * @param kinds only memories of these kinds; {@code null} or empty for all
 * @param limit at most this many events, 1 to {@value Limits#MAX_LIMIT}; {@code null} means
 *     {@value Limits#DEFAULT_LIMIT}
 * @param maxChars at most this many characters of text in all events together; {@code null} means
 *     {@value Limits#DEFAULT_MAX_CHARS}
 */
public record TimelineQuery(Instant from, Instant to, Set<MemoryKind> kinds, Integer limit, Integer maxChars) {

    /** Checks every field and applies the defaults. */
    public TimelineQuery {
        Validate.required("from", from);
        Kinds.window("from", from, "to", to);
        kinds = Kinds.checked("kinds", kinds, EnumSet.allOf(MemoryKind.class));
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
        maxChars = Validate.optionalRange(
                "maxChars", maxChars, Limits.DEFAULT_MAX_CHARS, Limits.MIN_MAX_CHARS, Limits.MAX_CHARS);
    }

    /** The window from {@code days} days ago (by this machine's clock) to now and beyond, 1 to 36,500 days. */
    public static TimelineQuery lastDays(int days) {
        Validate.range("days", days, 1, Limits.MAX_DAYS);
        return new TimelineQuery(Instant.now().minus(Duration.ofDays(days)), null, null, null, null);
    }

    /** The window from {@code from} (inclusive) to {@code to} (exclusive). */
    public static TimelineQuery between(Instant from, Instant to) {
        return new TimelineQuery(from, Validate.required("to", to), null, null, null);
    }

    /** Only memories of these kinds. */
    public TimelineQuery kinds(MemoryKind... newKinds) {
        return new TimelineQuery(from, to, Kinds.of(newKinds), limit, maxChars);
    }

    /** At most this many events. */
    public TimelineQuery limit(int newLimit) {
        return new TimelineQuery(from, to, kinds, newLimit, maxChars);
    }

    /** At most this many characters of text in all events together. */
    public TimelineQuery maxChars(int budget) {
        return new TimelineQuery(from, to, kinds, limit, budget);
    }
}
