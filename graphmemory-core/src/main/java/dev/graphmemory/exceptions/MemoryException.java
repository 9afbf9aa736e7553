package dev.graphmemory.exceptions;

/**
 * The root of every error graphmemory raises. It is unchecked, like the driver's {@code Neo4jException}, and each
 * subtype tells the caller what to do next: fix the input, look elsewhere, retry, or report.
 *
 * <p>{@link #errorCode()} is a stable, machine-readable name for the kind of failure (for example {@code not_found}),
 * used in tool results so that an assistant can act on it.
 */
public abstract sealed class MemoryException extends RuntimeException
        permits NotFoundException,
                InvalidInputException,
                TransientMemoryException,
                UnavailableException,
                BusyException,
                MemoryTimeoutException,
                CommitOutcomeUnknownException,
                MemoryInterruptedException,
                DatabaseException {
    private static final long serialVersionUID = 1L;

    MemoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, snake_case name of this kind of failure. */
    public abstract String errorCode();
}
