package dev.graphmemory.model;

import java.time.Instant;

/**
 * A recorded energy reading.
 *
 * @param id its id
 * @param level high, medium or low
 * @param context what was going on, or {@code null}
 * @param readiness 1 to 10, or {@code null}
 * @param sleepHours hours slept, or {@code null}
 * @param recordedAt when it was recorded
 * @param readinessScore a wearable's raw readiness score 0 to 100, or {@code null}
 * @param sleepScore a wearable's raw sleep score 0 to 100, or {@code null}
 */
public record EnergyState(
        String id,
        EnergyLevel level,
        String context,
        Integer readiness,
        Double sleepHours,
        Instant recordedAt,
        Integer readinessScore,
        Integer sleepScore) {}
