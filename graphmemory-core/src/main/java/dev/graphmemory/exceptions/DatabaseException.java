package dev.graphmemory.exceptions;

/** The database reported an error that is none of the other kinds. {@link #neo4jCode()} carries the Neo4j status code. */
public final class DatabaseException extends MemoryException {
    private static final long serialVersionUID = 1L;
    private final String neo4jCode;

    /**
     * @param message what failed
     * @param neo4jCode the Neo4j status code, or {@code null}
     * @param cause the driver's exception
     */
    public DatabaseException(String message, String neo4jCode, Throwable cause) {
        super(message, cause);
        this.neo4jCode = neo4jCode;
    }

    /** The Neo4j status code, e.g. {@code Neo.ClientError.Statement.SyntaxError}, or {@code null}. */
    public String neo4jCode() {
        return neo4jCode;
    }

    @Override
    public String errorCode() {
        return "database_error";
    }
}
