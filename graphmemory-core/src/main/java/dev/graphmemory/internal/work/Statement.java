package dev.graphmemory.internal.work;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
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
 * @param mapper turns the rows into the result
 * @param onClientError what a client error of this statement means (e.g. a syntax error in an assistant's query)
 * @param <T> the result
 */
public record Statement<T>(
        String name,
        String text,
        Map<String, Object> parameters,
        AccessMode mode,
        int maxRows,
        Mapper<T> mapper,
        Function<ClientException, RuntimeException> onClientError)
        implements Work<T> {

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
        return new Statement<>(name, text, parameters, AccessMode.WRITE, Integer.MAX_VALUE, mapper, error -> error);
    }

    /** A read statement. */
    public static <T> Statement<T> read(String name, String text, Map<String, Object> parameters, Mapper<T> mapper) {
        return new Statement<>(name, text, parameters, AccessMode.READ, Integer.MAX_VALUE, mapper, error -> error);
    }

    /** The same statement reading at most {@code rows} rows. */
    public Statement<T> limitedTo(int rows) {
        return new Statement<>(name, text, parameters, mode, rows, mapper, onClientError);
    }

    /** The same statement with its client errors (syntax, semantics) turned into another failure. */
    public Statement<T> onClientError(Function<ClientException, RuntimeException> translation) {
        return new Statement<>(name, text, parameters, mode, maxRows, mapper, translation);
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
