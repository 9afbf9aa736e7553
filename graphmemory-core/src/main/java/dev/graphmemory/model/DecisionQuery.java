package dev.graphmemory.model;

/**
 * Which decisions to list, newest first. Only current decisions are listed unless superseded ones are asked for.
 *
 * @param domain only this domain, or {@code null}
 * @param days only those made in the last this many days (1 to 36,500), or {@code null} for any time
 * @param limit at most this many; {@code null} means {@value Limits#DEFAULT_LIMIT}
 * @param includeSuperseded whether decisions that a newer decision superseded are listed too
 */
public record DecisionQuery(String domain, Integer days, Integer limit, boolean includeSuperseded) {

    /** Checks the filters and applies the default limit. */
    public DecisionQuery {
        domain = Validate.domain("domain", domain, null);
        if (days != null) {
            Validate.range("days", days, 1, Limits.MAX_DAYS);
        }
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** Current decisions only, with these filters. */
    public DecisionQuery(String domain, Integer days, Integer limit) {
        this(domain, days, limit, false);
    }

    /** No filter, the default limit, current decisions only. */
    public static DecisionQuery all() {
        return new DecisionQuery(null, null, null, false);
    }

    /** Only this domain. */
    public DecisionQuery domain(String newDomain) {
        return new DecisionQuery(newDomain, days, limit, includeSuperseded);
    }

    /** Only the last this many days. */
    public DecisionQuery days(int newDays) {
        return new DecisionQuery(domain, newDays, limit, includeSuperseded);
    }

    /** At most this many. */
    public DecisionQuery limit(int newLimit) {
        return new DecisionQuery(domain, days, newLimit, includeSuperseded);
    }

    /** With {@code true}, superseded decisions too. */
    public DecisionQuery includeSuperseded(boolean superseded) {
        return new DecisionQuery(domain, days, limit, superseded);
    }
}
