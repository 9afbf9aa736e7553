package dev.graphmemory.exceptions;

/** The connection broke while a commit was in flight, so it is unknown whether the transaction committed. Read back before retrying work that is not idempotent. */
public final class CommitOutcomeUnknownException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "commit_outcome_unknown";
    }
}
