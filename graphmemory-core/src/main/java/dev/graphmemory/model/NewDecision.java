package dev.graphmemory.model;

import java.util.List;

/**
 * A decision to record, with why it was made and what else was considered.
 *
 * <pre>{@code
 * NewDecision decision = NewDecision.of("Use Neo4j for the memory store", "Relationships are first-class")
 *         .alternatives(List.of("PostgreSQL", "SQLite"))
 *         .confidence(0.8);
 * }</pre>
 *
 * @param content what was decided (required)
 * @param rationale why (required)
 * @param alternatives the options not taken, at most {@value Limits#ALTERNATIVES}; {@code null} means none
 * @param domain the area of life; {@code work} by default
 * @param confidence 0 to 1; {@value #DEFAULT_CONFIDENCE} by default
 */
public record NewDecision(
        String content, String rationale, List<String> alternatives, String domain, double confidence) {
    /** The default confidence. */
    public static final double DEFAULT_CONFIDENCE = 0.7;

    /** Checks every field. */
    public NewDecision {
        content = Validate.text("content", content, Limits.CONTENT);
        rationale = Validate.text("rationale", rationale, Limits.CONTENT);
        alternatives = Validate.texts("alternatives", alternatives, Limits.ALTERNATIVES, Limits.ALTERNATIVE);
        domain = Validate.domain("domain", domain, NewCommitment.DEFAULT_DOMAIN);
        Validate.range("confidence", confidence, 0.0, 1.0);
    }

    /** A decision with no alternatives, the default domain and confidence. */
    public static NewDecision of(String content, String rationale) {
        return new NewDecision(content, rationale, null, null, DEFAULT_CONFIDENCE);
    }

    /** With the alternatives considered. */
    public NewDecision alternatives(List<String> options) {
        return new NewDecision(content, rationale, options, domain, confidence);
    }

    /** In another domain. */
    public NewDecision inDomain(String newDomain) {
        return new NewDecision(content, rationale, alternatives, newDomain, confidence);
    }

    /** With another confidence. */
    public NewDecision confidence(double newConfidence) {
        return new NewDecision(content, rationale, alternatives, domain, newConfidence);
    }
}
