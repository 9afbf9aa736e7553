package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;

/**
 * New searchable nodes reach the full-text index behind the writes: small writes leave them {@code SearchPending}, the
 * search indexer relabels them {@code Searchable} in batches, large writes index their own, and a search never misses
 * a memory that waits.
 */
@Neo4jTest
class SearchIndexingIT {
    private static final String PENDING = "MATCH (n:SearchPending) WHERE n.namespace = $namespace RETURN count(n) AS n";
    private static final String INDEXED = "MATCH (n:Searchable) WHERE n.namespace = $namespace RETURN count(n) AS n";

    @Test
    void shouldLeaveASmallWritesNodesToTheIndexerAndIndexALargeWritesAtOnce(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace);
                MemoryTransaction tx = memory.beginTransaction()) {
            tx.createEntity(NewEntity.of("Alice Chen", EntityType.PERSON));
            tx.createCommitment(NewCommitment.of("Send the proposal"));
            // Uncommitted, so the indexer cannot have seen them: what the statements themselves wrote.
            assertThat(count(tx, PENDING)).isEqualTo(2);
            assertThat(count(tx, INDEXED)).isZero();

            List<NewEntity> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                many.add(NewEntity.of("Client " + i, EntityType.CLIENT));
            }
            tx.createEntities(many, BatchMode.ATOMIC);
            assertThat(count(tx, PENDING)).isEqualTo(2);
            assertThat(count(tx, INDEXED)).isEqualTo(150);
            tx.rollback();
        }
    }

    @Test
    void shouldIndexPendingNodesBehindTheWrites(Driver driver, TestNamespace namespace) throws InterruptedException {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            for (int i = 0; i < 5; i++) {
                memory.createEntity(NewEntity.of("Person " + i, EntityType.PERSON));
            }
            MemoryFixture.waitFor(
                    "the indexer",
                    () -> MemoryFixture.count(driver, PENDING.replace("$namespace", "$ns"), namespace) == 0);
            assertThat(MemoryFixture.count(driver, PENDING.replace("$namespace", "$ns"), namespace))
                    .isZero();
            assertThat(MemoryFixture.count(driver, INDEXED.replace("$namespace", "$ns"), namespace))
                    .isEqualTo(5);
        }
    }

    @Test
    void shouldFindAMemoryThatWaitsForTheIndexer(Driver driver, TestNamespace namespace) {
        // As another application would have left it: written, not yet indexed (its indexer not run yet).
        MemoryFixture.write(driver, """
                CREATE (:Memory:Commitment:SearchPending {namespace: $ns, id: 'waiting', content: 'Renew the lease',
                    status: 'pending', createdAt: datetime()})
                """, Map.of("ns", namespace.value()));
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            assertThat(memory.searchMemory(SearchQuery.of("lease")).hits())
                    .extracting(hit -> hit.memory().id())
                    .containsExactly("waiting");
        }
        assertThat(MemoryFixture.count(driver, PENDING.replace("$namespace", "$ns"), namespace))
                .isZero();
    }

    /**
     * Searches right after writes, while the indexer relabels the same nodes, alone and inside a transaction scope:
     * without the measures of SearchIndexing.INDEX_NAMESPACE and SearchIndexer.scopeOpened, 1 to 3 % were missed.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldFindEveryMemoryWrittenBeforeASearchWhileTheIndexerRuns(
            boolean inScope, Driver driver, TestNamespace namespace) throws InterruptedException {
        List<Integer> missed = new ArrayList<>();
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            for (int i = 0; i < 120; i++) {
                String word = "zq" + Integer.toString(i, 36) + "x";
                memory.createEntity(NewEntity.of("Person " + word, EntityType.PERSON));
                if (i % 3 == 0) {
                    Thread.sleep(180 + i % 40); // lands the next search on one of the indexer's ticks
                }
                SearchQuery query = SearchQuery.of(word);
                var hits = inScope
                        ? memory.inTransaction(tx -> tx.searchMemory(query)).hits()
                        : memory.searchMemory(query).hits();
                if (hits.isEmpty()) {
                    missed.add(i);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    /**
     * A search in a transaction scope of one memory, right after another memory (another application on the same
     * database, as far as the indexers know) wrote: the writer's indexer relabels the memory while the scope's search
     * indexes its namespace. Before indexing took two steps, 3 to 4 in 150 such searches missed the memory.
     */
    @Test
    void shouldFindWhatAnotherIndexerIsIndexingMeanwhile(Driver driver, TestNamespace namespace)
            throws InterruptedException {
        List<Integer> missed = new ArrayList<>();
        try (GraphMemory writer = MemoryFixture.memory(driver, namespace);
                GraphMemory reader = MemoryFixture.memory(driver, namespace)) {
            for (int i = 0; i < 150; i++) {
                String word = "zr" + Integer.toString(i, 36) + "x";
                writer.createCommitment(NewCommitment.of("Review " + word));
                if (i % 3 == 0) {
                    Thread.sleep(150 + (i % 7) * 10); // lands the search on one of the writer's indexer's ticks
                }
                if (reader.inTransaction(tx -> tx.searchMemory(SearchQuery.of(word)))
                        .hits()
                        .isEmpty()) {
                    missed.add(i);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldIndexWhatIsPendingWhenClosed(Driver driver, TestNamespace namespace) {
        Entity entity;
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            entity = memory.createEntity(NewEntity.of("Bob Stone", EntityType.PERSON));
        } // closed well within the indexer's first tick
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (n:Searchable {namespace: $ns}) WHERE n.id = '" + entity.id() + "' RETURN count(n)",
                        namespace))
                .isEqualTo(1);
    }

    @Test
    void shouldMoveAVersionTwoTextIndexToTheSearchableLabel(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createCommitment(NewCommitment.of("Migrate the billing export"));
            memory.createEntity(NewEntity.of("Carol Diaz", EntityType.PERSON));
        }
        // Back to version 2: its full-text index over the kinds' labels, nodes without search labels.
        MemoryFixture.write(driver, "DROP INDEX gm_search_text", Map.of());
        MemoryFixture.write(driver, "DROP INDEX gm_search_pending", Map.of());
        MemoryFixture.write(
                driver,
                "CREATE FULLTEXT INDEX gm_memory_text FOR (n:Commitment|Decision|Pattern|Conversation|Entity)"
                        + " ON EACH [n.namespace, n.content, n.name]",
                Map.of());
        MemoryFixture.write(
                driver,
                "MATCH (n:Memory) WHERE n.namespace = $ns REMOVE n:Searchable, n:SearchPending",
                Map.of("ns", namespace.value()));
        MemoryFixture.write(driver, "MATCH (s:GraphMemorySchema {name: 'graphmemory'}) SET s.version = 2", Map.of());

        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            assertThat(memory.healthCheck().schemaVersion()).isEqualTo(Schema.VERSION);
            assertThat(memory.healthCheck().missingSchema()).isEmpty();
            assertThat(MemoryFixture.count(
                            driver, "SHOW INDEXES YIELD name WHERE name = 'gm_memory_text' RETURN count(*)", namespace))
                    .isZero();
            assertThat(MemoryFixture.count(driver, INDEXED.replace("$namespace", "$ns"), namespace))
                    .isEqualTo(2);
            assertThat(memory.searchMemory(SearchQuery.of("billing")).hits()).hasSize(1);
            assertThat(memory.searchMemory(SearchQuery.of("carol")).hits()).hasSize(1);
        }
    }

    private static long count(MemoryTransaction tx, String query) {
        Object value = tx.queryGraph(GraphQuery.of(query)).rows().get(0).get("n");
        return ((Number) value).longValue();
    }
}
