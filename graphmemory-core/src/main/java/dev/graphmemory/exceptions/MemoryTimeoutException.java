package dev.graphmemory.exceptions;

/** The work ran out of time: a transaction timeout, a lock wait, or a connection that stopped answering. It was rolled back and is not retried automatically. */
public final class MemoryTimeoutException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public MemoryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "timeout";
    }
}
