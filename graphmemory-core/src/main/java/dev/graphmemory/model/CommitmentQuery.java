package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.ZonedDateTime;

/**
 * Which commitments to list: newest first, or soonest due first when asking for overdue ones or those due within a
 * few days. Every filter is optional.
 *
 * <pre>{@code
 * CommitmentQuery open = CommitmentQuery.all().status(CommitmentStatus.PENDING).toWhom("Alice").limit(10);
 * CommitmentQuery urgent = CommitmentQuery.all().overdue(true).dueWithinDays(3); // overdue, or due in 3 days
 * }</pre>
 *
 * @param status only this status, or {@code null} for any
 * @param domain only this domain, or {@code null}
 * @param toWhom only those made to this person (ignoring case), or {@code null}
 * @param dueBefore only those that fall due before this moment, or {@code null}
 * @param limit at most this many, 1 to {@value Limits#MAX_LIMIT}; {@code null} means {@value Limits#DEFAULT_LIMIT}
 * @param overdue only pending commitments whose deadline has passed (by the database's clock); together with
 *     {@code dueWithinDays}, those overdue <em>or</em> due within the days
 * @param dueWithinDays only those falling due from now to this many days ahead (1 to 36,500), or {@code null}
 */
public record CommitmentQuery(
        CommitmentStatus status,
        String domain,
        String toWhom,
        ZonedDateTime dueBefore,
        Integer limit,
        boolean overdue,
        Integer dueWithinDays) {

    /** Checks the filters and applies the default limit. */
    public CommitmentQuery {
        domain = Validate.domain("domain", domain, null);
        toWhom = Validate.optionalLine("toWhom", toWhom, Limits.NAME, null);
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
        if (overdue && status != null && status != CommitmentStatus.PENDING) {
            throw new InvalidInputException(
                    "overdue", "only applies to pending commitments, not to status " + status.value());
        }
        if (dueWithinDays != null) {
            Validate.range("dueWithinDays", dueWithinDays, 1, Limits.MAX_DAYS);
        }
    }

    /** A query without the due-date filters ({@code overdue}, {@code dueWithinDays}). */
    public CommitmentQuery(
            CommitmentStatus status, String domain, String toWhom, ZonedDateTime dueBefore, Integer limit) {
        this(status, domain, toWhom, dueBefore, limit, false, null);
    }

    /** No filter, the default limit. */
    public static CommitmentQuery all() {
        return new CommitmentQuery(null, null, null, null, null, false, null);
    }

    /** Only this status. */
    public CommitmentQuery status(CommitmentStatus newStatus) {
        return new CommitmentQuery(newStatus, domain, toWhom, dueBefore, limit, overdue, dueWithinDays);
    }

    /** Only this domain. */
    public CommitmentQuery domain(String newDomain) {
        return new CommitmentQuery(status, newDomain, toWhom, dueBefore, limit, overdue, dueWithinDays);
    }

    /** Only those made to this person. */
    public CommitmentQuery toWhom(String whom) {
        return new CommitmentQuery(status, domain, whom, dueBefore, limit, overdue, dueWithinDays);
    }

    /** Only those due before this moment. */
    public CommitmentQuery dueBefore(ZonedDateTime moment) {
        return new CommitmentQuery(status, domain, toWhom, moment, limit, overdue, dueWithinDays);
    }

    /** At most this many. */
    public CommitmentQuery limit(int newLimit) {
        return new CommitmentQuery(status, domain, toWhom, dueBefore, newLimit, overdue, dueWithinDays);
    }

    /** With {@code true}, only pending commitments whose deadline has passed. */
    public CommitmentQuery overdue(boolean onlyOverdue) {
        return new CommitmentQuery(status, domain, toWhom, dueBefore, limit, onlyOverdue, dueWithinDays);
    }

    /** Only those falling due from now to {@code days} days ahead (with {@link #overdue(boolean)}: or overdue). */
    public CommitmentQuery dueWithinDays(int days) {
        return new CommitmentQuery(status, domain, toWhom, dueBefore, limit, overdue, days);
    }
}
