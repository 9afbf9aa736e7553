package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.QueryRefusedException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.QueryResult;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

@Neo4jTest
class QueryGraphContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRunAPinnedReadAndReturnJsonSafeValues(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createCommitment(NewCommitment.of("Send the created_at fix").priority(1));
        memory.createCommitment(NewCommitment.of("Low priority").priority(5));
        operations(Mode.ALONE, driver, namespace.sibling("b"))
                .createCommitment(NewCommitment.of("Foreign").priority(1));

        QueryResult result = memory.queryGraph(GraphQuery.of("""
                MATCH (c:Commitment) WHERE c.namespace = $namespace AND c.priority <= $max
                RETURN c.content AS content, c.createdAt AS created_at, c AS node, 1 AS offset
                ORDER BY content
                """, Map.of("max", 2)));

        assertThat(result.columns()).containsExactly("content", "created_at", "node", "offset");
        assertThat(result.rows()).hasSize(1);
        Map<String, Object> row = result.rows().get(0);
        assertThat(row.get("content")).isEqualTo("Send the created_at fix");
        assertThat(row.get("created_at")).isInstanceOf(String.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) row.get("node");
        assertThat(node)
                .containsEntry("_labels", List.of("Memory", "Commitment"))
                .doesNotContainKey("namespace");
        assertThat(row.get("offset")).isEqualTo(1L);
        assertThat(result.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseWritesAndChangeNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));

        for (String write : List.of(
                "CREATE (n:Memory {namespace: $namespace}) RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace DETACH DELETE n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace SET n.name = 'x' RETURN n")) {
            assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of(write))).isInstanceOf(QueryRefusedException.class);
        }
        assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of("MATCH (n) RETURN n")))
                .isInstanceOfSatisfying(
                        QueryRefusedException.class,
                        e -> assertThat(e.getMessage()).contains("n.namespace = $namespace"));
        assertThat(MemoryFixture.count(
                        driver, "MATCH (n:Entity {namespace: $ns, name: 'Acme'}) RETURN count(n)", namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCapRows(Mode mode, Driver driver, TestNamespace namespace) {
        GraphMemory capped =
                MemoryFixture.memory(driver, namespace, MemoryConfig.builder().queryRowLimit(5));
        MemoryOperations memory = operations(mode, capped);

        QueryResult result = memory.queryGraph(GraphQuery.of("UNWIND range(1, 100) AS i RETURN i"));

        assertThat(result.rows()).hasSize(5);
        assertThat(result.truncated()).isTrue();
    }
}
