package dev.graphmemory.exceptions;

/** The calling thread was interrupted while waiting for the database. The thread's interrupt flag is set again; the work was abandoned and rolled back. */
public final class MemoryInterruptedException extends MemoryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying exception, or {@code null}
     */
    public MemoryInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "interrupted";
    }
}
