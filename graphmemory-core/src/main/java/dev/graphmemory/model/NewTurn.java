package dev.graphmemory.model;

import java.time.Instant;

/**
 * Something said in a conversation, to record. Turns are kept in the order they are recorded; each gets the next
 * {@link Turn#sequence()} of its conversation.
 *
 * <pre>{@code
 * memory.recordTurns(conversation.id(), List.of(
 *         NewTurn.of("Alice", "Can you send me the Acme proposal by Friday?"),
 *         NewTurn.of("assistant", "Yes, I'll send it Thursday evening.")));
 * }</pre>
 *
 * @param speaker who said it (required, at most {@value Limits#NAME} characters); when an entity of this name (case
 *     and spacing ignored) exists, the turn is linked to it by {@code SAID_BY}
 * @param text what was said (required, at most {@value Limits#TURN_TEXT} characters)
 * @param saidAt when it was said, or {@code null} for now (a conversation recorded afterwards gives its own times)
 * @param ref an external reference, such as the id a chat platform gave the message, or {@code null}
 */
public record NewTurn(String speaker, String text, Instant saidAt, String ref) {

    /** Checks every field. */
    public NewTurn {
        speaker = Validate.line("speaker", speaker, Limits.NAME);
        text = Validate.text("text", text, Limits.TURN_TEXT);
        ref = Validate.optionalLine("ref", ref, Limits.REF, null);
    }

    /** A turn said now. */
    public static NewTurn of(String speaker, String text) {
        return new NewTurn(speaker, text, null, null);
    }

    /** The same turn, said at {@code time}. */
    public NewTurn at(Instant time) {
        return new NewTurn(speaker, text, time, ref);
    }

    /** The same turn, with an external reference. */
    public NewTurn ref(String newRef) {
        return new NewTurn(speaker, text, saidAt, newRef);
    }

    /** The key that finds the speaker's entity (the normalized name). */
    public String speakerKey() {
        return Validate.normalizedKey(speaker);
    }
}
