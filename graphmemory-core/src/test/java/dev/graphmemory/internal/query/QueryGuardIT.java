package dev.graphmemory.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.QueryRefusedException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;

/** The read-only query guard against the real planner: what it accepts and what it refuses. */
@Neo4jTest
class QueryGuardIT {

    static Stream<String> reads() {
        return Stream.of(
                "MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN c.content AS content",
                "MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN c.createdAt AS created_at, 1 AS offset",
                "MATCH (c:Commitment {namespace: $namespace}) RETURN count(c) AS n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace AND n.content CONTAINS 'CREATE' RETURN n",
                "MATCH (n) WHERE n.namespace = $namespace RETURN labels(n), n.id",
                "MATCH (e:Entity)<-[:INVOLVES]-(c:Commitment) WHERE e.namespace = $namespace RETURN e.name, c.content",
                "MATCH (c:Commitment)-[:INVOLVES]->(e:Entity) WHERE c.namespace = $namespace RETURN e.name, count(*) AS n",
                "MATCH p = (a:Memory)-[*1..3]-(b) WHERE a.namespace = $namespace RETURN p LIMIT 5",
                "MATCH (a:Memory) WHERE a.namespace = $namespace "
                        + "OPTIONAL MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id ORDER BY a.id SKIP 0 LIMIT 10",
                "MATCH (a:Memory) WHERE a.namespace = $namespace WITH a, COUNT { (a)--() } AS degree RETURN a.id, degree",
                "MATCH (d:Decision) WHERE d.namespace = $namespace AND d.createdAt > datetime() - duration('P7D') RETURN d",
                "MATCH (e:Entity) WHERE $namespace = e.namespace AND toLower(e.name) STARTS WITH 'a' RETURN e.name",
                "MATCH (a:Memory {namespace: $namespace}) CALL (a) { MATCH (a)--(b) RETURN count(b) AS n } RETURN a.id, n",
                "MATCH (a:Memory), (b:Memory) WHERE a.namespace = $namespace AND b.namespace = $namespace "
                        + "AND a.id < b.id RETURN count(*)",
                "UNWIND [1, 2, 3] AS x RETURN x * 2 AS doubled",
                "RETURN 1 AS one",
                "CALL db.labels() YIELD label RETURN label",
                "MATCH (c:Commitment) WHERE c.namespace = $namespace "
                        + "RETURN collect(c.content) AS contents, avg(c.priority) AS priority");
    }

    static Stream<String> refusals() {
        return Stream.of(
                "CREATE (n:Memory {namespace: $namespace})",
                "MERGE (n:Entity {namespace: $namespace, nameKey: 'x'}) RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace SET n.x = 1",
                "MATCH (n:Memory) WHERE n.namespace = $namespace DELETE n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace DETACH DELETE n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace REMOVE n.content",
                "MATCH (n:Memory) WHERE n.namespace = $namespace FOREACH (x IN [1] | SET n.y = x)",
                "MATCH (n:Memory) WHERE n.namespace = $namespace CALL (n) { SET n.z = 1 } RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
                "CREATE INDEX hostile IF NOT EXISTS FOR (n:Memory) ON (n.content)",
                "DROP CONSTRAINT gm_memory_id",
                "CREATE CONSTRAINT hostile IF NOT EXISTS FOR (n:X) REQUIRE n.y IS UNIQUE",
                "SHOW INDEXES",
                "SHOW TRANSACTIONS",
                "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
                "LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row",
                "CALL dbms.components()",
                "CALL dbms.listConfig() YIELD name RETURN name",
                "CALL db.createLabel('Hostile')",
                "CALL db.index.fulltext.queryNodes('x', 'y')",
                "MATCH (n) RETURN n",
                "MATCH (n:Memory) RETURN n.content",
                "MATCH (n:Memory) RETURN count(n)",
                "MATCH ()-[r:INVOLVES]->() RETURN r",
                "MATCH (n:Memory) WHERE n.namespace = $namespace OR true RETURN n",
                "MATCH (n:Memory) WHERE n.namespace <> $namespace RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = 'default' RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace MATCH (m:Memory) RETURN m.content",
                "MATCH (n:Memory) WITH collect(n) AS all UNWIND all AS m WITH m WHERE m.namespace = $namespace RETURN m",
                "MATCH (n:Memory) WHERE n.namespace = $namespace RETURN COUNT { MATCH (x:Memory) RETURN x } AS leak",
                "cReAtE (n:Memory)",
                "MATCH (n:Memory) WHERE n.namespace = $namespace RETURN n; CREATE (x)",
                "/* comment */ CREATE (n) // trailing",
                "USE system SHOW USERS");
    }

    @ParameterizedTest
    @MethodSource("reads")
    void shouldRunReads(String query, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = seeded(driver, namespace)) {
            assertThat(memory.queryGraph(GraphQuery.of(query))).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void shouldRefuseWritesSchemaAdminFilesProceduresAndForeignReads(
            String query, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = seeded(driver, namespace)) {
            long before = MemoryFixture.count(driver, "MATCH (n) RETURN count(n)", namespace);
            long indexes = MemoryFixture.count(driver, "SHOW INDEXES YIELD name RETURN count(name)", namespace);

            assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of(query)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(
                            e -> assertThat(((MemoryException) e).errorCode()).isIn("query_refused", "invalid_input"));

            assertThat(MemoryFixture.count(driver, "MATCH (n) RETURN count(n)", namespace))
                    .isEqualTo(before);
            assertThat(MemoryFixture.count(driver, "SHOW INDEXES YIELD name RETURN count(name)", namespace))
                    .isEqualTo(indexes);
        }
    }

    @Test
    void shouldRefuseToLetTheQuerySetTheNamespace(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = seeded(driver, namespace)) {
            assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of(
                            "MATCH (n:Memory) WHERE n.namespace = $namespace RETURN n", Map.of("namespace", "other"))))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("parameters"));
        }
    }

    @Test
    void shouldExplainWhatToAddWhenANodeIsNotPinned(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = seeded(driver, namespace)) {
            assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of("MATCH (person:Entity) RETURN person.name")))
                    .isInstanceOf(QueryRefusedException.class)
                    .hasMessageContaining("WHERE person.namespace = $namespace");
        }
    }

    private static GraphMemory seeded(Driver driver, TestNamespace namespace) {
        GraphMemory memory = MemoryFixture.memory(driver, namespace);
        var entity = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        var commitment = memory.createCommitment(NewCommitment.of("Ship it"));
        memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, entity.id()));
        return memory;
    }
}
