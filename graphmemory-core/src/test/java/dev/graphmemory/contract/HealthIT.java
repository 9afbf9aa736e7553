package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

@Neo4jTest
class HealthIT {

    @Test
    void shouldReportAHealthyServerWithItsSchemaAndPool(SharedNeo4j neo4j, TestNamespace namespace) {
        MemoryConfig config = MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            Health health = memory.healthCheck();

            assertThat(health.healthy()).isTrue();
            assertThat(health.problem()).isNull();
            assertThat(health.serverAgent()).startsWith("Neo4j/5.26");
            assertThat(health.edition()).isEqualTo("community");
            assertThat(health.database()).isEqualTo("neo4j");
            assertThat(health.schemaVersion()).isEqualTo(Schema.VERSION);
            assertThat(health.missingSchema()).isEmpty();
            assertThat(health.roundTrip()).isPositive();
            assertThat(health.pool()).isNotNull();
            assertThat(health.pool().inUse()).isZero();
            assertThat(health.pool().idle()).isPositive();
        }
    }

    @Test
    void shouldReportAMissingIndexAndRepairItOnTheNextStart(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            MemoryFixture.write(driver, "DROP INDEX gm_energy_recent", Map.of());

            Health broken = memory.healthCheck();
            assertThat(broken.healthy()).isFalse();
            assertThat(broken.missingSchema()).containsExactly("gm_energy_recent");
            assertThat(broken.problem()).contains("gm_energy_recent");
            assertThat(broken.pool()).isNull();
        }
        try (GraphMemory repaired = MemoryFixture.memory(driver, namespace)) {
            assertThat(repaired.healthCheck().healthy()).isTrue();
        }
    }

    @Test
    void shouldRecreateADroppedConstraintAndVectorIndexOnTheNextStart(Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close();
        // A constraint is checked through its backing index, which SHOW INDEXES lists under the constraint's name.
        MemoryFixture.write(driver, "DROP CONSTRAINT gm_entity_key", Map.of());
        MemoryFixture.write(driver, "DROP INDEX gm_memory_embedding", Map.of());

        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            Health health = memory.healthCheck();
            assertThat(health.healthy()).isTrue();
            assertThat(health.missingSchema()).isEmpty();
        }
    }

    @Test
    void shouldUpgradeASchemaOfVersionOne(Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close();
        for (String index : List.of(
                "gm_search_text",
                "gm_search_pending",
                "gm_memory_embedding",
                "gm_commitment_completed",
                "gm_conversation_ended",
                "gm_decision_superseded",
                "gm_pattern_observed")) {
            MemoryFixture.write(driver, "DROP INDEX " + index, Map.of());
        }
        MemoryFixture.write(driver, "DROP CONSTRAINT gm_audit_id", Map.of());
        MemoryFixture.write(driver, "MATCH (s:GraphMemorySchema {name: 'graphmemory'}) SET s.version = 1", Map.of());

        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            Health health = memory.healthCheck();
            assertThat(health.healthy()).isTrue();
            assertThat(health.schemaVersion()).isEqualTo(Schema.VERSION);
            assertThat(health.missingSchema()).isEmpty();
            assertThat(memory.searchMemory(SearchQuery.of("anything")).hits()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAVectorIndexOfAnotherSize(Driver driver, TestNamespace namespace) {
        assertThatThrownBy(() -> MemoryFixture.memory(
                        driver, namespace, MemoryConfig.builder().embeddingDimensions(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made for 384 dimensions")
                .hasMessageContaining("embeddingDimensions is 8");
    }

    @Test
    void shouldFailFastWithATypedErrorWhenNothingListens() {
        MemoryConfig config = MemoryConfig.builder()
                .uri(URI.create("bolt://127.0.0.1:1"))
                .connectionTimeout(Duration.ofSeconds(2))
                .build();
        assertThatThrownBy(() -> GraphMemory.connect(config)).isInstanceOf(UnavailableException.class);
    }
}
