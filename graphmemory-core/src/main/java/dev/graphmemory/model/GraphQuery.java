package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only Cypher query for {@code queryGraph}. The query must filter every node it starts from by
 * {@code namespace = $namespace}; graphmemory supplies {@code $namespace} itself.
 *
 * <pre>{@code
 * GraphQuery query = GraphQuery.of(
 *         "MATCH (c:Commitment) WHERE c.namespace = $namespace AND c.priority <= $p RETURN c.content AS content",
 *         Map.of("p", 2));
 * }</pre>
 *
 * @param query the Cypher text (required, at most {@value Limits#QUERY} characters)
 * @param parameters its parameters (strings, numbers, booleans, lists and maps of those); must not set
 *     {@code namespace}
 * @param maxChars at most this many characters in the answer, counted as its JSON text would count them,
 *     {@value Limits#MIN_MAX_CHARS} to {@value Limits#MAX_CHARS}; {@code null} means
 *     {@value Limits#DEFAULT_QUERY_MAX_CHARS}. Rows past the budget are left out, a value that does not fit is cut (a
 *     string ends in …), and the result is marked truncated.
 */
public record GraphQuery(String query, Map<String, Object> parameters, Integer maxChars) {

    /** Checks the text, the parameter names and the budget. */
    public GraphQuery {
        query = Validate.text("query", query, Limits.QUERY);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (parameters.containsKey("namespace")) {
            throw new InvalidInputException("parameters", "must not set 'namespace'; graphmemory supplies it");
        }
        maxChars = Validate.optionalRange(
                "maxChars", maxChars, Limits.DEFAULT_QUERY_MAX_CHARS, Limits.MIN_MAX_CHARS, Limits.MAX_CHARS);
    }

    /** A query with the default budget. */
    public GraphQuery(String query, Map<String, Object> parameters) {
        this(query, parameters, null);
    }

    /** A query with parameters. */
    public static GraphQuery of(String query, Map<String, Object> parameters) {
        return new GraphQuery(query, parameters);
    }

    /** A query without parameters. */
    public static GraphQuery of(String query) {
        return new GraphQuery(query, Map.of());
    }

    /** The same query with at most {@code budget} characters in its answer. */
    public GraphQuery maxChars(int budget) {
        return new GraphQuery(query, parameters, budget);
    }
}
