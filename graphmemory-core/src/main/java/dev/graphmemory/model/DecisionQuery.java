package dev.graphmemory.model;

import dev.graphmemory.internal.Validate;

/**
 * Which decisions to list, newest first.
 *
 * @param domain only this domain, or {@code null}
 * @param days only those made in the last this many days (1 to 36,500), or {@code null} for any time
 * @param limit at most this many; {@code null} means {@value Limits#DEFAULT_LIMIT}
 */
public record DecisionQuery(String domain, Integer days, Integer limit) {

    /** Checks the filters and applies the default limit. */
    public DecisionQuery {
        domain = Validate.domain("domain", domain, null);
        if (days != null) {
            Validate.range("days", days, 1, 36_500);
        }
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** No filter, the default limit. */
    public static DecisionQuery all() {
        return new DecisionQuery(null, null, null);
    }

    /** Only this domain. */
    public DecisionQuery domain(String newDomain) {
        return new DecisionQuery(newDomain, days, limit);
    }

    /** Only the last this many days. */
    public DecisionQuery days(int newDays) {
        return new DecisionQuery(domain, newDays, limit);
    }

    /** At most this many. */
    public DecisionQuery limit(int newLimit) {
        return new DecisionQuery(domain, days, newLimit);
    }
}
