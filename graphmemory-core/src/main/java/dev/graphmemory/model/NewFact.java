package dev.graphmemory.model;

import java.time.Instant;
import java.util.List;

/**
 * A fact to record: a statement about one or more entities, true from {@code validFrom} and, when that is known
 * already, until {@code validUntil}. When it was recorded is kept besides ({@link Fact#createdAt()}).
 *
 * <pre>{@code
 * NewFact fact = NewFact.of("Bob lives in Paris", "Bob").from(Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 *
 * @param statement what holds (required, at most {@value Limits#FACT} characters)
 * @param about the names of the entities it is about (case and spacing ignored), at most
 *     {@value Limits#FACT_ENTITIES}; each must exist. Recording a fact needs at least one; a fact that replaces another
 *     is about the old one's entities too, so it may name none.
 * @param conversationId the conversation it was learned in ({@code LEARNED_FROM}), or {@code null}
 * @param validFrom when it became true, or {@code null} for the moment it is recorded
 * @param validUntil when it stopped being true, or {@code null} while it holds (or it is not known)
 */
public record NewFact(
        String statement, List<String> about, String conversationId, Instant validFrom, Instant validUntil) {

    /** Checks every field; {@code validUntil} must be after {@code validFrom} when both are given. */
    public NewFact {
        statement = Validate.text("statement", statement, Limits.FACT);
        List<String> names = Validate.texts("about", about, Limits.FACT_ENTITIES, Limits.NAME);
        for (int i = 0; i < names.size(); i++) {
            Validate.line("about[" + i + "]", names.get(i), Limits.NAME);
        }
        about = names;
        conversationId = conversationId == null ? null : Validate.id("conversationId", conversationId);
        if (validFrom != null && validUntil != null) {
            Kinds.window("validFrom", validFrom, "validUntil", validUntil);
        }
    }

    /** A fact about these entities, true from now on. */
    public static NewFact of(String statement, String... about) {
        return new NewFact(statement, about == null ? null : List.of(about), null, null, null);
    }

    /** The same fact, true from {@code time}. */
    public NewFact from(Instant time) {
        return new NewFact(statement, about, conversationId, time, validUntil);
    }

    /** The same fact, true until {@code time}. */
    public NewFact until(Instant time) {
        return new NewFact(statement, about, conversationId, validFrom, time);
    }

    /** The same fact, learned in this conversation. */
    public NewFact learnedIn(String newConversationId) {
        return new NewFact(statement, about, newConversationId, validFrom, validUntil);
    }

    /** The keys that find its entities (the normalized names). */
    public List<String> aboutKeys() {
        return about.stream().map(Validate::normalizedKey).distinct().toList();
    }
}
