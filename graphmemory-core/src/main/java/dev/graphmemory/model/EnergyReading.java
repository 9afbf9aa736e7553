package dev.graphmemory.model;

/**
 * The user's energy at a moment.
 *
 * @param level high, medium or low (required)
 * @param context what was going on, or {@code null}
 * @param readiness readiness for demanding work, 1 to 10, or {@code null}
 * @param sleepHours hours slept the night before, 0 to 24, or {@code null}
 */
public record EnergyReading(EnergyLevel level, String context, Integer readiness, Double sleepHours) {

    /** Checks every field. */
    public EnergyReading {
        Validate.required("level", level);
        context = Validate.optionalText("context", context, Limits.CONTEXT);
        if (readiness != null) {
            Validate.range("readiness", readiness, 1, 10);
        }
        if (sleepHours != null) {
            Validate.range("sleepHours", sleepHours, 0.0, 24.0);
        }
    }

    /** A reading with only the level. */
    public static EnergyReading of(EnergyLevel level) {
        return new EnergyReading(level, null, null, null);
    }
}
