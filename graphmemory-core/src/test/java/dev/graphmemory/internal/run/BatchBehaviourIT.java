package dev.graphmemory.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.cypher.CommitmentStatements;
import dev.graphmemory.internal.cypher.DecisionStatements;
import dev.graphmemory.internal.cypher.EntityStatements;
import dev.graphmemory.internal.cypher.PatternStatements;
import dev.graphmemory.internal.cypher.StoreMemoryStatement;
import dev.graphmemory.internal.work.Chain;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.BatchResult.Status;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;

/** Chunking, atomicity across chunks, per-chunk isolation, and re-running committed work. */
@Neo4jTest
class BatchBehaviourIT {
    private static final int LINKS = 100;

    @ParameterizedTest(name = "refused link at {0}")
    @ValueSource(ints = {0, LINKS / 2, LINKS - 1})
    void shouldLeaveNothingOfAnAtomicMultiChunkBatchThatFailsAtItemK(int k, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 10)) {
            List<Entity> people =
                    memory.createEntities(people(LINKS), BatchMode.ATOMIC).values();
            Commitment meeting = memory.createCommitment(NewCommitment.of("All hands"));
            List<NewLink> links = new ArrayList<>();
            for (int i = 0; i < LINKS; i++) {
                String to = i == k ? "no-such-entity" : people.get(i).id();
                links.add(NewLink.of(meeting.id(), RelationshipType.INVOLVES, to));
            }

            assertThatThrownBy(() -> memory.linkNodes(links, BatchMode.ATOMIC))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.field()).isEqualTo("links[" + k + "].toId"));

            assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
        }
    }

    /**
     * A transaction scope stays open after a refused batch, and may be committed: the links of the other chunks
     * (here the other relationship type, a statement of its own) must not have been written by then.
     */
    @ParameterizedTest(name = "refused link at {0}")
    @ValueSource(ints = {0, LINKS / 2, LINKS - 1})
    void shouldLeaveNothingOfARefusedAtomicBatchInACommittedScope(int k, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 2_000)) {
            List<Entity> people =
                    memory.createEntities(people(LINKS), BatchMode.ATOMIC).values();
            Commitment meeting = memory.createCommitment(NewCommitment.of("All hands"));
            List<NewLink> links = new ArrayList<>();
            for (int i = 0; i < LINKS; i++) {
                String to = i == k ? "no-such-entity" : people.get(i).id();
                links.add(NewLink.of(
                        meeting.id(), i % 2 == 0 ? RelationshipType.INVOLVES : RelationshipType.IMPACTS, to));
            }

            try (MemoryTransaction tx = memory.beginTransaction()) {
                assertThatThrownBy(() -> tx.linkNodes(links, BatchMode.ATOMIC))
                        .isInstanceOfSatisfying(
                                NotFoundException.class,
                                e -> assertThat(e.field()).isEqualTo("links[" + k + "].toId"));
                assertThat(tx.isOpen()).isTrue();
                tx.commit();
            }

            assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
        }
    }

    @ParameterizedTest(name = "failure at entity {0}")
    @ValueSource(ints = {0, 50, 99})
    void shouldLeaveNothingOfATransactionScopeThatFailsAfterABatch(int k, Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 10)) {
            assertThatThrownBy(() -> memory.inTransaction(tx -> {
                        tx.createEntities(people(k + 1), BatchMode.BEST_EFFORT);
                        throw new IllegalStateException("failed after entity " + k);
                    }))
                    .hasMessageContaining("failed after entity " + k);

            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    @Test
    void shouldKeepTheOtherChunksWhenOneChunkOfABestEffortBatchFails(Driver driver, TestNamespace namespace) {
        MemoryConfig.Builder config =
                MemoryConfig.builder().batchChunkSize(10).transactionTimeout(Duration.ofSeconds(1));
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, config)) {
            memory.createEntity(NewEntity.of("Person 15", EntityType.PERSON));
            BatchResult<Entity> result;
            try (MemoryTransaction holder = memory.beginTransaction()) {
                holder.createEntity(NewEntity.of("Person 15", EntityType.PERSON).notes("holds the lock"));
                result = memory.createEntities(people(30), BatchMode.BEST_EFFORT);
            }

            List<Integer> failed =
                    result.failures().stream().map(BatchResult.Item::index).toList();
            assertThat(failed).hasSize(10).contains(15);
            assertThat(result.failures()).allMatch(item -> item.errorCode().equals("timeout"));
            assertThat(result.count(Status.CREATED)).isEqualTo(20);
            assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(21);
        }
    }

    @Test
    void shouldLeaveExactlyOneCopyWhenCommittedWorkRunsAgainWithItsIds(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 7)) {
            DefaultGraphMemory executor = (DefaultGraphMemory) memory;
            OperationTable ops = executor.operations();
            Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
            List<Work<?>> works = List.of(
                    ops.createEntities(people(20), BatchMode.ATOMIC).inOneTransaction(),
                    ops.createCommitments(List.of(NewCommitment.of("a"), NewCommitment.of("b")), BatchMode.ATOMIC)
                            .inOneTransaction(),
                    ops.recordDecisions(List.of(NewDecision.of("d", "r")), BatchMode.ATOMIC)
                            .inOneTransaction(),
                    ops.recordPatterns(
                                    List.of(
                                            PatternObservation.of("p", PatternType.BEHAVIOR),
                                            PatternObservation.of("P", PatternType.BEHAVIOR)),
                                    BatchMode.ATOMIC)
                            .inOneTransaction(),
                    ops.storeMemory(NewMemory.builder()
                            .commitment("c", NewCommitment.of("stored once"))
                            .pattern("q", PatternObservation.of("q", PatternType.TRIGGER))
                            .link("c", RelationshipType.INVOLVES, acme.id())
                            .build()));

            for (Work<?> work : works) {
                executor.execute(work); // committed...
                executor.execute(work); // ...and run again, as the driver does after a lost acknowledgement
            }

            assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(21);
            assertThat(MemoryFixture.count(driver, "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace))
                    .isEqualTo(3);
            assertThat(MemoryFixture.count(driver, "MATCH (d:Decision {namespace: $ns}) RETURN count(d)", namespace))
                    .isEqualTo(1);
            assertThat(MemoryFixture.count(
                            driver, "MATCH (p:Pattern {namespace: $ns}) RETURN sum(p.observations)", namespace))
                    .isEqualTo(3);
            assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(1);
        }
    }

    @Test
    void shouldStoreAMemoryAsOneStatementWithTheCypherOfTheSingleWrites(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 100)) {
            OperationTable operations = ((DefaultGraphMemory) memory).operations();
            NewMemory.Builder turn = NewMemory.builder()
                    .commitment("c", NewCommitment.of("x"))
                    .decision("d", NewDecision.of("y", "z"))
                    .entity("a", NewEntity.of("A", EntityType.PERSON))
                    .entity("b", NewEntity.of("B", EntityType.PERSON))
                    .link("d", RelationshipType.LEADS_TO, "c")
                    .link("c", RelationshipType.INVOLVES, "a")
                    .link("c", RelationshipType.INVOLVES, "b");
            Work<?> work = operations.storeMemory(turn.build());

            // no link to a stored memory, so nothing to check first: one statement, each kind's Cypher in it
            assertThat(work).isInstanceOf(Statement.class);
            assertThat(((Statement<?>) work).text())
                    .isEqualTo(StoreMemoryStatement.STORE_WITHOUT_PATTERNS)
                    .contains(
                            CommitmentStatements.create("commitments").indent(2),
                            DecisionStatements.create("decisions").indent(2),
                            EntityStatements.upsert("entities").indent(2))
                    .doesNotContain(PatternStatements.record("patterns").indent(2));
            assertThat(StatementCatalogue.first(operations.storeMemory(NewMemory.builder()
                                    .pattern("p", PatternObservation.of("x", PatternType.BEHAVIOR))
                                    .build()))
                            .text())
                    .isEqualTo(StoreMemoryStatement.STORE)
                    .contains(PatternStatements.record("patterns").indent(2))
                    .startsWith(StoreMemoryStatement.STORE_WITHOUT_PATTERNS.substring(0, 100));
            assertThat(work.mode()).isEqualTo(org.neo4j.driver.AccessMode.WRITE);

            // a link to a stored memory: its ends checked first, then the same statement
            Work<?> linked = operations.storeMemory(
                    turn.link("d", RelationshipType.LEARNED_FROM, "0192f0a0-0000-7000-8000-000000000000")
                            .build());
            assertThat(linked).isInstanceOf(Chain.class);
            assertThat(StatementCatalogue.first(linked).text()).isEqualTo(StoreMemoryStatement.CHECK_EXTERNALS);
            assertThat(linked.mode()).isEqualTo(org.neo4j.driver.AccessMode.WRITE);
        }
    }

    @Test
    void shouldCutABatchIntoChunksOfTheConfiguredSizeInLockOrder(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace, 1_000)) {
            var batch = ((DefaultGraphMemory) memory).operations().createEntities(people(2_500), BatchMode.ATOMIC);

            assertThat(batch.chunks()).hasSize(3);
            assertThat(batch.chunks().get(0).indexes()).hasSize(1_000);
            @SuppressWarnings("unchecked")
            var rows = (List<java.util.Map<String, Object>>)
                    batch.chunks().get(1).statement().parameters().get("rows");
            assertThat(rows).extracting(row -> (String) row.get("nameKey")).isSorted();
            assertThat(memory.createEntities(people(2_500), BatchMode.ATOMIC).count(Status.CREATED))
                    .isEqualTo(2_500);
        }
    }

    static List<NewEntity> people(int count) {
        List<NewEntity> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(NewEntity.of("Person " + i, EntityType.PERSON));
        }
        return people;
    }

    private static GraphMemory memory(Driver driver, TestNamespace namespace, int chunkSize) {
        return MemoryFixture.memory(driver, namespace, MemoryConfig.builder().batchChunkSize(chunkSize));
    }
}
