package dev.graphmemory.internal;

import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Patterns, which strengthen when observed again.
 *
 * <p>Recording is one statement with no check-then-create race: the MERGE on the unique (namespace, patternKey)
 * either creates the pattern or waits for whoever holds it. {@code SET p.touchedBy} then takes the node's write lock
 * before the counters are read, so concurrent observations queue up instead of losing increments. Each observation
 * carries an id generated before the transaction; the last {@value #OBSERVATION_WINDOW} ids are kept on the node, so
 * a transaction the driver re-runs after a lost commit acknowledgement does not count its observation twice.
 */
final class PatternStatements {
    static final int OBSERVATION_WINDOW = 64;

    static final String RECORD = """
            MERGE (p:Pattern {namespace: $namespace, patternKey: $patternKey})
            ON CREATE SET p:Memory, p.id = $id, p.description = $description, p.type = $type, p.domain = $domain,
                p.observations = 0, p.strength = 0.0, p.recentObservationIds = [],
                p.firstObserved = datetime(), p.createdAt = datetime()
            SET p.touchedBy = $observationId
            WITH p, NOT $observationId IN p.recentObservationIds AS isNew
            SET p.observations = p.observations + CASE WHEN isNew THEN 1 ELSE 0 END,
                p.recentObservationIds = CASE WHEN isNew
                    THEN ([$observationId] + p.recentObservationIds)[0..$window]
                    ELSE p.recentObservationIds END,
                p.lastObserved = CASE WHEN isNew THEN datetime() ELSE p.lastObserved END,
                p.frequency = coalesce($frequency, p.frequency)
            WITH p
            SET p.strength = toFloat(CASE WHEN p.observations > 6 THEN 10 ELSE 4 + p.observations END) / 10.0
            RETURN p
            """;

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

    static Statement<Pattern> record(String namespace, String id, String observationId, PatternObservation pattern) {
        return Statement.write(
                "recordPattern",
                RECORD,
                recordParams(namespace, id, observationId, pattern).map(),
                rows -> Nodes.pattern(rows.single().get("p").asNode()));
    }

    static Params recordParams(String namespace, String id, String observationId, PatternObservation pattern) {
        return Params.in(namespace)
                .with("id", id)
                .with("observationId", observationId)
                .with("patternKey", key(pattern))
                .with("description", pattern.description())
                .with("type", pattern.type().value())
                .with("domain", pattern.domain())
                .with(
                        "frequency",
                        pattern.frequency() == null ? null : pattern.frequency().value())
                .with("window", OBSERVATION_WINDOW);
    }

    static Statement<List<Pattern>> list(String namespace, PatternQuery query) {
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

    /**
     * What makes two observations the same pattern: type, domain and the normalized description. Hashed, because a
     * description may be longer than an index key can hold.
     */
    static String key(PatternObservation pattern) {
        String identity =
                pattern.type().value() + "\n" + pattern.domain() + "\n" + Validate.normalizedKey(pattern.description());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
