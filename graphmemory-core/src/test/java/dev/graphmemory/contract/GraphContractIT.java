package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

@Neo4jTest
class GraphContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldLinkOnceWithProperties(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment commitment = memory.createCommitment(NewCommitment.of("Send the deck"));
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));

        Link first = memory.linkNodes(
                new NewLink(commitment.id(), RelationshipType.INVOLVES, acme.id(), Map.of("role", "recipient")));
        Link again = memory.linkNodes(
                new NewLink(commitment.id(), RelationshipType.INVOLVES, acme.id(), Map.of("weight", 2)));

        assertThat(first.created()).isTrue();
        assertThat(first.properties()).containsEntry("role", "recipient").doesNotContainKey("createdAt");
        assertThat(again.created()).isFalse();
        assertThat(again.properties()).containsEntry("role", "recipient").containsEntry("weight", 2L);
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldNameTheMissingEndAndWriteNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Commitment commitment = memory.createCommitment(NewCommitment.of("Call"));
        String foreign = operations(Mode.ALONE, driver, namespace.sibling("b"))
                .createEntity(NewEntity.of("Other", EntityType.CLIENT))
                .id();

        assertThatThrownBy(() -> memory.linkNodes(NewLink.of("missing-id", RelationshipType.INVOLVES, acme.id())))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("fromId"));
        assertThatThrownBy(() -> memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, foreign)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.field()).isEqualTo("toId");
                    assertThat(e.id()).isEqualTo(foreign);
                });
        assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseALinkTheSchemaDoesNotAllow(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Decision decision = memory.recordDecision(NewDecision.of("Go", "Why not"));

        assertThatThrownBy(() -> memory.linkNodes(NewLink.of(acme.id(), RelationshipType.DURING, decision.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("relationship");
                    assertThat(e.rule())
                            .contains("DURING links")
                            .contains("to Conversation")
                            .contains("not Entity to Decision");
                });
        assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindEachRelatedMemoryOnceAtItsShortestDistance(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        Decision decision = memory.recordDecision(NewDecision.of("Hire Carol", "Strong interview"));
        Commitment offer = memory.createCommitment(NewCommitment.of("Send Carol the offer"));
        Entity carol = memory.createEntity(NewEntity.of("Carol", EntityType.PERSON));
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.DURING, talk.id()));
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.LEADS_TO, offer.id()));
        memory.linkNodes(NewLink.of(offer.id(), RelationshipType.INVOLVES, carol.id()));
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.INVOLVES, carol.id()));

        List<RelatedNode> near =
                memory.findRelated(RelatedQuery.around(talk.id()).depth(3));
        List<RelatedNode> viaInvolves =
                memory.findRelated(RelatedQuery.around(carol.id()).via(RelationshipType.INVOLVES));
        List<RelatedNode> oneHop =
                memory.findRelated(RelatedQuery.around(talk.id()).depth(1));

        assertThat(near)
                .extracting(related -> related.node().id())
                .containsExactlyInAnyOrder(decision.id(), offer.id(), carol.id());
        RelatedNode toCarol = near.stream()
                .filter(related -> related.node().id().equals(carol.id()))
                .findFirst()
                .orElseThrow();
        assertThat(toCarol.distance()).isEqualTo(2);
        assertThat(toCarol.path()).containsExactly(RelationshipType.DURING, RelationshipType.INVOLVES);
        assertThat(toCarol.node().kind()).isEqualTo(MemoryKind.ENTITY);
        assertThat(toCarol.node().title()).isEqualTo("Carol");
        assertThat(near.get(0).distance()).isEqualTo(1);
        assertThat(viaInvolves)
                .extracting(related -> related.node().id())
                .containsExactlyInAnyOrder(decision.id(), offer.id());
        assertThat(oneHop).extracting(related -> related.node().id()).containsExactly(decision.id());
        assertThat(memory.findRelated(RelatedQuery.around(talk.id()).depth(3).limit(1)))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReportRelatedOfAnUnknownMemoryAsNotFound(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        assertThatThrownBy(() -> memory.findRelated(RelatedQuery.around("nope")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("nodeId"));
        assertThatThrownBy(() -> memory.findRelated(new RelatedQuery("x", null, 11, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("depth"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldGatherAnEntitysContextNewestFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity bob = memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Commitment older = memory.createCommitment(NewCommitment.of("Review Bob's draft"));
        Commitment newer = memory.createCommitment(NewCommitment.of("Lunch with Bob"));
        Decision decision = memory.recordDecision(NewDecision.of("Bob leads the launch", "He knows the product"));
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        Pattern pattern = memory.recordPattern(PatternObservation.of("Bob replies late", PatternType.TRIGGER));
        for (String id : List.of(older.id(), newer.id(), decision.id(), talk.id(), pattern.id())) {
            memory.linkNodes(NewLink.of(id, RelationshipType.INVOLVES, bob.id()));
        }
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.IMPACTS, bob.id()));

        EntityContext context = memory.getEntityContext("  BOB ");
        EntityContext bounded = memory.getEntityContext("bob", 1);

        assertThat(context.entity().id()).isEqualTo(bob.id());
        assertThat(context.commitments()).extracting(Commitment::id).containsExactly(newer.id(), older.id());
        assertThat(context.decisions()).extracting(Decision::id).containsExactly(decision.id());
        assertThat(context.conversations()).extracting(Conversation::id).containsExactly(talk.id());
        assertThat(context.patterns()).extracting(Pattern::id).containsExactly(pattern.id());
        assertThat(bounded.commitments()).extracting(Commitment::id).containsExactly(newer.id());
        assertThatThrownBy(() -> memory.getEntityContext("Nobody"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
