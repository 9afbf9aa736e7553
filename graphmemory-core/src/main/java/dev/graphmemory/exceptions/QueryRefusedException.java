package dev.graphmemory.exceptions;

/**
 * A read-only query was refused before it ran: it could write, change the schema, call a procedure that is not
 * allowed, load files, or reach outside the namespace. The message says which and how to rephrase.
 */
public final class QueryRefusedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the query was refused, phrased for the author of the query */
    public QueryRefusedException(String reason) {
        super("query", reason);
    }

    @Override
    public String errorCode() {
        return "query_refused";
    }
}
