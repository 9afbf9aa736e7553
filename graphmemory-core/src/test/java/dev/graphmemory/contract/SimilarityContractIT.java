package dev.graphmemory.contract;

import static dev.graphmemory.contract.SearchContractIT.ids;
import static dev.graphmemory.contract.Vectors.near;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Embeddings and {@code similarMemories} through every execution mode. */
@Neo4jTest
class SimilarityContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindTheNearestMemoriesFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment nearest = memory.createCommitment(NewCommitment.of("Nearest"));
        Decision near = memory.recordDecision(NewDecision.of("Near", "Because"));
        Entity far = memory.createEntity(NewEntity.of("Far", EntityType.PROJECT));
        memory.createCommitment(NewCommitment.of("Without an embedding"));
        MemoryNode attached = memory.setEmbedding(nearest.id(), near(0, 0.1f));
        memory.setEmbedding(near.id(), near(0, 0.6f));
        memory.setEmbedding(far.id(), near(0, 3f)); // cosine 0.32, ahead of unrelated memories (0 and less)

        SearchResult result = memory.similarMemories(SimilarityQuery.to(near(0, 0f)));

        assertThat(attached.id()).isEqualTo(nearest.id());
        assertThat(attached.properties()).doesNotContainKey("embedding");
        assertThat(ids(result)).containsExactly(nearest.id(), near.id(), far.id());
        assertThat(result.hits()).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(result.hits().get(0).score()).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(result.hits().get(2).score()).isBetween(0.6, 0.7); // (1 + cosine) / 2
        assertThat(result.hits())
                .allSatisfy(hit -> assertThat(hit.memory().properties()).doesNotContainKeys("embedding", "namespace"));
        assertThat(ids(memory.similarMemories(SimilarityQuery.to(near(0, 0f)).minScore(0.9))))
                .containsExactly(nearest.id(), near.id());
        assertThat(ids(memory.similarMemories(SimilarityQuery.to(near(0, 0f)).kinds(MemoryKind.DECISION))))
                .containsExactly(near.id());
        SearchResult one =
                memory.similarMemories(SimilarityQuery.to(near(0, 0f)).limit(1));
        assertThat(ids(one)).containsExactly(nearest.id());
        assertThat(one.truncated()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindMemoriesLikeAStoredOneAndFollowAReplacedEmbedding(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment a = memory.createCommitment(NewCommitment.of("A"));
        Commitment b = memory.createCommitment(NewCommitment.of("B"));
        Commitment c = memory.createCommitment(NewCommitment.of("C"));
        memory.setEmbedding(a.id(), near(7, 0f));
        memory.setEmbedding(b.id(), near(7, 0.2f));
        memory.setEmbedding(c.id(), near(7, 4f));

        assertThat(ids(memory.similarMemories(SimilarityQuery.like(a.id())))).containsExactly(b.id(), c.id());

        memory.setEmbedding(c.id(), near(7, 0.05f));
        assertThat(ids(memory.similarMemories(SimilarityQuery.like(a.id())))).containsExactly(c.id(), b.id());
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (m:Memory {namespace: $ns}) WHERE m.embedding IS NOT NULL RETURN count(m)",
                        namespace))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldLeaveOutSupersededDecisionsUnlessAsked(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision old = memory.recordDecision(NewDecision.of("Old", "Then"));
        Decision current =
                memory.supersedeDecision(old.id(), NewDecision.of("New", "Now")).current();
        memory.setEmbedding(old.id(), near(20, 0f));
        memory.setEmbedding(current.id(), near(20, 0.5f));

        assertThat(ids(memory.similarMemories(SimilarityQuery.to(near(20, 0f)))))
                .containsExactly(current.id());
        assertThat(ids(memory.similarMemories(SimilarityQuery.to(near(20, 0f)).includeSuperseded(true))))
                .containsExactly(old.id(), current.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseWrongSizesAndMissingMemories(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment plain = memory.createCommitment(NewCommitment.of("No embedding"));
        String missing = "0192f0a0-0000-7000-8000-000000000000";

        assertThatThrownBy(() -> memory.setEmbedding(plain.id(), Embedding.of(1f, 2f, 3f)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("embedding");
                    assertThat(e.rule()).contains("384 dimensions").contains("had 3");
                });
        assertThatThrownBy(() -> memory.similarMemories(SimilarityQuery.to(Embedding.of(1f, 2f))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("embedding"));
        assertThatThrownBy(() -> memory.setEmbedding(missing, near(1, 0f)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> memory.similarMemories(SimilarityQuery.like(missing)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("memoryId"));
        assertThatThrownBy(() -> memory.similarMemories(SimilarityQuery.like(plain.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("memoryId");
                    assertThat(e.rule()).contains("without an embedding");
                });
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (m:Memory {namespace: $ns}) WHERE m.embedding IS NOT NULL RETURN count(m)",
                        namespace))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldSeeNoEmbeddingOfAnotherNamespace(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations owner = operations(Mode.ALONE, driver, namespace);
        Commitment mine = owner.createCommitment(NewCommitment.of("Mine"));
        owner.setEmbedding(mine.id(), near(30, 0f));
        MemoryOperations other = operations(mode, driver, namespace.sibling("other"));
        Commitment theirs = other.createCommitment(NewCommitment.of("Theirs"));
        other.setEmbedding(theirs.id(), near(30, 0.9f));

        assertThat(ids(other.similarMemories(SimilarityQuery.to(near(30, 0f))))).containsExactly(theirs.id());
        assertThatThrownBy(() -> other.similarMemories(SimilarityQuery.like(mine.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.setEmbedding(mine.id(), near(31, 0f))).isInstanceOf(NotFoundException.class);
        assertThat(ids(owner.similarMemories(SimilarityQuery.to(near(30, 0f))))).containsExactly(mine.id());
    }

    @Test
    void shouldLookPastNearerEmbeddingsOfOtherNamespaces(Driver driver, TestNamespace namespace) {
        try (GraphMemory crowd = MemoryFixture.memory(driver, namespace.sibling("crowd"));
                GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            List<NewCommitment> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                many.add(NewCommitment.of("Crowd " + i));
            }
            for (Commitment commitment :
                    crowd.createCommitments(many, BatchMode.ATOMIC).values()) {
                crowd.setEmbedding(commitment.id(), near(40, 0.01f));
            }
            Commitment mine = memory.createCommitment(NewCommitment.of("Mine, a little farther"));
            memory.setEmbedding(mine.id(), near(40, 0.5f));

            // the first round reads 50 neighbours, all of the crowd; the search goes deeper until it finds this one
            assertThat(ids(memory.similarMemories(
                            SimilarityQuery.to(near(40, 0f)).limit(1))))
                    .containsExactly(mine.id());
        }
    }

    @Test
    void shouldKeepEmbeddingsInSnapshots(Driver driver, TestNamespace namespace) {
        try (GraphMemory source = MemoryFixture.memory(driver, namespace);
                GraphMemory copy = MemoryFixture.memory(driver, namespace.sibling("copy"))) {
            Commitment commitment = source.createCommitment(NewCommitment.of("Embedded"));
            source.setEmbedding(commitment.id(), near(60, 0.25f));

            List<SnapshotNode> nodes = source.snapshots().nodes().toList();
            copy.snapshots().importNodes(nodes);

            assertThat(nodes.get(0).properties().get("embedding"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .hasSize(Vectors.DIMENSIONS)
                    .startsWith(0.0, 0.0);
            assertThat(ids(copy.similarMemories(SimilarityQuery.to(near(60, 0.25f)))))
                    .containsExactly(commitment.id());
        }
    }
}
