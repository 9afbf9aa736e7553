package dev.graphmemory.exceptions;

/** The database cannot be reached; trying again when it is back may succeed. */
public final class UnavailableException extends MemoryException implements RetryableException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "unavailable";
    }
}
