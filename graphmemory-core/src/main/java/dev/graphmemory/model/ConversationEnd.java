package dev.graphmemory.model;

/**
 * How a conversation session ended.
 *
 * @param sessionId the id {@code startConversation} returned (required)
 * @param summary what the conversation covered (required, at most {@value Limits#SUMMARY} characters)
 * @param tokensUsed tokens the conversation used (0 or more), or {@code null}
 */
public record ConversationEnd(String sessionId, String summary, Long tokensUsed) {

    /** Checks every field. */
    public ConversationEnd {
        sessionId = Validate.id("sessionId", sessionId);
        summary = Validate.text("summary", summary, Limits.SUMMARY);
        if (tokensUsed != null && tokensUsed < 0) {
            Validate.range("tokensUsed", -1, 0, Integer.MAX_VALUE);
        }
    }
}
