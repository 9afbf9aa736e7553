package dev.graphmemory.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Search by meaning with the built-in model, end to end against the real embedded Neo4j. */
@Neo4jTest
class SemanticRecallIT {
    private static E5SmallEmbedder model;

    @BeforeAll
    static void load() {
        model = E5SmallEmbedder.load(1, 16);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return GraphMemory.open(
                driver,
                MemoryConfig.builder()
                        .namespace(namespace.value())
                        .embeddings(Embeddings.defaults().withEmbedder(model))
                        .build());
    }

    @Test
    void shouldFindAMemoryByAParaphraseThatSharesNoWordWithIt(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            Commitment move = memory.createCommitment(NewCommitment.of("Help Bob pack: he moves to Berlin in June"));
            memory.createCommitment(NewCommitment.of("Prepare the quarterly budget review"));
            memory.createEntity(NewEntity.of("Alice", EntityType.PERSON).notes("Prefers morning meetings"));

            List<SearchHit> hits = memory.searchMemory(SearchQuery.of("which friend is relocating abroad?"))
                    .hits();

            assertThat(hits.get(0).memory().id()).isEqualTo(move.id());
            assertThat(hits.get(0).why()).extracting(SearchHit.Signal::signal).containsExactly("meaning");
        }
    }

    @Test
    void shouldFindWhatWasSaidByMeaningRightAfterItWasRecorded(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Melanie", EntityType.PERSON));
            Conversation talk = memory.startConversation(NewConversation.of("claude"));
            List<Turn> said = memory.recordTurns(
                    talk.id(),
                    List.of(
                            NewTurn.of("Melanie", "Last weekend I finally finished that painting of the dawn"),
                            NewTurn.of("assistant", "That sounds lovely! What colours did you use?"),
                            NewTurn.of("Melanie", "Mostly oranges and pinks, the sky was on fire")));

            List<SearchHit> hits = memory.searchMemory(SearchQuery.of("When did Melanie paint the sunrise?"))
                    .hits();

            assertThat(hits.get(0).memory().id()).isEqualTo(said.get(0).id());
            assertThat(hits.get(0).why()).extracting(SearchHit.Signal::signal).contains("meaning", "entity");
        }
    }

    @Test
    void shouldEmbedWithTheBuiltInModelByDefault(Driver driver, TestNamespace namespace) throws InterruptedException {
        try (GraphMemory memory = GraphMemory.open(
                driver, MemoryConfig.builder().namespace(namespace.value()).build())) {
            memory.createCommitment(NewCommitment.of("Renew the lease"));

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (embedded(driver, namespace) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(embedded(driver, namespace)).isEqualTo(1);
        }
    }

    private static long embedded(Driver driver, TestNamespace namespace) {
        return driver.executableQuery("MATCH (n:Memory) WHERE n.namespace = $ns AND n.textModel = 'e5-small-v2-q'"
                        + " AND size(n.textVector) = 384 RETURN count(n) AS n")
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }
}
