package dev.graphmemory.exceptions;

/** A transient database condition (a deadlock, a leader switch) outlasted the retry budget; trying again later may succeed. */
public final class TransientMemoryException extends MemoryException implements RetryableException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public TransientMemoryException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "transient";
    }
}
