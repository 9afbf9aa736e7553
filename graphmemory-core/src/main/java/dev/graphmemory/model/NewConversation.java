package dev.graphmemory.model;

/**
 * A conversation session to start.
 *
 * @param agent which assistant is talking (required, e.g. {@code claude})
 * @param mood the user's mood at the start, or {@code null}
 */
public record NewConversation(String agent, String mood) {

    /** Checks every field. */
    public NewConversation {
        agent = Validate.line("agent", agent, Limits.NAME);
        mood = Validate.optionalLine("mood", mood, Limits.NAME, null);
    }

    /** A session of this agent, mood unknown. */
    public static NewConversation of(String agent) {
        return new NewConversation(agent, null);
    }
}
