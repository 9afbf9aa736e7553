package dev.graphmemory.model;

/**
 * The user's energy at a moment, on today's scales (a level, readiness 1–10, hours slept) and, when a wearable gave
 * them, its raw scores (readiness and sleep scores 0–100, as the original adapter stored a ring's).
 *
 * <pre>{@code
 * EnergyReading morning = EnergyReading.fromScores(82, 77); // level medium, derived from the readiness score
 * }</pre>
 *
 * @param level high, medium or low; when {@code null} and a readiness score is given, derived from it (85 and above
 *     high, 70 to 84 medium, below 70 low: the wearable's own bands); required otherwise
 * @param context what was going on, or {@code null}
 * @param readiness readiness for demanding work, 1 to 10, or {@code null}
 * @param sleepHours hours slept the night before, 0 to 24, or {@code null}
 * @param readinessScore the wearable's raw readiness score, 0 to 100, or {@code null}
 * @param sleepScore the wearable's raw sleep score, 0 to 100, or {@code null}
 */
public record EnergyReading(
        EnergyLevel level,
        String context,
        Integer readiness,
        Double sleepHours,
        Integer readinessScore,
        Integer sleepScore) {

    /** Checks every field and derives a missing level from the readiness score. */
    public EnergyReading {
        context = Validate.optionalText("context", context, Limits.CONTEXT);
        if (readiness != null) {
            Validate.range("readiness", readiness, 1, 10);
        }
        if (sleepHours != null) {
            Validate.range("sleepHours", sleepHours, 0.0, 24.0);
        }
        if (readinessScore != null) {
            Validate.range("readinessScore", readinessScore, 0, 100);
        }
        if (sleepScore != null) {
            Validate.range("sleepScore", sleepScore, 0, 100);
        }
        if (level == null && readinessScore != null) {
            level = levelOf(readinessScore);
        }
        Validate.required("level", level);
    }

    /** A reading on today's scales only. */
    public EnergyReading(EnergyLevel level, String context, Integer readiness, Double sleepHours) {
        this(level, context, readiness, sleepHours, null, null);
    }

    /** A reading with only the level. */
    public static EnergyReading of(EnergyLevel level) {
        return new EnergyReading(level, null, null, null);
    }

    /** A reading of a wearable's raw scores (either may be {@code null}), the level derived from the readiness. */
    public static EnergyReading fromScores(Integer readinessScore, Integer sleepScore) {
        return new EnergyReading(null, null, null, null, readinessScore, sleepScore);
    }

    /** The level a readiness score stands for: 85 and above high, 70 to 84 medium, below 70 low. */
    public static EnergyLevel levelOf(int readinessScore) {
        return readinessScore >= 85 ? EnergyLevel.HIGH : readinessScore >= 70 ? EnergyLevel.MEDIUM : EnergyLevel.LOW;
    }
}
