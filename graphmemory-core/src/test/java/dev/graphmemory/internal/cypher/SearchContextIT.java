package dev.graphmemory.internal.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.internal.cypher.Candidates.Context;
import dev.graphmemory.internal.cypher.Candidates.Pending;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * The search's context step reads a memory as waiting for its embedding until the embedder's second step ends the
 * {@code EmbedPending} mark, not only until its vector is stored: a search relies on the vector index only for
 * memories the embedder has finished. A stored one comes with its vector, so the search does not make it again.
 */
@Neo4jTest
class SearchContextIT {
    private static final String WAITING = """
            CREATE (:Memory:Commitment:EmbedPending {namespace: $ns, id: 'stored', content: 'Stored', textModel: 'm',
                textVector: [0.6, 0.8], createdAt: datetime()})
            CREATE (:Memory:Commitment:EmbedPending {namespace: $ns, id: 'other', content: 'Other model',
                textModel: 'old', textVector: [1.0, 0.0], createdAt: datetime()})
            CREATE (:Memory:Commitment:EmbedPending {namespace: $ns, id: 'new', content: 'New', createdAt: datetime()})
            CREATE (:Memory:Commitment {namespace: $ns, id: 'done', content: 'Done', textModel: 'm',
                textVector: [0.0, 1.0], createdAt: datetime()})
            """;

    @Test
    void shouldReadAMemoryAsWaitingUntilItsMarkEndsWithTheVectorItsModelMade(Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        Statement<Context> context =
                SearchStatements.context(namespace.value(), SearchQuery.of("x"), List.of("x"), 64, "m", true);

        // written and read in one transaction, rolled back: no embedder of another test finishes them meanwhile
        try (Session session = driver.session();
                Transaction tx = session.beginTransaction()) {
            tx.run(WAITING, Map.of("ns", namespace.value())).consume();
            Result result = tx.run(context.text(), context.parameters());
            List<Record> records = result.list();
            Context read = context.mapper().map(new Statement.Rows(records, false, result.consume()));
            tx.rollback();

            Map<String, Pending> waiting = read.pending().stream()
                    .collect(Collectors.toMap(p -> p.memory().id(), Function.identity()));
            assertThat(waiting).containsOnlyKeys("stored", "other", "new");
            assertThat(waiting.get("stored").vector()).containsExactly(0.6f, 0.8f);
            assertThat(waiting.get("other").vector())
                    .as("a vector of another model is made again")
                    .isNull();
            assertThat(waiting.get("new").vector()).isNull();
            assertThat(waiting.get("stored").memory().properties())
                    .as("the vector is not memory content")
                    .doesNotContainKeys("textVector", "textModel");
        }
    }
}
