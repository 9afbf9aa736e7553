package dev.graphmemory.model;

/**
 * A page of a conversation's turns, in the order they were said, after a given place.
 *
 * <pre>{@code
 * List<Turn> first = memory.getTurns(TurnQuery.of(conversation.id()));
 * List<Turn> next = memory.getTurns(TurnQuery.of(conversation.id()).after(first.get(first.size() - 1).sequence()));
 * }</pre>
 *
 * @param conversationId the conversation (required)
 * @param after only turns whose sequence is greater than this; {@code null} from the first turn
 * @param limit at most this many turns, 1 to {@value Limits#MAX_LIMIT}; {@code null} means
 *     {@value Limits#DEFAULT_LIMIT}
 */
public record TurnQuery(String conversationId, Long after, Integer limit) {

    /** Checks every field and applies the defaults. */
    public TurnQuery {
        conversationId = Validate.id("conversationId", conversationId);
        if (after != null && after < -1) {
            throw new dev.graphmemory.exceptions.InvalidInputException(
                    "after", "must be -1 or more (was " + after + ")");
        }
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** The first page of a conversation's turns. */
    public static TurnQuery of(String conversationId) {
        return new TurnQuery(conversationId, null, null);
    }

    /** The page after the turn of this sequence. */
    public TurnQuery after(long sequence) {
        return new TurnQuery(conversationId, sequence, limit);
    }

    /** At most this many turns. */
    public TurnQuery limit(int newLimit) {
        return new TurnQuery(conversationId, after, newLimit);
    }
}
