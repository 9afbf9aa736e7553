package dev.graphmemory.internal.work;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * One Cypher statement with its parameters and the mapper from its rows to a result. The text is a constant next to
 * the operation that owns it; user input only ever travels as parameters.
 *
 * @param name the operation's name
 * @param text the Cypher text
 * @param parameters the parameters
 * @param mode read or write
 * @param maxRows read at most this many rows, discarding the rest (the row cap of read-only queries)
 * @param budget stop reading once the rows read cost this much (the answer budget of read-only queries)
 * @param mapper turns the rows into the result
 * @param onError what a database error of this statement means (e.g. a syntax error in an assistant's query), or the
 *     error itself when it means nothing special
 * @param keepPlan whether its plan may be kept for calls and refreshed in the background (the library's own statements:
 *     see {@code PlanKeeper}); an assistant's query is planned as Neo4j sees fit each time
 * @param <T> the result
 */
public record Statement<T>(
        String name,
        String text,
        Map<String, Object> parameters,
        AccessMode mode,
        int maxRows,
        Budget budget,
        Mapper<T> mapper,
        Function<Neo4jException, RuntimeException> onError,
        boolean keepPlan)
        implements Work<T> {

    /**
     * A limit on what the rows of a statement may cost, counted as they are read: reading stops after the row that
     * spends the budget, and the rest is discarded on the server.
     *
     * @param limit the budget
     * @param cost what one record costs
     */
    public record Budget(long limit, ToLongFunction<Record> cost) {
        /** No limit. */
        public static final Budget NONE = new Budget(Long.MAX_VALUE, record -> 0);
    }

    /** Turns the rows of a statement into its result; may throw a {@code MemoryException} (e.g. not found). */
    @FunctionalInterface
    public interface Mapper<T> {
        /** The result of these rows. */
        T map(Rows rows);
    }

    /**
     * The rows a statement returned.
     *
     * @param records at most {@code maxRows} records
     * @param truncated whether more rows were discarded
     * @param summary the result summary (plans, counters)
     */
    public record Rows(java.util.List<Record> records, boolean truncated, ResultSummary summary) {
        /** The only record; {@code null} if there is none. */
        public Record single() {
            return records.isEmpty() ? null : records.get(0);
        }
    }

    /** A write statement. */
    public static <T> Statement<T> write(String name, String text, Map<String, Object> parameters, Mapper<T> mapper) {
        return new Statement<>(
                name, text, parameters, AccessMode.WRITE, Integer.MAX_VALUE, Budget.NONE, mapper, error -> error, true);
    }

    /** A read statement. */
    public static <T> Statement<T> read(String name, String text, Map<String, Object> parameters, Mapper<T> mapper) {
        return new Statement<>(
                name, text, parameters, AccessMode.READ, Integer.MAX_VALUE, Budget.NONE, mapper, error -> error, true);
    }

    /** The same statement reading at most {@code rows} rows. */
    public Statement<T> limitedTo(int rows) {
        return new Statement<>(name, text, parameters, mode, rows, budget, mapper, onError, keepPlan);
    }

    /** The same statement reading rows only until they have cost {@code budget}. */
    public Statement<T> budgeted(Budget newBudget) {
        return new Statement<>(name, text, parameters, mode, maxRows, newBudget, mapper, onError, keepPlan);
    }

    /** The same statement with its client errors (syntax, semantics) turned into another failure. */
    public Statement<T> onClientError(Function<ClientException, RuntimeException> translation) {
        return onError(error -> error instanceof ClientException client ? translation.apply(client) : error);
    }

    /**
     * The same statement with its database errors of any kind turned into another failure; returning the error itself
     * leaves it to the usual translation (retries, timeouts).
     */
    public Statement<T> onError(Function<Neo4jException, RuntimeException> translation) {
        return new Statement<>(name, text, parameters, mode, maxRows, budget, mapper, translation, keepPlan);
    }

    /** The same statement planned as Neo4j sees fit at each call, never kept (an assistant's query). */
    public Statement<T> plannedEachTime() {
        return new Statement<>(name, text, parameters, mode, maxRows, budget, mapper, onError, false);
    }

    @Override
    public T run(StatementRunner runner) {
        return runner.run(this);
    }

    @Override
    public CompletionStage<T> runAsync(AsyncStatementRunner runner) {
        return runner.run(this);
    }

    @Override
    public String toString() {
        return "Statement[" + name + "]"; // parameters may hold user content: never logged
    }
}
