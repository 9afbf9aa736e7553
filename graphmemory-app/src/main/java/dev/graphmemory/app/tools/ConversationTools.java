package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.objects;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.prepend;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;

/**
 * The tools of conversations. The original adapter called a conversation a "session", and the tool and argument
 * names keep that word so that existing prompts keep working.
 */
final class ConversationTools {
    private static final Param[] TURN = {
        string("speaker", "Who said it: a name, or user / assistant")
                .mandatory()
                .maxLength(Limits.NAME),
        string("text", "What was said").mandatory().maxLength(Limits.TURN_TEXT),
        string("said_at", "When it was said: a date-time (2026-12-04T17:00:00Z); default now"),
        string("ref", "An id of the message elsewhere (a chat platform's), kept with the turn")
                .maxLength(Limits.REF)
    };

    static final Tool START_SESSION = Tool.of(
            "start_session",
            "Start a conversation session",
            "Start a conversation session. Returns its id (also as session_id); pass it as session_id to"
                    + " end_session, and link memories made in the conversation to it with DURING.",
            WRITES,
            (memory, args) -> Results.Session.of(memory.startConversation(ArgumentMapper.conversation(args))),
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

    static final Tool RECORD_TURNS = Tool.of(
            "record_turns",
            "Record what was said",
            "Record turns of a conversation, in order, each after those recorded before: who said it, what"
                    + " was said, and when (default now). A whole exchange, or a whole session, in one call. A turn"
                    + " whose speaker is the name of an entity is linked to it. Returns the turns with their ids"
                    + " and sequence numbers; search_memory finds them by meaning right away.",
            WRITES,
            (memory, args) -> Results.Turns.of(memory.recordTurns(
                    args.string("conversation_id"), ArgumentMapper.each(args, "turns", ArgumentMapper::turn))),
            string("conversation_id", "The id start_session returned").mandatory(),
            objects("turns", "The turns, in the order they were said", Limits.TURNS_PER_CALL, TURN)
                    .mandatory());

    static final Tool RECORD_TURN = Tool.of(
            "record_turn",
            "Record one thing said",
            "Record one turn of a conversation after those recorded before (see record_turns).",
            WRITES,
            (memory, args) -> memory.recordTurn(args.string("conversation_id"), ArgumentMapper.turn(args)),
            prepend(string("conversation_id", "The id start_session returned").mandatory(), TURN));

    static final Tool GET_TURNS = Tool.of(
            "get_turns",
            "Read a conversation",
            "Read what was said in a conversation, in order, a page at a time: pass next_after of a page as"
                    + " after to read the next one.",
            READS,
            (memory, args) -> {
                var query = ArgumentMapper.turnQuery(args);
                return Results.Turns.page(memory.getTurns(query), query.limit());
            },
            string("conversation_id", "The conversation").mandatory(),
            integer("after", "Only turns after this sequence number (default: from the first)", -1, Integer.MAX_VALUE),
            integer("limit", "Most turns (default 20)", 1, Limits.MAX_LIMIT));

    static final Tool TURNS_AROUND = Tool.of(
            "turns_around",
            "Read around a turn",
            "Read the turns said just before and after a turn (a search hit, say), in order, with the turn"
                    + " itself: the context of what was said.",
            READS,
            (memory, args) -> Results.Turns.of(memory.turnsAround(
                    args.string("turn_id"),
                    args.integer("before") == null ? 3 : args.integer("before"),
                    args.integer("after") == null ? 3 : args.integer("after"))),
            string("turn_id", "The id of the turn").mandatory(),
            integer("before", "How many turns before it (default 3)", 0, Limits.MAX_TURN_WINDOW),
            integer("after", "How many turns after it (default 3)", 0, Limits.MAX_TURN_WINDOW));

    private ConversationTools() {}
}
