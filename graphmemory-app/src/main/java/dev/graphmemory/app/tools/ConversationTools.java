package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;

/**
 * The tools of conversations. The original adapter called a conversation a "session", and the tool and argument
 * names keep that word so that existing prompts keep working.
 */
final class ConversationTools {
    static final Tool START_SESSION = Tool.of(
            "start_session",
            "Start a conversation session",
            "Start a conversation session. Returns its id; pass it as session_id to end_session, and link"
                    + " memories made in the conversation to it with DURING.",
            WRITES,
            (memory, args) -> memory.startConversation(ArgumentMapper.conversation(args)),
            string("agent", "Which assistant is talking, e.g. claude")
                    .mandatory()
                    .maxLength(Limits.NAME),
            string("mood", "The user's mood at the start").maxLength(Limits.NAME));

    static final Tool END_SESSION = Tool.of(
            "end_session",
            "End a conversation session",
            "End a conversation session with a summary of what it covered.",
            WRITES,
            (memory, args) -> memory.endConversation(ArgumentMapper.conversationEnd(args)),
            string("session_id", "The id start_session returned").mandatory(),
            string("summary", "What the conversation covered").mandatory().maxLength(Limits.SUMMARY),
            integer("tokens_used", "Tokens the conversation used", 0, Integer.MAX_VALUE));

    private ConversationTools() {}
}
