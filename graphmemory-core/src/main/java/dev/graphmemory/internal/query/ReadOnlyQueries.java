package dev.graphmemory.internal.query;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.QueryRefusedException;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Timed;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.QueryResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;

/**
 * {@code queryGraph}: Cypher an assistant writes, run only when it provably reads and stays in its namespace, and
 * bounded in time, memory and size.
 *
 * <p>The decision is made on the query plan, never on the query text (the old check searched the text for words such
 * as CREATE, which refused {@code created_at} and let other writes through). The query is first sent as
 * {@code EXPLAIN}; the server parses and plans it without running it. It is refused unless
 * <ul>
 *   <li>the server classifies it as {@code READ_ONLY} (no writes, no schema or admin command);
 *   <li>{@link PlanGuard} finds only allowed operators: no {@code LOAD CSV}, no procedure outside a short allow-list,
 *       and every node the plan starts from filtered by {@code namespace = $namespace};
 *   <li>{@link ExpressionBounds} finds no expression whose work the database could not stop at the timeout.
 * </ul>
 * It then runs in a read transaction with a timeout, which the database enforces and the client too (it stops waiting
 * and terminates the transaction shortly after; see {@code Retries}). Rows are fetched {@value #FETCH_SIZE} at a time
 * and read until the row cap or the character budget ({@link GraphQuery#maxChars()}) is reached; the rest is
 * discarded on the server, values are cut to fit the budget, and the result says it is {@code truncated}. In a write
 * scope (a transaction callback) it runs in that transaction, still after the same checks.
 */
public final class ReadOnlyQueries {
    /** Rows per round trip: few, because one row can be large, and the budget usually ends the answer early. */
    static final int FETCH_SIZE = 20;

    private ReadOnlyQueries() {}

    public static Work<QueryResult> work(String namespace, GraphQuery query, int rowLimit, Duration timeout) {
        Map<String, Object> parameters = new HashMap<>(query.parameters());
        parameters.put("namespace", namespace);
        Statement<Void> explain = Statement.<Void>read("queryGraph", "EXPLAIN " + query.query(), parameters, rows -> {
                    if (rows.summary().queryType() != QueryType.READ_ONLY) {
                        throw new QueryRefusedException("must only read; it would write or change the schema ("
                                + rows.summary().queryType()
                                + "). Use the memory operations to store or change memories");
                    }
                    PlanGuard.check(rows.summary().plan());
                    ExpressionBounds.check(rows.summary().plan(), query.query(), parameters);
                    return null;
                })
                .onClientError(ReadOnlyQueries::refusal)
                .plannedEachTime();
        int maxChars = query.maxChars();
        Statement<QueryResult> run = Statement.read(
                        "queryGraph", query.query(), parameters, rows -> result(rows, maxChars))
                .limitedTo(rowLimit)
                .budgeted(new Statement.Budget(maxChars, ReadOnlyQueries::size))
                .onError(ReadOnlyQueries::failedQuery)
                .plannedEachTime();
        return new Timed<>(explain.then(checked -> run), timeout, FETCH_SIZE);
    }

    /** The server could not plan the query: a syntax error, an unknown function, a forbidden clause. */
    private static RuntimeException refusal(ClientException error) {
        return new QueryRefusedException("is not a single valid read query here: " + firstLine(error.getMessage()));
    }

    /**
     * The query failed while running: a type error or a division by zero (the query's own mistake), more memory than a
     * transaction may have, or a value too large for the database to build. Timeouts are left to the usual translation.
     */
    static RuntimeException failedQuery(Neo4jException error) {
        String code = String.valueOf(error.code());
        if (code.startsWith("Neo.ClientError.Statement.")) {
            return new InvalidInputException("query", "failed: " + firstLine(error.getMessage()));
        }
        if (code.contains("MemoryLimit") || code.contains("OutOfMemory")) { // the transaction's or the server's
            return new InvalidInputException(
                    "query",
                    "needed more memory than the database allows one transaction; return fewer or smaller values,"
                            + " or aggregate (count, sum, collect a few)");
        }
        if (code.startsWith("Neo.DatabaseError.Statement.") && isOverflow(error.getMessage())) {
            return new InvalidInputException(
                    "query",
                    "built a value too large for the database (a string or list past its size limit); build smaller"
                            + " values");
        }
        return error;
    }

    /**
     * A value that outgrew what the database can hold shows up as a bare negative number: the size that overflowed (for
     * example {@code -2147483648} for a string of 2^31 characters).
     */
    private static boolean isOverflow(String message) {
        String text = String.valueOf(message).strip();
        return text.matches("-\\d+") || text.contains("NegativeArraySize") || text.contains("Requested array size");
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** What a record costs of the budget: about the length of its values as JSON. */
    private static long size(Record record) {
        long size = 2;
        for (String key : record.keys()) {
            size += key.length() + 4 + JsonValues.size(record.get(key), Long.MAX_VALUE / 4);
        }
        return size;
    }

    private static QueryResult result(Statement.Rows rows, int maxChars) {
        List<String> columns =
                rows.records().isEmpty() ? List.of() : rows.records().get(0).keys();
        JsonValues.Budget budget = new JsonValues.Budget(maxChars);
        List<Map<String, Object>> converted = new ArrayList<>(rows.records().size());
        for (Record record : rows.records()) {
            if (budget.remaining() <= 0) {
                budget.leftOut();
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (String key : record.keys()) {
                row.put(key, JsonValues.of(record.get(key), budget));
            }
            converted.add(row);
        }
        return new QueryResult(columns, converted, rows.truncated() || budget.cut());
    }
}
