package dev.graphmemory.app.migrate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * The graph the original adapter wrote, read from its Neo4j. It has no namespace, no constraints and no indexes, so
 * every read is a scan of one label, streamed (the driver fetches a thousand records at a time) in one auto-commit
 * query per label, never retried (what was handed on is not handed on twice); nothing is ever written to it.
 */
public final class OriginalGraph {
    /** The labels of the original's memories. */
    public static final List<String> LABELS =
            List.of("Entity", "Commitment", "Decision", "Pattern", "Session", "EnergyState");
    /** The relationship types the original wrote. */
    public static final List<String> TYPES =
            List.of("LEADS_TO", "INVOLVES", "LEARNED_FROM", "DURING", "IMPACTS", "PRECEDED_BY", "AT_ENERGY");

    private static final String OTHERS = """
            MATCH (n) WHERE NOT (n:Entity OR n:Commitment OR n:Decision OR n:Pattern OR n:Session OR n:EnergyState)
            RETURN count(n) AS n
            """;
    private static final String RELATIONSHIPS = """
            MATCH (a)-[r:LEADS_TO|INVOLVES|LEARNED_FROM|DURING|IMPACTS|PRECEDED_BY|AT_ENERGY]->(b)
            RETURN a.id AS from, labels(a) AS fromLabels, type(r) AS type, b.id AS to, labels(b) AS toLabels,
                properties(r) AS properties
            """;

    private final Driver driver;
    private final String database;

    /**
     * @param driver a driver connected to the original's Neo4j
     * @param database its database, or {@code null} for the server's default
     */
    public OriginalGraph(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /** How many nodes carry {@code label}. */
    public long count(String label) {
        return single("MATCH (n:" + checked(label) + ") RETURN count(n) AS n");
    }

    /** How many nodes carry none of the original's labels: other tools wrote them, and they are left alone. */
    public long others() {
        return single(OTHERS);
    }

    /** Hands each node of {@code label} to {@code each} as its label and properties, streamed. */
    public void nodes(String label, Consumer<OriginalNode> each) {
        try (Session session = session()) {
            // The properties only: the whole node would also bring its element id and labels, which cost the
            // original's server and this side's decoding and are not needed.
            session.run("MATCH (n:" + checked(label) + ") RETURN properties(n) AS n")
                    .forEachRemaining(record -> each.accept(new OriginalNode(
                            label, new HashMap<>(record.get("n").asMap()))));
        }
    }

    /** Hands each relationship of the original's types to {@code each}, streamed. */
    public void relationships(Consumer<OriginalRelationship> each) {
        try (Session session = session()) {
            session.run(RELATIONSHIPS).forEachRemaining(record -> each.accept(relationship(record)));
        }
    }

    private static OriginalRelationship relationship(Record record) {
        return new OriginalRelationship(
                string(record.get("from")),
                record.get("fromLabels").asList(Value::asString),
                record.get("type").asString(),
                string(record.get("to")),
                record.get("toLabels").asList(Value::asString),
                record.get("properties").asMap());
    }

    private static String string(Value value) {
        return value.isNull() ? null : String.valueOf(value.asObject());
    }

    private long single(String query) {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run(query).single().get("n").asLong());
        }
    }

    private Session session() {
        return driver.session(database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database));
    }

    /** Labels come from {@link #LABELS} only: never text from elsewhere in a query. */
    private static String checked(String label) {
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("not a label of the original: " + label);
        }
        return label;
    }

    /**
     * A node of the original.
     *
     * @param label its label (one of {@link #LABELS})
     * @param properties its properties as stored
     */
    public record OriginalNode(String label, Map<String, Object> properties) {}

    /**
     * A relationship of the original.
     *
     * @param fromId the original id of its start
     * @param fromLabels the labels of its start
     * @param type its type
     * @param toId the original id of its end
     * @param toLabels the labels of its end
     * @param properties its properties
     */
    public record OriginalRelationship(
            String fromId,
            List<String> fromLabels,
            String type,
            String toId,
            List<String> toLabels,
            Map<String, Object> properties) {}
}
