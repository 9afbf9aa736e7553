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
import org.neo4j.driver.summary.QueryType;

/**
 * {@code queryGraph}: Cypher an assistant writes, run only when it provably reads and stays in its namespace.
 *
 * <p>The decision is made on the query plan, never on the query text (the old check searched the text for words such
 * as CREATE, which refused {@code created_at} and let other writes through). The query is first sent as
 * {@code EXPLAIN}; the server parses and plans it without running it. It is refused unless
 * <ul>
 *   <li>the server classifies it as {@code READ_ONLY} (no writes, no schema or admin command);
 *   <li>{@link PlanGuard} finds only allowed operators: no {@code LOAD CSV}, no procedure outside a short allow-list,
 *       and every node the plan starts from filtered by {@code namespace = $namespace}.
 * </ul>
 * It then runs in a read transaction with a timeout, reading at most the row cap; the rest is discarded on the
 * server. In a write scope (a transaction callback) it runs in that transaction, still after the same checks.
 */
public final class ReadOnlyQueries {
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
                    return null;
                })
                .onClientError(ReadOnlyQueries::refusal);
        Statement<QueryResult> run = Statement.read("queryGraph", query.query(), parameters, ReadOnlyQueries::result)
                .limitedTo(rowLimit)
                .onClientError(ReadOnlyQueries::failedQuery);
        return new Timed<>(explain.then(checked -> run), timeout);
    }

    /** The server could not plan the query: a syntax error, an unknown function, a forbidden clause. */
    private static RuntimeException refusal(ClientException error) {
        return new QueryRefusedException("is not a single valid read query here: " + firstLine(error.getMessage()));
    }

    /** The query failed while running, e.g. a type error or a division by zero. */
    private static RuntimeException failedQuery(ClientException error) {
        if (error.code() != null && error.code().startsWith("Neo.ClientError.Statement.")) {
            return new InvalidInputException("query", "failed: " + firstLine(error.getMessage()));
        }
        return error;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static QueryResult result(Statement.Rows rows) {
        List<String> columns =
                rows.records().isEmpty() ? List.of() : rows.records().get(0).keys();
        List<Map<String, Object>> converted = new ArrayList<>(rows.records().size());
        for (Record record : rows.records()) {
            Map<String, Object> row = new LinkedHashMap<>();
            record.keys().forEach(key -> row.put(key, JsonValues.of(record.get(key))));
            converted.add(row);
        }
        return new QueryResult(columns, converted, rows.truncated());
    }
}
