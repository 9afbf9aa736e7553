package dev.graphmemory.exceptions;

/** Every pooled connection stayed in use for the whole acquisition timeout; the caller should back off and retry. */
public final class BusyException extends MemoryException implements RetryableException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public BusyException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "busy";
    }
}
