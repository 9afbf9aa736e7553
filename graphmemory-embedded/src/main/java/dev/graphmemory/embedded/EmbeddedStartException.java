package dev.graphmemory.embedded;

/** The embedded Neo4j could not start; the message says why in terms a user can act on. */
public final class EmbeddedStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
