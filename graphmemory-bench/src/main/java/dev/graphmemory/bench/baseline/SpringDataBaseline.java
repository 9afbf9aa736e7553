package dev.graphmemory.bench.baseline;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.mapping.Neo4jMappingContext;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * What a Java team would otherwise write: Spring Data Neo4j's {@link Neo4jTemplate} saving an annotated aggregate
 * (a commitment with its related entities), wired as Spring Boot's auto-configuration wires it (a client, a mapping
 * context and a transaction manager on one driver and database), without starting an application context.
 *
 * <p>The nodes carry the library's labels, {@code SearchPending} included, so that the library's search indexer
 * moves them into the full-text index as it does the library's own new nodes. Spring Data looks nodes up by their primary label ({@code Commitment},
 * {@code Entity}; two classes cannot share {@code Memory}), so {@link #createIndexes} gives it the id indexes a team
 * would create for those lookups, and {@link #dropIndexes} removes them again.
 */
public final class SpringDataBaseline {
    private final Neo4jTemplate template;

    public SpringDataBaseline(Driver driver, String database) {
        DatabaseSelectionProvider databases = DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database);
        Neo4jClient client = Neo4jClient.with(driver)
                .withDatabaseSelectionProvider(databases)
                .build();
        Neo4jMappingContext mapping = new Neo4jMappingContext();
        mapping.setInitialEntitySet(Set.of(CommitmentNode.class, EntityNode.class));
        mapping.initialize();
        Neo4jTransactionManager transactions = Neo4jTransactionManager.with(driver)
                .withDatabaseSelectionProvider(databases)
                .build();
        this.template = new Neo4jTemplate(client, mapping, transactions);
    }

    private static final java.util.List<String> INDEXES = java.util.List.of(
            "CREATE INDEX sdn_commitment_id IF NOT EXISTS FOR (n:Commitment) ON (n.id)",
            "CREATE INDEX sdn_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id)");

    /** Creates the indexes on the primary labels' ids and waits until they are online. */
    public static void createIndexes(Driver driver, String database) {
        try (var session = driver.session(org.neo4j.driver.SessionConfig.forDatabase(database))) {
            INDEXES.forEach(index -> session.run(index).consume());
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    /** Drops the indexes of {@link #createIndexes}. */
    public static void dropIndexes(Driver driver, String database) {
        try (var session = driver.session(org.neo4j.driver.SessionConfig.forDatabase(database))) {
            session.run("DROP INDEX sdn_commitment_id IF EXISTS").consume();
            session.run("DROP INDEX sdn_entity_id IF EXISTS").consume();
        }
    }

    /** Saves a new commitment and its new related entities in one transaction; returns the saved commitment. */
    public CommitmentNode saveCommitment(String namespace, String content, List<String> entityNames) {
        List<EntityNode> entities = new ArrayList<>();
        for (String name : entityNames) {
            entities.add(new EntityNode(Uuid7.next(), namespace, name, "person"));
        }
        return template.save(new CommitmentNode(Uuid7.next(), namespace, content, entities));
    }

    /** A commitment, as a Spring Data Neo4j entity. */
    @Node(
            primaryLabel = "Commitment",
            labels = {"Memory", "SearchPending"})
    public static final class CommitmentNode {
        @Id
        private String id;

        private String namespace;
        private String content;
        private String toWhom = "self";
        private String domain = "work";
        private int priority = 3;
        private String status = "pending";
        private ZonedDateTime createdAt = ZonedDateTime.now();

        @Relationship(type = "INVOLVES")
        private List<EntityNode> involves;

        public CommitmentNode(String id, String namespace, String content, List<EntityNode> involves) {
            this.id = id;
            this.namespace = namespace;
            this.content = content;
            this.involves = involves;
        }

        public String getId() {
            return id;
        }

        public List<EntityNode> getInvolves() {
            return involves;
        }
    }

    /** An entity, as a Spring Data Neo4j entity. */
    @Node(
            primaryLabel = "Entity",
            labels = {"Memory", "SearchPending"})
    public static final class EntityNode {
        @Id
        private String id;

        private String namespace;
        private String name;
        private String type;
        private String domain = "work";
        private ZonedDateTime createdAt = ZonedDateTime.now();

        public EntityNode(String id, String namespace, String name, String type) {
            this.id = id;
            this.namespace = namespace;
            this.name = name;
            this.type = type;
        }

        public String getId() {
            return id;
        }
    }
}
