package dev.graphmemory.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.CommitOutcomeUnknownException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.testing.FaultProxy;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Connections that break, stall or run out, between a real driver and the real embedded Neo4j. */
@Neo4jTest
class ConnectionFaultIT {

    @Test
    void shouldResolveACommitCutInFlightToItsSingleResultByReRunning(
            SharedNeo4j neo4j, Driver driver, TestNamespace namespace) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory =
                        GraphMemory.connect(config(proxy, namespace).build())) {
            proxy.cutAfterNextCommit();

            Commitment stored = memory.createCommitment(NewCommitment.of("Survives a lost acknowledgement"));

            assertThat(proxy.commitCuts()).isEqualTo(1);
            assertThat(memory.getCommitments(CommitmentQuery.all())).containsExactly(stored);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
        }
    }

    @Test
    void shouldReportAnExplicitCommitCutInFlightAsOutcomeUnknownAndNeverDuplicate(
            SharedNeo4j neo4j, Driver driver, TestNamespace namespace) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory =
                        GraphMemory.connect(config(proxy, namespace).build())) {
            MemoryTransaction tx = memory.beginTransaction();
            tx.createCommitment(NewCommitment.of("Committed, acknowledgement lost"));
            proxy.cutAfterNextCommit();

            assertThatThrownBy(tx::commit).isInstanceOf(CommitOutcomeUnknownException.class);
            tx.close();

            assertThat(proxy.commitCuts()).isEqualTo(1);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
        }
    }

    @Test
    void shouldSurfaceAStalledConnectionAsATimeoutWithinTheDeadline(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory =
                        GraphMemory.connect(config(proxy, namespace).build())) {
            memory.createCommitment(NewCommitment.of("warm the pool"));
            proxy.stall();

            long started = System.nanoTime();
            assertThatThrownBy(() -> memory.createCommitment(NewCommitment.of("never arrives")))
                    .isInstanceOf(MemoryTimeoutException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            org.slf4j.LoggerFactory.getLogger(ConnectionFaultIT.class)
                    .info("a stalled connection surfaced as a timeout after {} ms", took.toMillis());

            // detected by the server's read-timeout hint (2 s here), retried within the 5 s budget, then reported
            assertThat(took).isLessThan(Duration.ofSeconds(20));
            proxy.pass();
            assertThat(memory.healthCheck().pool().inUse()).isZero();
        }
    }

    @Test
    void shouldTellCallersBeyondThePoolThatItIsBusy(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        MemoryConfig config = MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .maxConnectionPoolSize(2)
                .connectionAcquisitionTimeout(Duration.ofSeconds(2))
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            try (MemoryTransaction first = memory.beginTransaction();
                    MemoryTransaction second = memory.beginTransaction()) {
                first.createCommitment(NewCommitment.of("holds a connection"));
                second.createCommitment(NewCommitment.of("holds another"));

                assertThatThrownBy(() -> memory.createCommitment(NewCommitment.of("no connection left")))
                        .isInstanceOf(BusyException.class);
                assertThat(memory.healthCheck().pool().inUse()).isEqualTo(2);
            }
            assertThat(dev.graphmemory.contract.MemoryFixture.connectionsInUseWhenIdle(memory))
                    .isZero();
            assertThat(memory.healthCheck().pool().acquisitionTimeouts()).isPositive();
        }
    }

    private static MemoryConfig.Builder config(FaultProxy proxy, TestNamespace namespace) {
        return MemoryConfig.builder()
                .uri(proxy.uri())
                .namespace(namespace.value())
                .connectionTimeout(Duration.ofSeconds(2))
                .maxRetryTime(Duration.ofSeconds(5))
                .transactionTimeout(Duration.ofSeconds(5));
    }
}
