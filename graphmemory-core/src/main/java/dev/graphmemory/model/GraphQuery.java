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
 */
public record GraphQuery(String query, Map<String, Object> parameters) {

    /** Checks the text and the parameter names. */
    public GraphQuery {
        query = Validate.text("query", query, Limits.QUERY);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (parameters.containsKey("namespace")) {
            throw new InvalidInputException("parameters", "must not set 'namespace'; graphmemory supplies it");
        }
    }

    /** A query with parameters. */
    public static GraphQuery of(String query, Map<String, Object> parameters) {
        return new GraphQuery(query, parameters);
    }

    /** A query without parameters. */
    public static GraphQuery of(String query) {
        return new GraphQuery(query, Map.of());
    }
}
