package dev.graphmemory.model;

import java.time.LocalDate;

/**
 * A commitment to store: a promise, to whom it was made, and when it is due.
 *
 * <pre>{@code
 * NewCommitment send = NewCommitment.of("Send Alice the Q3 report")
 *         .toWhom("Alice")
 *         .due(LocalDate.of(2026, 12, 4))
 *         .priority(2);
 * }</pre>
 *
 * @param content what was promised (required, at most {@value Limits#CONTENT} characters)
 * @param toWhom to whom; {@code null} means {@value #SELF}
 * @param deadline when it is due, or {@code null}
 * @param domain the area of life, e.g. {@code work} (the default) or {@code personal}
 * @param priority 1 (highest) to 5 (lowest); {@value #DEFAULT_PRIORITY} by default
 */
public record NewCommitment(String content, String toWhom, Deadline deadline, String domain, int priority) {
    /** The default recipient: the user's promise to themselves. */
    public static final String SELF = "self";
    /** The default domain. */
    public static final String DEFAULT_DOMAIN = "work";
    /** The default priority. */
    public static final int DEFAULT_PRIORITY = 3;

    /** Checks every field; see the parameter descriptions for the rules. */
    public NewCommitment {
        content = Validate.text("content", content, Limits.CONTENT);
        toWhom = Validate.optionalLine("toWhom", toWhom, Limits.NAME, SELF);
        domain = Validate.domain("domain", domain, DEFAULT_DOMAIN);
        Validate.range("priority", priority, 1, 5);
    }

    /** A commitment to oneself with the defaults. */
    public static NewCommitment of(String content) {
        return new NewCommitment(content, null, null, null, DEFAULT_PRIORITY);
    }

    /** The same commitment made to someone else. */
    public NewCommitment toWhom(String whom) {
        return new NewCommitment(content, whom, deadline, domain, priority);
    }

    /** The same commitment with a deadline. */
    public NewCommitment due(Deadline due) {
        return new NewCommitment(content, toWhom, due, domain, priority);
    }

    /** The same commitment due by the end of a day. */
    public NewCommitment due(LocalDate day) {
        return due(Deadline.on(day));
    }

    /** The same commitment in another domain. */
    public NewCommitment inDomain(String newDomain) {
        return new NewCommitment(content, toWhom, deadline, newDomain, priority);
    }

    /** The same commitment with another priority. */
    public NewCommitment priority(int newPriority) {
        return new NewCommitment(content, toWhom, deadline, domain, newPriority);
    }
}
