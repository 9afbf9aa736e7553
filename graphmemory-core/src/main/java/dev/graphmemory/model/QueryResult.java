package dev.graphmemory.model;

import java.util.List;
import java.util.Map;

/**
 * The rows of a read-only query, as JSON-safe values: strings, numbers, booleans, {@code null}, lists and maps.
 * Nodes become maps of their properties plus {@code _labels}; temporal values become ISO-8601 strings.
 *
 * @param columns the column names, in order
 * @param rows the rows, at most the row cap
 * @param truncated whether there were more rows than the cap
 */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {

    /** Copies the lists. */
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
