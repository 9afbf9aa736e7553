package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;

@Neo4jTest
class MetricsIT {

    @Test
    void shouldMeasureOperationsRetriesFailuresWritesAndThePool(SharedNeo4j neo4j, TestNamespace namespace) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MemoryConfig config = MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .meterRegistry(registry)
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
            memory.createCommitment(NewCommitment.of("Measured"));
            assertThatThrownBy(() -> memory.completeCommitment("missing", null)).isInstanceOf(NotFoundException.class);
            AtomicInteger attempts = new AtomicInteger();
            memory.inTransaction(tx -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new TransientException("Neo.TransientError.Test", "injected");
                }
                return tx.createEntity(NewEntity.of("Retried", EntityType.PERSON));
            });
            memory.async()
                    .createEntity(NewEntity.of("Async", EntityType.PERSON))
                    .toCompletableFuture()
                    .join();

            assertThat(registry.get("graphmemory.operation")
                            .tag("operation", "createEntities")
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(2);
            assertThat(registry.get("graphmemory.operation")
                            .tag("operation", "completeCommitment")
                            .tag("outcome", "not_found")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("graphmemory.retries")
                            .tag("operation", "inTransaction")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("graphmemory.writes")
                            .tag("kind", "nodes.created")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(4);
            assertThat(registry.get("graphmemory.pool.idle").gauge().value()).isPositive();
            // The background workers (search indexer, plan warm-up) borrow a connection now and then: once they are
            // idle, every connection is back in the pool.
            MemoryFixture.waitFor(
                    "the connections to come back",
                    () -> registry.get("graphmemory.pool.in.use").gauge().value() == 0);
            assertThat(registry.get("graphmemory.pool.in.use").gauge().value()).isZero();
        }
    }

    @Test
    void shouldRefuseAnythingButAMeterRegistry() {
        assertThatThrownBy(() -> MemoryConfig.builder().meterRegistry("not a registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MeterRegistry");
    }
}
