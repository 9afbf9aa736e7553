package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

@Neo4jTest
class SnapshotIT {

    @Test
    void shouldCopyANamespaceExactlyThroughExportAndImport(Driver driver, TestNamespace namespace) {
        try (GraphMemory source = MemoryFixture.memory(driver, namespace);
                GraphMemory target = MemoryFixture.memory(driver, namespace.sibling("copy"))) {
            remember(source);
            var people = new ArrayList<NewEntity>();
            for (int i = 0; i < 2_500; i++) { // more than two export pages
                people.add(NewEntity.of("Person " + i, EntityType.PERSON));
            }
            source.createEntities(people, BatchMode.ATOMIC);

            List<SnapshotNode> nodes = source.snapshots().nodes().toList();
            List<SnapshotRelationship> relationships =
                    source.snapshots().relationships().toList();
            for (int start = 0; start < nodes.size(); start += 700) {
                target.snapshots().importNodes(nodes.subList(start, Math.min(nodes.size(), start + 700)));
            }
            target.snapshots().importRelationships(relationships);

            MemorySnapshots.Counts counts = source.snapshots().counts();
            assertThat(counts.nodes()).isEqualTo(nodes.size()).isGreaterThan(2_500);
            assertThat(counts.relationships()).isEqualTo(relationships.size()).isEqualTo(7);
            assertThat(target.snapshots().nodes().toList()).isEqualTo(nodes);
            assertThat(target.snapshots().relationships().toList()).isEqualTo(relationships);
            assertThat(target.snapshots().counts()).isEqualTo(counts);
            String talk = nodes.stream()
                    .filter(node -> node.kind() == MemoryKind.CONVERSATION)
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(target.recordTurn(talk, NewTurn.of("Acme Corp", "Thanks"))
                            .sequence())
                    .as("the copy goes on where the conversation was")
                    .isEqualTo(2);
            assertThat(nodes).extracting(SnapshotNode::id).isSorted();
            assertThat(target.getEntityContext("acme corp").commitments()).hasSize(1);
        }
    }

    @Test
    void shouldCopyANamespaceExactlyByCreatingItsMemoriesInAnEmptyOne(Driver driver, TestNamespace namespace) {
        try (GraphMemory source = MemoryFixture.memory(driver, namespace);
                GraphMemory target = MemoryFixture.memory(driver, namespace.sibling("copy"))) {
            remember(source);
            List<SnapshotNode> nodes = source.snapshots().nodes().toList();
            List<SnapshotRelationship> relationships =
                    source.snapshots().relationships().toList();

            target.snapshots().createNodes(nodes);
            target.snapshots().createRelationships(relationships);

            assertThat(target.snapshots().nodes().toList()).isEqualTo(nodes);
            assertThat(target.snapshots().relationships().toList()).isEqualTo(relationships);
            assertThat(target.snapshots().counts()).isEqualTo(source.snapshots().counts());
            assertThat(target.getEntityContext("acme corp").commitments()).hasSize(1);
            assertThat(target.searchMemory(dev.graphmemory.model.SearchQuery.of("deck"))
                            .hits())
                    .as("created memories are searchable at once")
                    .isNotEmpty();
        }
    }

    @Test
    void shouldCreateNoneOfAListWhenOneIsThereAlready(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace);
                GraphMemory other = MemoryFixture.memory(driver, namespace.sibling("other"))) {
            String there = memory.createCommitment(NewCommitment.of("There")).id();
            other.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            other.createCommitment(NewCommitment.of("Mine"));
            List<SnapshotNode> nodes = other.snapshots().nodes().toList();
            SnapshotNode clash = new SnapshotNode(there, MemoryKind.COMMITMENT, Map.of("content", "Clash"));
            memory.createEntity(NewEntity.of("bob", EntityType.PERSON));
            long before = MemoryFixture.nodes(driver, namespace);

            assertThatThrownBy(() -> memory.snapshots().createNodes(List.of(nodes.get(0), clash)))
                    .as("an id the namespace holds")
                    .isInstanceOf(dev.graphmemory.exceptions.DatabaseException.class);
            SnapshotNode bob = nodes.stream()
                    .filter(node -> node.kind() == MemoryKind.ENTITY)
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> memory.snapshots().createNodes(List.of(bob)))
                    .as("a name another entity of the namespace has")
                    .isInstanceOf(dev.graphmemory.exceptions.DatabaseException.class);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(before);
            assertThat(memory.snapshots().nodes().filter(node -> node.id().equals(there)))
                    .singleElement()
                    .satisfies(node -> assertThat(node.properties()).containsEntry("content", "There"));
        }
    }

    @Test
    void shouldTellWhichIdsTheNamespaceHolds(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace);
                GraphMemory other = MemoryFixture.memory(driver, namespace.sibling("other"))) {
            String mine = memory.createCommitment(NewCommitment.of("Mine")).id();
            String theirs = other.createCommitment(NewCommitment.of("Theirs")).id();

            assertThat(memory.snapshots().existing(List.of(mine, theirs, "no-such-id", mine)))
                    .as("another namespace's memory is not this one's")
                    .containsExactly(mine);
            assertThat(memory.snapshots().existing(List.of())).isEmpty();
            List<String> tooMany = java.util.Collections.nCopies(dev.graphmemory.model.Limits.SNAPSHOT_IDS + 1, mine);
            assertThatThrownBy(() -> memory.snapshots().existing(tooMany))
                    .isInstanceOf(dev.graphmemory.exceptions.InvalidInputException.class)
                    .hasMessageContaining("ids");
            assertThatThrownBy(() -> memory.snapshots().existing(java.util.Arrays.asList(mine, null)))
                    .isInstanceOf(dev.graphmemory.exceptions.InvalidInputException.class)
                    .hasMessageContaining("ids[1]");
        }
    }

    @Test
    void shouldWriteNoRelationshipOfAChunkWithAMissingEnd(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            String a = memory.createEntity(NewEntity.of("A", EntityType.PERSON)).id();
            String c = memory.createCommitment(NewCommitment.of("C")).id();

            assertThatThrownBy(() -> memory.snapshots()
                            .importRelationships(List.of(
                                    new SnapshotRelationship(c, RelationshipType.INVOLVES, a, Map.of()),
                                    new SnapshotRelationship(c, RelationshipType.INVOLVES, "missing", Map.of()))))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.field()).isEqualTo("relationships[1].to"));
            assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
            assertThatThrownBy(() -> memory.snapshots()
                            .createRelationships(List.of(
                                    new SnapshotRelationship(c, RelationshipType.INVOLVES, a, Map.of()),
                                    new SnapshotRelationship("missing", RelationshipType.INVOLVES, a, Map.of()))))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.field()).isEqualTo("relationships[1].from"));
            assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
        }
    }

    private static void remember(GraphMemory memory) {
        String talk =
                memory.startConversation(new NewConversation("claude", "calm")).id();
        var stored = memory.storeMemory(NewMemory.builder()
                .commitment(
                        "c",
                        NewCommitment.of("Send the deck")
                                .due(LocalDate.of(2026, 12, 4))
                                .toWhom("Acme"))
                .decision("d", NewDecision.of("Go", "Why").alternatives(List.of("Wait", "Stop")))
                .entity("acme", NewEntity.of("Acme Corp", EntityType.CLIENT).notes("Client"))
                .pattern("p", PatternObservation.of("Sends decks late", PatternType.FAILURE))
                .link("d", RelationshipType.LEADS_TO, "c", Map.of("weight", 0.5))
                .link("c", RelationshipType.INVOLVES, "acme")
                .link("d", RelationshipType.DURING, talk)
                .build());
        memory.linkNodes(NewLink.of(
                stored.id("p").orElseThrow(),
                RelationshipType.INVOLVES,
                stored.id("acme").orElseThrow()));
        memory.recordTurns(
                talk, List.of(NewTurn.of("Acme Corp", "Where is the deck?"), NewTurn.of("assistant", "On its way")));
        assertThat(memory.snapshots().nodes().map(SnapshotNode::kind).collect(Collectors.toSet()))
                .hasSize(6);
    }
}
