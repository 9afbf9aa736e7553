package dev.graphmemory.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.exceptions.QueryRefusedException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.QueryResult;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.FaultProxy;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code queryGraph} bounded in every dimension: each query of a corpus of expensive ones ends (a result, a
 * refusal or a timeout) within its timeout and a grace, the client stops waiting when the database does not answer,
 * answers stay within their character budget, and what the database refuses is reported as something to change.
 * The bound asserted is generous (timeout + 5 s): it is a correctness bound, not a speed measurement; the worst
 * time measured is logged and recorded in docs/reliability.md.
 */
@Neo4jTest
class BoundedQueryIT {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedQueryIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BOUND = TIMEOUT.plusSeconds(5);

    /** Queries that pass the guard or are refused by it, each of which would run for minutes or build gigabytes. */
    static List<String> expensive() {
        String pin = "WHERE a.namespace = $namespace ";
        return List.of(
                "RETURN reduce(s = '', i IN range(1, 10000000) | s + 'x') AS s",
                "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n",
                "RETURN [x IN range(1, 10000) | [y IN range(1, 10000) | y]] AS l",
                "RETURN size(range(1, 10000000000)) AS n",
                "RETURN [x IN range(1, toInteger('9' + '000000')) | x] AS l",
                "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n",
                "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n",
                "UNWIND range(1, 100000000) AS x RETURN x",
                "UNWIND range(1, 100000) AS i RETURN i, [x IN range(1, 100000) | x] AS l",
                "UNWIND range(1, 100000) AS a WITH collect(a) AS l UNWIND l AS x UNWIND l AS y RETURN count(*) AS n",
                "MATCH (a:Memory)-[*]-(b) " + pin + "RETURN a, b",
                "MATCH p = (a:Memory)-[*0..]-(b) " + pin + "RETURN p",
                "MATCH (a:Memory)-[*]-(b)-[*]-(c) " + pin + "RETURN count(*) AS n",
                "MATCH (a:Memory), (b:Memory), (c:Memory), (d:Memory) " + pin
                        + "AND b.namespace = $namespace AND c.namespace = $namespace AND d.namespace = $namespace"
                        + " RETURN count(*) AS n",
                "MATCH (a:Memory) " + pin + "WITH collect(a) AS all UNWIND all AS x UNWIND all AS y UNWIND all AS z"
                        + " UNWIND all AS w RETURN count(*) AS n",
                "UNWIND range(1, 1000) AS i MATCH (a:Memory) " + pin + "RETURN i, a, a.content + a.content AS twice");
    }

    @Test
    void shouldEndEveryExpensiveQueryWithinItsTimeout(Driver driver, TestNamespace namespace) {
        MemoryConfig.Builder config = MemoryConfig.builder().queryTimeout(TIMEOUT);
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, config)) {
            seedADenseCluster(memory);
            long worst = 0;
            String slowest = "";
            List<String> outcomes = new ArrayList<>();
            for (String query : expensive()) {
                long started = System.nanoTime();
                String outcome;
                try {
                    QueryResult result = memory.queryGraph(GraphQuery.of(query));
                    outcome = "answered " + result.rows().size() + " rows, truncated " + result.truncated();
                } catch (QueryRefusedException refused) {
                    outcome = "refused: " + refused.rule();
                } catch (MemoryTimeoutException timedOut) {
                    outcome = "timeout";
                } catch (InvalidInputException failed) {
                    outcome = "failed: " + failed.rule();
                }
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                outcomes.add(String.format("%6d ms  %s  <- %s", took, outcome, query));
                assertThat(Duration.ofMillis(took)).as(query + ": " + outcome).isLessThan(BOUND);
                if (took > worst) {
                    worst = took;
                    slowest = query;
                }
            }
            LOG.info(
                    "Expensive queries with a {} ms timeout; the slowest ended after {} ms ({}):\n{}",
                    TIMEOUT.toMillis(),
                    worst,
                    slowest,
                    String.join("\n", outcomes));
        }
    }

    @Test
    void shouldRefuseWorkTheDatabaseCannotStopAndRunWhatItCan(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, MemoryConfig.builder())) {
            for (String unbounded : List.of(
                    "RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS sum",
                    "RETURN REDUCE (s = '', x IN ['a'] | s + x) AS s",
                    "RETURN range(1, 200000) AS l",
                    "RETURN [x IN range(1, 1000) | range(1, 1000)] AS l",
                    "RETURN range(1, $n) AS l",
                    "RETURN range(1, size($list) * 100000) AS l",
                    "RETURN range(1, $step * 1000000, $step) AS l")) {
                assertThatThrownBy(() -> memory.queryGraph(
                                GraphQuery.of(unbounded, Map.of("n", 5_000_000, "list", List.of(1, 2), "step", 1))))
                        .as(unbounded)
                        .isInstanceOfSatisfying(
                                QueryRefusedException.class,
                                e -> assertThat(e.rule()).containsAnyOf("reduce()", "range()"));
            }
            assertThat(memory.queryGraph(GraphQuery.of("RETURN size(range(1, $n)) AS n", Map.of("n", 50_000)))
                            .rows())
                    .containsExactly(Map.of("n", 50_000L));
            assertThat(memory.queryGraph(GraphQuery.of("RETURN [x IN range(0, 99, 10) | x * 2] AS l"))
                            .rows()
                            .get(0)
                            .get("l"))
                    .isEqualTo(List.of(0L, 20L, 40L, 60L, 80L, 100L, 120L, 140L, 160L, 180L));
            assertThat(memory.queryGraph(GraphQuery.of("UNWIND range(1, 3000000000) AS i RETURN i LIMIT 3"))
                            .rows())
                    .hasSize(3);
        }
    }

    @Test
    void shouldKeepEveryAnswerWithinItsCharacterBudget(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, MemoryConfig.builder())) {
            QueryResult wide = memory.queryGraph(
                    GraphQuery.of("UNWIND range(1, 1000) AS i RETURN i, $pad AS pad", Map.of("pad", "p".repeat(500)))
                            .maxChars(5_000));
            assertThat(wide.truncated()).isTrue();
            assertThat(wide.rows()).hasSizeBetween(5, 10);
            assertThat(json(wide)).isBetween(4_000L, 5_600L);

            QueryResult huge = memory.queryGraph(
                    GraphQuery.of("RETURN $big AS big, 1 AS after", Map.of("big", "b".repeat(300_000))));
            assertThat(huge.truncated()).isTrue();
            assertThat((String) huge.rows().get(0).get("big"))
                    .hasSizeLessThan(20_000)
                    .endsWith("…");
            assertThat(json(huge)).isLessThanOrEqualTo(20_100L);

            QueryResult list = memory.queryGraph(GraphQuery.of("RETURN [x IN range(1, 100000) | 'element'] AS l")
                    .maxChars(1_000));
            assertThat(list.truncated()).isTrue();
            assertThat((List<?>) list.rows().get(0).get("l")).hasSizeBetween(50, 110);

            // tag::bounded-query[]
            QueryResult result = memory.queryGraph(
                    GraphQuery.of("MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN c.content AS content")
                            .maxChars(5_000)); // default 20,000 characters, at most 100,000
            boolean partial = result.truncated(); // rows left out, or a value cut (it ends in …)
            // end::bounded-query[]
            assertThat(partial).isFalse();

            QueryResult small = memory.queryGraph(GraphQuery.of("UNWIND range(1, 10) AS i RETURN i"));
            assertThat(small.truncated()).isFalse();
            assertThat(small.rows()).hasSize(10);
        }
    }

    @Test
    void shouldStopWaitingAtTheDeadlineWhenTheDatabaseDoesNotAnswer(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(proxy.uri())
                        .namespace(namespace.value())
                        .queryTimeout(Duration.ofSeconds(1))
                        .maxRetryTime(Duration.ofSeconds(30))
                        .build())) {
            memory.queryGraph(GraphQuery.of("RETURN 1 AS warm"));
            proxy.stall();
            GraphQuery query = GraphQuery.of("MATCH (n:Memory) WHERE n.namespace = $namespace RETURN count(n) AS n");

            long started = System.nanoTime();
            assertThatThrownBy(() -> memory.queryGraph(query)).isInstanceOf(MemoryTimeoutException.class);
            Duration blocking = Duration.ofNanos(System.nanoTime() - started);

            started = System.nanoTime();
            assertThatThrownBy(() -> memory.async()
                            .queryGraph(query)
                            .toCompletableFuture()
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(MemoryTimeoutException.class);
            Duration async = Duration.ofNanos(System.nanoTime() - started);

            LOG.info(
                    "A stalled query ended after {} ms (blocking) and {} ms (async), timeout 1000 ms",
                    blocking.toMillis(),
                    async.toMillis());
            assertThat(blocking).isLessThan(Duration.ofMillis(2_500));
            assertThat(async).isLessThan(Duration.ofMillis(2_500));
            proxy.pass();
        }
    }

    @Test
    void shouldReportATransactionOverItsMemoryLimitAsAQueryToChange(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, MemoryConfig.builder())) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> memory.queryGraph(GraphQuery.of(
                            // collect() holds every string: a plan cannot leave the work out, as it may a sort
                            // whose order a count(*) never reads
                            "UNWIND range(1, 100000) AS i WITH i, $pad + toString(i) AS s ORDER BY s DESC"
                                    + " RETURN size(collect(s)) AS n",
                            Map.of("pad", "m".repeat(4_000)))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("query");
                        assertThat(e.rule()).contains("more memory than the database allows");
                    });
            LOG.info(
                    "The memory limit ended the query after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(memory.queryGraph(GraphQuery.of("RETURN 1 AS ok")).rows())
                    .hasSize(1);
        }
    }

    /** Ten commitments each linked to ten entities: paths through them explode combinatorially. */
    private static void seedADenseCluster(GraphMemory memory) {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entities.add(memory.createEntity(NewEntity.of("Entity " + i, EntityType.PROJECT)));
        }
        for (int i = 0; i < 10; i++) {
            Commitment commitment =
                    memory.createCommitment(NewCommitment.of("Commitment " + i + " " + "c".repeat(200)));
            for (Entity entity : entities) {
                memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, entity.id()));
            }
        }
    }

    private static long json(QueryResult result) {
        return result.rows().toString().length();
    }
}
