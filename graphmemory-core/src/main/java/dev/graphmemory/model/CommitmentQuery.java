package dev.graphmemory.model;

import dev.graphmemory.internal.Validate;
import java.time.ZonedDateTime;

/**
 * Which commitments to list, newest first. Every filter is optional.
 *
 * <pre>{@code
 * CommitmentQuery open = CommitmentQuery.all().status(CommitmentStatus.PENDING).toWhom("Alice").limit(10);
 * }</pre>
 *
 * @param status only this status, or {@code null} for any
 * @param domain only this domain, or {@code null}
 * @param toWhom only those made to this person (ignoring case), or {@code null}
 * @param dueBefore only those that fall due before this moment, or {@code null}
 * @param limit at most this many, 1 to {@value Limits#MAX_LIMIT}; {@code null} means {@value Limits#DEFAULT_LIMIT}
 */
public record CommitmentQuery(
        CommitmentStatus status, String domain, String toWhom, ZonedDateTime dueBefore, Integer limit) {

    /** Checks the filters and applies the default limit. */
    public CommitmentQuery {
        domain = Validate.domain("domain", domain, null);
        toWhom = Validate.optionalLine("toWhom", toWhom, Limits.NAME, null);
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** No filter, the default limit. */
    public static CommitmentQuery all() {
        return new CommitmentQuery(null, null, null, null, null);
    }

    /** Only this status. */
    public CommitmentQuery status(CommitmentStatus newStatus) {
        return new CommitmentQuery(newStatus, domain, toWhom, dueBefore, limit);
    }

    /** Only this domain. */
    public CommitmentQuery domain(String newDomain) {
        return new CommitmentQuery(status, newDomain, toWhom, dueBefore, limit);
    }

    /** Only those made to this person. */
    public CommitmentQuery toWhom(String whom) {
        return new CommitmentQuery(status, domain, whom, dueBefore, limit);
    }

    /** Only those due before this moment. */
    public CommitmentQuery dueBefore(ZonedDateTime moment) {
        return new CommitmentQuery(status, domain, toWhom, moment, limit);
    }

    /** At most this many. */
    public CommitmentQuery limit(int newLimit) {
        return new CommitmentQuery(status, domain, toWhom, dueBefore, newLimit);
    }
}
