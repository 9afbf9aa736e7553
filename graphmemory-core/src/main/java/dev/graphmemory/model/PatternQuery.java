package dev.graphmemory.model;

/**
 * Which patterns to list, strongest first.
 *
 * @param type only this type, or {@code null}
 * @param domain only this domain, or {@code null}
 * @param minStrength only those at least this strong (0 to 1), or {@code null}
 * @param limit at most this many; {@code null} means {@value Limits#DEFAULT_LIMIT}
 */
public record PatternQuery(PatternType type, String domain, Double minStrength, Integer limit) {

    /** Checks the filters and applies the default limit. */
    public PatternQuery {
        domain = Validate.domain("domain", domain, null);
        if (minStrength != null) {
            Validate.range("minStrength", minStrength, 0.0, 1.0);
        }
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** No filter, the default limit. */
    public static PatternQuery all() {
        return new PatternQuery(null, null, null, null);
    }

    /** Only this type. */
    public PatternQuery type(PatternType newType) {
        return new PatternQuery(newType, domain, minStrength, limit);
    }

    /** Only this domain. */
    public PatternQuery domain(String newDomain) {
        return new PatternQuery(type, newDomain, minStrength, limit);
    }

    /** Only those at least this strong. */
    public PatternQuery minStrength(double strength) {
        return new PatternQuery(type, domain, strength, limit);
    }

    /** At most this many. */
    public PatternQuery limit(int newLimit) {
        return new PatternQuery(type, domain, minStrength, newLimit);
    }
}
