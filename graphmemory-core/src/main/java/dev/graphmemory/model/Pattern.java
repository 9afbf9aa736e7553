package dev.graphmemory.model;

import java.time.Instant;

/**
 * A pattern with its strength: 0.5 when first observed, 0.1 more for each further observation, at most 1.0.
 *
 * @param id its id
 * @param description the behaviour
 * @param type what kind of pattern
 * @param domain the area of life
 * @param frequency how often it shows, or {@code null}
 * @param strength 0.5 to 1.0
 * @param observations how many times it was observed
 * @param firstObserved when it was first observed
 * @param lastObserved when it was last observed
 */
public record Pattern(
        String id,
        String description,
        PatternType type,
        String domain,
        PatternFrequency frequency,
        double strength,
        long observations,
        Instant firstObserved,
        Instant lastObserved) {

    /** The strength of a pattern observed {@code observations} times. */
    public static double strengthAfter(long observations) {
        return Math.min(10, 4 + observations) / 10.0;
    }
}
