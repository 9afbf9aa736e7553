package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.BatchResult.Status;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.StoredMemory;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** The batch operations and storeMemory, through every execution mode. */
@Neo4jTest
class BatchContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCreateEntitiesOnceEachReportingCreatedAndUpdated(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Existing", EntityType.CLIENT));
        List<NewEntity> entities = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            entities.add(NewEntity.of("Person " + i, EntityType.PERSON));
        }
        entities.add(NewEntity.of("person 7", EntityType.PERSON).notes("same as item 7"));
        entities.add(NewEntity.of("EXISTING", EntityType.CLIENT));

        BatchResult<Entity> result = memory.createEntities(entities, BatchMode.ATOMIC);

        assertThat(result.items())
                .hasSize(252)
                .extracting(BatchResult.Item::index)
                .isSorted();
        assertThat(result.count(Status.CREATED)).isEqualTo(250);
        assertThat(result.items().get(250).status()).isEqualTo(Status.UPDATED);
        assertThat(result.items().get(250).value().id())
                .isEqualTo(result.items().get(7).value().id());
        assertThat(result.items().get(251).status()).isEqualTo(Status.UPDATED);
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                .isEqualTo(251);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCreateCommitmentsDecisionsAndPatternsInBatches(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        BatchResult<Commitment> commitments = memory.createCommitments(
                List.of(NewCommitment.of("One"), NewCommitment.of("Two").priority(1)), BatchMode.BEST_EFFORT);
        BatchResult<Decision> decisions =
                memory.recordDecisions(List.of(NewDecision.of("A", "because")), BatchMode.ATOMIC);
        BatchResult<Pattern> patterns = memory.recordPatterns(
                List.of(
                        PatternObservation.of("Naps after lunch", PatternType.BEHAVIOR),
                        PatternObservation.of("Reads at night", PatternType.BEHAVIOR),
                        PatternObservation.of("naps  AFTER lunch", PatternType.BEHAVIOR)),
                BatchMode.ATOMIC);

        assertThat(commitments.values()).extracting(Commitment::content).containsExactly("One", "Two");
        assertThat(commitments.count(Status.CREATED)).isEqualTo(2);
        assertThat(decisions.values()).extracting(Decision::content).containsExactly("A");
        assertThat(patterns.items())
                .extracting(BatchResult.Item::status)
                .containsExactly(Status.CREATED, Status.CREATED, Status.UPDATED);
        assertThat(patterns.items().get(2).value().id())
                .isEqualTo(patterns.items().get(0).value().id());
        assertThat(patterns.items().get(2).value().observations()).isEqualTo(2);
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldLinkInBulkAndReportEachRefusedLinkInBestEffort(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Commitment call = memory.createCommitment(NewCommitment.of("Call"));
        Decision decision = memory.recordDecision(NewDecision.of("Go", "Why"));

        BatchResult<Link> result = memory.linkNodes(
                List.of(
                        NewLink.of(call.id(), RelationshipType.INVOLVES, acme.id()),
                        NewLink.of(call.id(), RelationshipType.INVOLVES, "missing-id"),
                        NewLink.of(acme.id(), RelationshipType.DURING, decision.id()),
                        new NewLink(decision.id(), RelationshipType.LEADS_TO, call.id(), Map.of("why", "plan")),
                        NewLink.of(call.id(), RelationshipType.INVOLVES, acme.id())),
                BatchMode.BEST_EFFORT);

        assertThat(result.items())
                .extracting(BatchResult.Item::status)
                .containsExactly(Status.CREATED, Status.FAILED, Status.FAILED, Status.CREATED, Status.UPDATED);
        assertThat(result.items().get(1).errorCode()).isEqualTo("not_found");
        assertThat(result.items().get(1).failure()).contains("missing-id").contains("toId");
        assertThat(result.items().get(2).errorCode()).isEqualTo("invalid_input");
        assertThat(result.items().get(3).value().properties()).containsEntry("why", "plan");
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldWriteNoLinkOfAnAtomicBatchWithARefusedLink(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Commitment call = memory.createCommitment(NewCommitment.of("Call"));
        Decision decision = memory.recordDecision(NewDecision.of("Go", "Why"));

        assertThatThrownBy(() -> memory.linkNodes(
                        List.of(
                                NewLink.of(call.id(), RelationshipType.INVOLVES, acme.id()),
                                NewLink.of(decision.id(), RelationshipType.INVOLVES, "missing-id")),
                        BatchMode.ATOMIC))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.field()).isEqualTo("links[1].toId");
                    assertThat(e.id()).isEqualTo("missing-id");
                });
        assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreAWholeMemoryWithLinksByKeyAndById(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        Entity knownAlice = memory.createEntity(NewEntity.of("Alice Chen", EntityType.PERSON));

        StoredMemory stored = memory.storeMemory(NewMemory.builder()
                .commitment(
                        "proposal", NewCommitment.of("Send Alice the proposal").toWhom("Alice Chen"))
                .decision("pilot", NewDecision.of("Pilot with Acme first", "Lower risk"))
                .entity("alice", NewEntity.of("alice chen", EntityType.PERSON))
                .entity("acme", NewEntity.of("Acme Corp", EntityType.CLIENT))
                .entity("launch", NewEntity.of("Q4 Launch", EntityType.PROJECT))
                .pattern("habit", PatternObservation.of("Promises proposals on calls", PatternType.BEHAVIOR))
                .link("pilot", RelationshipType.LEADS_TO, "proposal")
                .link("proposal", RelationshipType.INVOLVES, "alice", Map.of("role", "recipient"))
                .link("pilot", RelationshipType.IMPACTS, "launch")
                .link("pilot", RelationshipType.DURING, talk.id())
                .build());

        assertThat(stored.entities().get("alice").id()).isEqualTo(knownAlice.id());
        assertThat(stored.id("proposal"))
                .contains(stored.commitments().get("proposal").id());
        assertThat(stored.links()).hasSize(4).allMatch(Link::created);
        assertThat(stored.links().get(1).toId()).isEqualTo(knownAlice.id());
        assertThat(stored.links().get(1).properties()).containsEntry("role", "recipient");
        assertThat(stored.links().get(3).toId()).isEqualTo(talk.id());
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(7);
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreARepeatedLinkOnceAndMarkTheDecisionAMemorySupersedes(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision old = memory.recordDecision(NewDecision.of("Pilot with Beta first", "Cheaper"));

        StoredMemory stored = memory.storeMemory(NewMemory.builder()
                .decision("pilot", NewDecision.of("Pilot with Acme first", "Lower risk"))
                .entity("acme", NewEntity.of("Acme Corp", EntityType.CLIENT))
                .link("pilot", RelationshipType.IMPACTS, "acme", Map.of("how", "first"))
                .link("pilot", RelationshipType.SUPERSEDED_BY, old.id())
                .link("pilot", RelationshipType.IMPACTS, "acme", Map.of("when", "Q3"))
                .build());

        assertThat(stored.links()).extracting(Link::created).containsExactly(true, true, false);
        assertThat(stored.links().get(0).properties())
                .containsEntry("how", "first")
                .containsEntry("when", "Q3");
        assertThat(stored.links().get(2))
                .isEqualTo(new Link(
                        stored.decisions().get("pilot").id(),
                        RelationshipType.IMPACTS,
                        stored.entities().get("acme").id(),
                        stored.links().get(0).properties(),
                        false));
        assertThat(stored.links().get(1).toId()).isEqualTo(old.id());
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(2);
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (d:Decision {namespace: $ns}) WHERE d.supersededAt IS NOT NULL RETURN count(d)",
                        namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreNothingOfAMemoryWithAMissingOrMismatchedLinkEnd(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));

        assertThatThrownBy(() -> memory.storeMemory(NewMemory.builder()
                        .commitment("c", NewCommitment.of("Orphan"))
                        .entity("e", NewEntity.of("New entity", EntityType.PERSON))
                        .link("c", RelationshipType.INVOLVES, "e")
                        .link("c", RelationshipType.DURING, "0192f0a0-0000-7000-8000-000000000000")
                        .build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("links[1].to"));
        assertThatThrownBy(() -> memory.storeMemory(NewMemory.builder()
                        .commitment("c", NewCommitment.of("Orphan"))
                        .link("c", RelationshipType.DURING, acme.id())
                        .build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("links[0].relationship"));
        Fact fact = memory.recordFact(NewFact.of("Acme is a client", "Acme"));
        assertThatThrownBy(() -> memory.storeMemory(NewMemory.builder()
                        .decision("d", NewDecision.of("Drop Acme", "Too slow"))
                        .link("d", RelationshipType.SUPERSEDED_BY, fact.id())
                        .build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("links[0].relationship"));
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(2);
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(1); // the fact's
    }
}
