package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Aliases of entities, merging, and likely duplicates: through every mode, under concurrency, with bad input. */
@Neo4jTest
class EntityAliasIT extends ContractSupport {

    private static final String KEYS = "MATCH (k:EntityKey) WHERE k.namespace = $ns RETURN count(k)";

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindAnEntityByAnyOfItsAliases(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity robert = memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));

        Entity aliased = memory.addEntityAliases("robert  smith", List.of("Bob", "Bobby", "bob"));
        Commitment call = memory.createCommitment(NewCommitment.of("Call Bob"));
        memory.linkNodes(NewLink.of(call.id(), RelationshipType.INVOLVES, robert.id()));
        Entity again =
                memory.createEntity(NewEntity.of("BOBBY", EntityType.PERSON).notes("Likes tea"));

        assertThat(aliased.id()).isEqualTo(robert.id());
        assertThat(aliased.aliases()).containsExactly("Bob", "Bobby");
        assertThat(memory.getEntityContext("bob").entity().id()).isEqualTo(robert.id());
        assertThat(memory.getEntityContext("  BOBBY ").commitments())
                .extracting(Commitment::id)
                .containsExactly(call.id());
        assertThat(again.id()).as("storing an alias updates its entity").isEqualTo(robert.id());
        assertThat(again.notes()).isEqualTo("Likes tea");
        assertThat(memory.addEntityAliases("Bob", List.of("Bobby")))
                .as("an alias it has changes nothing")
                .isEqualTo(again);
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity) WHERE e.namespace = $ns RETURN count(e)", namespace))
                .isEqualTo(1);
        assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRemoveAnAliasButNeverTheName(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
        memory.addEntityAliases("Robert Smith", List.of("Bob", "Rob"));

        Entity removed = memory.removeEntityAlias("Robert Smith", "BOB");

        assertThat(removed.aliases()).containsExactly("Rob");
        assertThat(memory.removeEntityAlias("Rob", "bob").aliases())
                .as("removing an alias it does not have changes nothing")
                .containsExactly("Rob");
        assertThatThrownBy(() -> memory.getEntityContext("Bob")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> memory.removeEntityAlias("Rob", "robert smith"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("alias"));
        assertThat(memory.getEntityContext("robert smith").entity().aliases()).containsExactly("Rob");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseBadAliasesAndChangeNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = aliceAndBob(operations(mode, driver, namespace));
        memory.addEntityAliases("Bob", List.of("Bobby"));
        long keys = MemoryFixture.count(driver, KEYS, namespace);

        assertThatThrownBy(() -> memory.addEntityAliases("Alice", List.of("Ally", "  bob ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("aliases");
                    assertThat(e.getMessage()).contains("bob", "Bob");
                });
        assertThatThrownBy(() -> memory.addEntityAliases("Alice", List.of("BOBBY")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memory.addEntityAliases("Alice", List.of(" ")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("aliases[0]"));
        assertThatThrownBy(() -> memory.addEntityAliases("Alice", List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memory.addEntityAliases("Nobody", List.of("No one")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> memory.removeEntityAlias("Alice", "Bobby"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("alias"));

        assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(keys);
        assertThat(memory.getEntityContext("Alice").entity().aliases()).isEmpty();
        assertThat(memory.getEntityContext("Bobby").entity().name()).isEqualTo("Bob");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldMergeAnEntityIntoAnotherOnce(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity robert = memory.createEntity(
                NewEntity.of("Robert Smith", EntityType.PERSON).notes("Engineer"));
        Entity bob = memory.createEntity(NewEntity.of("Bob", EntityType.PERSON).notes("Plays chess"));
        memory.addEntityAliases("Bob", List.of("Bobby"));
        Commitment both = memory.createCommitment(NewCommitment.of("Review with Bob"));
        Decision hire = memory.recordDecision(NewDecision.of("Hire Bob", "Good at chess"));
        memory.linkNodes(NewLink.of(both.id(), RelationshipType.INVOLVES, robert.id()));
        memory.linkNodes(new NewLink(both.id(), RelationshipType.INVOLVES, bob.id(), Map.of("role", "reviewer")));
        memory.linkNodes(NewLink.of(hire.id(), RelationshipType.IMPACTS, bob.id()));

        Entity merged = memory.mergeEntities("bob", "Robert Smith");

        assertThat(merged.id()).isEqualTo(robert.id());
        assertThat(merged.name()).isEqualTo("Robert Smith");
        assertThat(merged.aliases()).containsExactly("Bob", "Bobby");
        assertThat(merged.notes()).isEqualTo("Engineer\nPlays chess");
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (e:Memory) WHERE e.namespace = $ns AND e.id = '" + bob.id() + "' RETURN count(e)",
                        namespace))
                .isZero();
        assertThat(MemoryFixture.relationships(driver, namespace))
                .as("the shared INVOLVES is one")
                .isEqualTo(2);
        var context = memory.getEntityContext("BOBBY");
        assertThat(context.entity().id()).isEqualTo(robert.id());
        assertThat(context.commitments()).extracting(Commitment::id).containsExactly(both.id());
        assertThat(context.decisions()).extracting(Decision::id).containsExactly(hire.id());

        long nodes = MemoryFixture.nodes(driver, namespace);
        assertThat(memory.mergeEntities("bob", "Robert Smith"))
                .as("merging again")
                .isEqualTo(merged);
        assertThat(memory.mergeEntities("Bobby", "robert smith")).isEqualTo(merged);
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(2);
        assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(3);
    }

    @Test
    void shouldMoveTurnsAndEveryDirectionOfRelationship(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            Entity caroline = memory.createEntity(NewEntity.of("Caroline", EntityType.PERSON));
            memory.createEntity(NewEntity.of("Caro", EntityType.PERSON));
            var talk = memory.startConversation(NewConversation.of("claude"));
            memory.recordTurn(talk.id(), NewTurn.of("Caro", "Hello"));
            memory.linkNodes(NewLink.of(talk.id(), RelationshipType.INVOLVES, caroline.id()));

            memory.mergeEntities("Caro", "Caroline");

            assertThat(MemoryFixture.count(
                            driver,
                            "MATCH (t:Turn)-[:SAID_BY]->(e:Entity) WHERE t.namespace = $ns AND e.name = 'Caroline'"
                                    + " RETURN count(t)",
                            namespace))
                    .isEqualTo(1);
            assertThat(memory.recordTurn(talk.id(), NewTurn.of("caro", "Again")).speaker())
                    .isEqualTo("caro");
            assertThat(MemoryFixture.count(
                            driver,
                            "MATCH (t:Turn)-[:SAID_BY]->(e:Entity) WHERE t.namespace = $ns RETURN count(t)",
                            namespace))
                    .as("a speaker named by an alias is its entity")
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseBadMergesAndChangeNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = aliceAndBob(operations(mode, driver, namespace));
        long nodes = MemoryFixture.nodes(driver, namespace);

        assertThatThrownBy(() -> memory.mergeEntities("alice", " ALICE "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> memory.mergeEntities("Nobody", "Alice"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> memory.mergeEntities("Alice", "Nobody"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("into"));
        assertThatThrownBy(() -> memory.mergeEntities("", "Alice")).isInstanceOf(InvalidInputException.class);

        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);
        assertThat(memory.getEntityContext("Bob").entity().aliases()).isEmpty();
    }

    @Test
    void shouldGiveAContestedAliasToExactlyOneOf32Claims(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            int claims = 32;
            for (int i = 0; i < claims; i++) {
                memory.createEntity(NewEntity.of("Person " + i, EntityType.PERSON));
            }
            List<Callable<Entity>> calls = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < claims; i++) {
                String name = "Person " + i;
                calls.add(() -> {
                    start.await();
                    return memory.addEntityAliases(name, List.of("The Boss"));
                });
            }
            List<Future<Entity>> results = runTogether(calls, start);

            int owners = 0;
            int refused = 0;
            for (Future<Entity> result : results) {
                try {
                    assertThat(result.get().aliases()).containsExactly("The Boss");
                    owners++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause())
                            .isInstanceOfSatisfying(
                                    InvalidInputException.class,
                                    error -> assertThat(error.field()).isEqualTo("aliases"));
                    refused++;
                }
            }
            assertThat(owners).isEqualTo(1);
            assertThat(refused).isEqualTo(claims - 1);
            assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(claims + 1);
            assertThat(MemoryFixture.count(
                            driver,
                            "MATCH (e:Entity) WHERE e.namespace = $ns AND 'The Boss' IN e.aliases RETURN count(e)",
                            namespace))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldMergeAPairOnceWhenTwoMergesRunAtOnce(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            Entity robert = memory.createEntity(NewEntity.of("Robert", EntityType.PERSON));
            Entity bob = memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            for (int i = 0; i < 20; i++) {
                Commitment c = memory.createCommitment(NewCommitment.of("Task " + i));
                memory.linkNodes(NewLink.of(c.id(), RelationshipType.INVOLVES, bob.id()));
                memory.linkNodes(NewLink.of(c.id(), RelationshipType.INVOLVES, robert.id()));
            }
            CountDownLatch start = new CountDownLatch(1);
            Callable<Entity> merge = () -> {
                start.await();
                return memory.mergeEntities("Bob", "Robert");
            };
            List<Future<Entity>> results = runTogether(List.of(merge, merge), start);

            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
            assertThat(results.get(0).get().id()).isEqualTo(robert.id());
            assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(20);
            assertThat(MemoryFixture.count(
                            driver, "MATCH (e:Entity) WHERE e.namespace = $ns RETURN count(e)", namespace))
                    .isEqualTo(1);
            assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(2);
        }
    }

    @Test
    void shouldListLikelyDuplicatesWithTheirReasons(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            for (String name : List.of("Bob", "Bob Smith", "Robert Smith", "ACME", "Acme Corp.", "Zoe", "Yann")) {
                memory.createEntity(NewEntity.of(name, EntityType.PERSON));
            }
            long nodes = MemoryFixture.nodes(driver, namespace);

            List<LikelyDuplicate> pairs = memory.findLikelyDuplicates(20);

            assertThat(pairs)
                    .extracting(pair -> pair.firstName() + " / " + pair.secondName() + ": " + pair.reason())
                    .anySatisfy(text -> assertThat(text).contains("ACME", "Acme Corp.", "same name"))
                    .anySatisfy(text -> assertThat(text).contains("Bob Smith", "Robert Smith", "nickname"))
                    .anySatisfy(text -> assertThat(text).contains("Bob", "Bob Smith", "short form"))
                    .noneSatisfy(text -> assertThat(text).containsAnyOf("Zoe", "Yann"));
            assertThat(pairs.get(0).reason()).startsWith("same name");
            assertThat(memory.findLikelyDuplicates(1)).hasSize(1);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);

            memory.mergeEntities("Acme Corp.", "ACME");
            assertThat(memory.findLikelyDuplicates(20))
                    .noneSatisfy(pair ->
                            assertThat(pair.firstName() + pair.secondName()).contains("Acme"));
        }
    }

    @Test
    void shouldKeepAliasesApartByNamespaceAndForgetThemWithTheirEntity(Driver driver, TestNamespace namespace) {
        try (GraphMemory mine = MemoryFixture.memory(driver, namespace);
                GraphMemory theirs = MemoryFixture.memory(driver, namespace.sibling("other"))) {
            Entity robert = mine.createEntity(NewEntity.of("Robert", EntityType.PERSON));
            mine.addEntityAliases("Robert", List.of("Bob"));
            theirs.createEntity(NewEntity.of("Bobby", EntityType.PERSON));

            assertThat(theirs.addEntityAliases("Bobby", List.of("Bob")).aliases())
                    .containsExactly("Bob");
            assertThatThrownBy(() -> theirs.getEntityContext("Robert")).isInstanceOf(NotFoundException.class);
            assertThat(theirs.getEntityContext("bob").entity().name()).isEqualTo("Bobby");

            mine.forget(robert.id());
            assertThat(MemoryFixture.count(driver, KEYS, namespace)).isZero();
            assertThat(mine.createEntity(NewEntity.of("Bob", EntityType.PERSON)).aliases())
                    .as("a forgotten entity's alias is free again")
                    .isEmpty();
            mine.forgetNamespace();
            assertThat(MemoryFixture.count(driver, KEYS, namespace)).isZero();
        }
    }

    @Test
    void shouldSearchAndCarryAliasesThroughExportAndImport(Driver driver, TestNamespace namespace) {
        try (GraphMemory source = MemoryFixture.memory(driver, namespace);
                GraphMemory target = MemoryFixture.memory(driver, namespace.sibling("copy"))) {
            Entity robert = source.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
            source.addEntityAliases("Robert Smith", List.of("Bobster"));
            Commitment call = source.createCommitment(NewCommitment.of("Call him"));
            source.linkNodes(NewLink.of(call.id(), RelationshipType.INVOLVES, robert.id()));

            assertThat(source.searchMemory(SearchQuery.of("bobster")).hits())
                    .extracting(hit -> hit.memory().id())
                    .contains(robert.id());
            assertThat(source.searchMemory(SearchQuery.of("call").about("bobster"))
                            .hits())
                    .extracting(hit -> hit.memory().id())
                    .contains(call.id());

            List<SnapshotNode> nodes = source.snapshots().nodes().toList();
            List<SnapshotRelationship> relationships =
                    source.snapshots().relationships().toList();
            for (int round = 0; round < 2; round++) {
                target.snapshots().importNodes(nodes);
                target.snapshots().importRelationships(relationships);
            }

            assertThat(target.snapshots().nodes().toList()).isEqualTo(nodes);
            assertThat(target.getEntityContext("bobster").entity().aliases()).containsExactly("Bobster");
            assertThat(target.getEntityContext("bobster").commitments()).hasSize(1);
            assertThat(MemoryFixture.count(driver, KEYS, namespace.sibling("copy")))
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldGiveTheEntitiesOfAVersionFourDatabaseTheirKeys(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Dana Old", EntityType.PERSON));
        }
        // Back to version 4: entities without keys.
        MemoryFixture.write(
                driver, "MATCH (k:EntityKey) WHERE k.namespace = $ns DELETE k", Map.of("ns", namespace.value()));
        MemoryFixture.write(driver, "MATCH (s:GraphMemorySchema {name: 'graphmemory'}) SET s.version = 4", Map.of());

        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            assertThat(memory.healthCheck().schemaVersion()).isEqualTo(5);
            assertThat(memory.getEntityContext("dana old").entity().name()).isEqualTo("Dana Old");
            assertThat(memory.addEntityAliases("Dana Old", List.of("Dee")).aliases())
                    .containsExactly("Dee");
        }
        assertThat(MemoryFixture.count(driver, KEYS, namespace)).isEqualTo(2);
    }

    @Test
    void shouldFindCommitmentsToAnyNameOfAnEntity(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
            memory.addEntityAliases("Robert Smith", List.of("Bob"));
            Commitment toBob =
                    memory.createCommitment(NewCommitment.of("Send the deck").toWhom("bob"));
            Commitment toRobert =
                    memory.createCommitment(NewCommitment.of("Book the room").toWhom("Robert Smith"));
            memory.createCommitment(NewCommitment.of("Water the plants").toWhom("Alice"));

            assertThat(memory.getCommitments(
                            dev.graphmemory.model.CommitmentQuery.all().toWhom("BOB")))
                    .extracting(Commitment::id)
                    .containsExactlyInAnyOrder(toBob.id(), toRobert.id());
            assertThat(memory.getCommitments(
                            dev.graphmemory.model.CommitmentQuery.all().toWhom("alice")))
                    .hasSize(1);
        }
    }

    private static MemoryOperations aliceAndBob(MemoryOperations memory) {
        memory.createEntity(NewEntity.of("Alice", EntityType.PERSON));
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        return memory;
    }

    private static <T> List<Future<T>> runTogether(List<Callable<T>> calls, CountDownLatch start)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<T> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException ignored) {
                    // read by the caller
                }
            }
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }
}
