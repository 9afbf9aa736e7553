package dev.graphmemory.internal.cypher;

import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import java.util.List;
import java.util.Map;

/**
 * Patterns, which strengthen when observed again.
 *
 * <p>Recording is one statement with no check-then-create race: the MERGE on the unique (namespace, patternKey)
 * either creates the pattern or waits for whoever holds it. {@code SET p.touchedBy} then takes the node's write lock
 * before the counters are read, so concurrent observations queue up instead of losing increments. Each observation
 * carries an id generated before the transaction; the last {@value #OBSERVATION_WINDOW} ids are kept on the node, so
 * a transaction the driver re-runs after a lost commit acknowledgement does not count its observation twice.
 */
public final class PatternStatements {
    static final int OBSERVATION_WINDOW = 64;

    /**
     * Records the observations of {@code $<rows>}: one row per pattern, with the ids of its observations in this call.
     * Observations already counted (a re-run) are skipped.
     */
    public static String record(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (p:Pattern {namespace: $namespace, patternKey: row.patternKey})
                ON CREATE SET p:Memory:SearchPending:EmbedPending, p.id = row.id, p.description = row.description, p.type = row.type,
                    p.domain = row.domain, p.observations = 0, p.strength = 0.0, p.recentObservationIds = [],
                    p.firstObserved = datetime(), p.createdAt = datetime()
                SET p.touchedBy = row.observationIds[0]
                WITH row, p, [id IN row.observationIds WHERE NOT id IN p.recentObservationIds] AS fresh
                SET p.observations = p.observations + size(fresh),
                    p.recentObservationIds = (reverse(fresh) + p.recentObservationIds)[0..$window],
                    p.lastObserved = CASE WHEN size(fresh) > 0 THEN datetime() ELSE p.lastObserved END,
                    p.frequency = coalesce(row.frequency, p.frequency)
                WITH row, p
                SET p.strength = toFloat(CASE WHEN p.observations > 6 THEN 10 ELSE 4 + p.observations END) / 10.0
                """.formatted(rows);
    }

    static final String RECORD =
            record("rows") + "RETURN row.indexes AS indexes, p AS node, p.id = row.id AS created\n";

    static final String LIST = """
            MATCH (p:Pattern)
            WHERE p.namespace = $namespace AND p.strength >= coalesce($minStrength, 0.0)
              AND ($type IS NULL OR p.type = $type)
              AND ($domain IS NULL OR p.domain = $domain)
            RETURN p
            ORDER BY p.strength DESC, p.lastObserved DESC
            LIMIT $limit
            """;

    private PatternStatements() {}

    /**
     * The row of one pattern: the observations of the same pattern in one call become one row, so that the statement
     * touches each pattern once.
     */
    public static Map<String, Object> row(
            String key, List<Integer> indexes, String id, List<String> observationIds, PatternObservation pattern) {
        return Params.row(indexes.get(0))
                .with("indexes", indexes)
                .with("id", id)
                .with("observationIds", observationIds)
                .with("patternKey", key)
                .with("description", pattern.description())
                .with("type", pattern.type().value())
                .with("domain", pattern.domain())
                .with(
                        "frequency",
                        pattern.frequency() == null ? null : pattern.frequency().value())
                .map();
    }

    public static Statement<List<Outcome<Pattern>>> record(String namespace, List<Map<String, Object>> rows) {
        var params = Params.in(namespace).with("rows", rows).with("window", OBSERVATION_WINDOW);
        return Statement.write("recordPatterns", SearchIndexing.forRows(RECORD, rows.size()), params.map(), result -> {
            List<Outcome<Pattern>> items = new java.util.ArrayList<>();
            for (var record : result.records()) {
                Pattern pattern = Nodes.pattern(record.get("node").asNode());
                List<Integer> indexes = Batches.asIndexes(record.get("indexes"));
                for (int i = 0; i < indexes.size(); i++) {
                    boolean created = i == 0 && record.get("created").asBoolean();
                    items.add(Batches.stored(indexes.get(i), created, pattern));
                }
            }
            return items;
        });
    }

    public static Statement<List<Pattern>> list(String namespace, PatternQuery query) {
        var params = Params.in(namespace)
                .with("type", query.type() == null ? null : query.type().value())
                .with("domain", query.domain())
                .with("minStrength", query.minStrength())
                .with("limit", query.limit());
        return Statement.read(
                "getPatterns",
                LIST,
                params.map(),
                rows -> rows.records().stream()
                        .map(record -> Nodes.pattern(record.get("p").asNode()))
                        .toList());
    }

    /** What makes two observations the same pattern: see {@link PatternObservation#patternKey()}. */
    public static String key(PatternObservation pattern) {
        return pattern.patternKey();
    }
}
