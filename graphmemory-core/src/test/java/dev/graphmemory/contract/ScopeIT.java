package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.MemorySession;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;

/** What a scope promises: all or nothing, rollback on close, the same ids on a retry. */
@Neo4jTest
class ScopeIT {
    private static final int OPERATIONS = 5;

    @ParameterizedTest(name = "failure after operation {0}")
    @ValueSource(ints = {0, 2, OPERATIONS})
    void shouldLeaveNothingWhenACallbackFailsAfterAnyOperation(int failAt, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            IllegalStateException failure = new IllegalStateException("stop at " + failAt);

            assertThatThrownBy(() -> memory.inTransaction(tx -> {
                        remember(tx, failAt);
                        throw failure;
                    }))
                    .isSameAs(failure);

            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
            assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
        }
    }

    @ParameterizedTest(name = "closed uncommitted after operation {0}")
    @ValueSource(ints = {0, 2, OPERATIONS})
    void shouldRollBackAnExplicitTransactionClosedWithoutCommit(int stopAt, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            try (MemoryTransaction tx = memory.beginTransaction()) {
                remember(tx, stopAt);
                assertThat(tx.isOpen()).isTrue();
            }
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    @Test
    void shouldCommitEverythingOfACallbackTogether(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            List<String> ids = memory.inTransaction(tx -> remember(tx, OPERATIONS));

            assertThat(ids).hasSize(OPERATIONS);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(OPERATIONS);
            assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(OPERATIONS - 1);
        }
    }

    @Test
    void shouldCommitAnExplicitTransactionAndThenRefuseMoreWork(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            MemoryTransaction tx = memory.beginTransaction();
            remember(tx, 2);
            tx.commit();

            assertThat(tx.isOpen()).isFalse();
            assertThatThrownBy(() -> tx.createCommitment(NewCommitment.of("late")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
            tx.close();
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(2);
        }
    }

    @Test
    void shouldRollBackOnRequest(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace);
                MemoryTransaction tx = memory.beginTransaction()) {
            remember(tx, 3);
            tx.rollback();
            assertThat(tx.isOpen()).isFalse();
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    @Test
    void shouldReplayTheSameIdsWhenTheDriverRetriesACallback(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            AtomicInteger attempts = new AtomicInteger();
            List<String> seen = new ArrayList<>();

            String id = memory.inTransaction(tx -> {
                String created =
                        tx.createCommitment(NewCommitment.of("Retried")).id();
                seen.add(created);
                if (attempts.incrementAndGet() == 1) {
                    throw new TransientException("Neo.TransientError.Test.Injected", "injected transient failure");
                }
                return created;
            });

            assertThat(attempts).hasValue(2);
            assertThat(seen).containsExactly(id, id);
            assertThat(memory.getCommitments(CommitmentQuery.all()))
                    .extracting(Commitment::id)
                    .containsExactly(id);
        }
    }

    @Test
    void shouldRefuseUseOfCallbackOperationsAfterTheCallback(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            MemoryOperations escaped = memory.inTransaction(tx -> tx);

            assertThatThrownBy(() -> escaped.createCommitment(NewCommitment.of("outside")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldReadItsOwnWritesInASessionAndAcrossCalls(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            try (MemorySession session = memory.openSession()) {
                Commitment commitment = session.createCommitment(NewCommitment.of("Seen at once"));
                assertThat(session.getCommitments(CommitmentQuery.all())).containsExactly(commitment);
            }
            assertThat(memory.getCommitments(CommitmentQuery.all())).hasSize(1);
        }
    }

    /** Stores {@code count} memories linked in a chain and returns their ids. */
    static List<String> remember(MemoryOperations memory, int count) {
        List<String> ids = new ArrayList<>();
        String entity = null;
        for (int i = 0; i < count; i++) {
            if (i == 0) {
                entity = memory.createEntity(NewEntity.of("Client " + i, EntityType.CLIENT))
                        .id();
                ids.add(entity);
            } else {
                String commitment =
                        memory.createCommitment(NewCommitment.of("Step " + i)).id();
                memory.linkNodes(NewLink.of(commitment, RelationshipType.INVOLVES, entity));
                ids.add(commitment);
            }
        }
        return ids;
    }
}
