package dev.graphmemory.internal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.summary.Plan;

/**
 * The plan keeper against a real Neo4j: a call uses the plan in the cache however stale, and a round of the keeper has
 * Neo4j plan it again. What plan a call would use is read with {@code CYPHER replan=skip EXPLAIN} of its text, which
 * Neo4j answers from the same cache entry without planning again.
 */
@Neo4jTest
class PlanKeeperIT {
    /** Neo4j plans a stale statement again at most once per this long ({@code dbms.cypher.min_replan_interval}). */
    private static final Duration MIN_REPLAN_INTERVAL = Duration.ofSeconds(10);

    @Test
    void shouldLetCallsUseTheCachedPlanAndPlanItAgainInTheBackgroundOnceStale(Driver driver, TestNamespace namespace)
            throws InterruptedException {
        // two labels of this test's own, one node of the first and thousands of the second: Neo4j plans the statement
        // to find the first's node first; once the first has many more nodes than the second, the other way round
        String suffix = UUID.randomUUID().toString().replace("-", "");
        String few = "KeeperFew" + suffix;
        String many = "KeeperMany" + suffix;
        String text = "MATCH (a:" + few + " {id: $from})\n"
                + "MATCH (b:" + many + " {id: $to})\n"
                + "RETURN count(*) AS pairs";
        run(
                driver,
                "CREATE (:" + few + " {id: 0}) WITH 1 AS one UNWIND range(0, 2999) AS i CREATE (:" + many
                        + " {id: i})");
        Sessions sessions = new Sessions(driver, "neo4j", null, Duration.ofSeconds(30));
        PlanKeeper keeper = PlanKeeper.manual(sessions);
        Retries retries = new Retries(Duration.ofSeconds(30), Telemetry.NONE, keeper);
        try {
            call(retries, sessions, driver, namespace, text);
            assertThat(keeper.size()).isEqualTo(1);
            assertThat(firstFound(driver, text))
                    .as("the first plan starts from")
                    .isEqualTo("a");
            long planned = System.nanoTime();

            run(driver, "UNWIND range(1, 30000) AS i CREATE (:" + few + " {id: i})");
            Thread.sleep(Math.max(0, MIN_REPLAN_INTERVAL.toMillis() - (System.nanoTime() - planned) / 1_000_000 + 500));
            call(retries, sessions, driver, namespace, text);
            assertThat(firstFound(driver, text))
                    .as("the plan a call found stale and used starts from")
                    .isEqualTo("a");

            assertThat(keeper.refresh(() -> false)).as("statements explained").isEqualTo(1);
            assertThat(firstFound(driver, text))
                    .as("the plan after the keeper's round starts from")
                    .isEqualTo("b");
            assertThat(keeper.refresh(() -> true))
                    .as("a round told to stop at once")
                    .isZero();
        } finally {
            keeper.close();
            run(driver, "MATCH (n) WHERE n:" + few + " OR n:" + many + " DELETE n");
        }
    }

    @Test
    void shouldSendAnAssistantsQueryAndLargeBatchesAsTheyAreAndKeepOnlyTheLibrarysOwnStatements(Driver driver) {
        PlanKeeper keeper = PlanKeeper.manual(new Sessions(driver, "neo4j", null, Duration.ofSeconds(30)));
        Statement<Void> own = Statement.write("own", "RETURN $x AS x", Map.of("x", 1L), rows -> null);
        Statement<Void> query = own.plannedEachTime();
        Statement<Void> pinned = Statement.write("pinned", "CYPHER replan=skip\nRETURN 1", Map.of(), rows -> null);
        Statement<Void> bulk = Statement.write(
                "bulk",
                "UNWIND $rows AS row RETURN row",
                Map.of("rows", new ArrayList<>(java.util.Collections.nCopies(PlanKeeper.MOST_ELEMENTS + 1, 1L))),
                rows -> null);

        assertThat(keeper.text(own, false)).isEqualTo(PlanKeeper.SKIP + own.text());
        assertThat(keeper.text(query, false)).isEqualTo(query.text());
        assertThat(keeper.text(pinned, false)).isEqualTo(pinned.text());
        assertThat(keeper.text(bulk, false)).isEqualTo(bulk.text());
        assertThat(keeper.size()).isEqualTo(1);
        assertThat(PlanKeeper.OFF.text(own, false)).isEqualTo(own.text());

        // a statement Neo4j refuses to plan (here: a procedure that does not exist) is forgotten by the next round, and
        // the others are explained all the same, in a read, a write, and a write after a write
        Statement<Void> refused = Statement.write("refused", "CALL no.such.procedure()", Map.of(), rows -> null);
        Statement<Void> read = Statement.read("read", "RETURN $x AS x", Map.of("x", 1L), rows -> null);
        keeper.text(refused, false);
        keeper.text(own, true);
        keeper.text(read, false);
        assertThat(keeper.size()).isEqualTo(4);
        assertThat(keeper.refresh(() -> false)).as("statements explained").isEqualTo(3);
        assertThat(keeper.size()).isEqualTo(3);

        keeper.close();
        assertThat(keeper.text(own, false)).as("after close").isEqualTo(own.text());
    }

    private static void call(Retries retries, Sessions sessions, Driver driver, TestNamespace namespace, String text) {
        Statement<Long> statement = Statement.write(
                "probe",
                text,
                Map.of("from", 0L, "to", 1L),
                rows -> rows.single().get("pairs").asLong());
        AsyncSession session = driver.session(
                AsyncSession.class,
                SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build());
        try {
            assertThat(retries.run(sessions, session, statement, namespace.value()))
                    .isEqualTo(1);
        } finally {
            session.closeAsync();
        }
    }

    private static void run(Driver driver, String text) {
        driver.executableQuery(text).execute();
    }

    /** The node the plan a call of {@code text} would use now finds first, read without planning it again. */
    private static String firstFound(Driver driver, String text) {
        Plan plan = driver.executableQuery(PlanKeeper.SKIP + "EXPLAIN " + text)
                .withParameters(Map.of("from", 0L, "to", 1L))
                .execute()
                .summary()
                .plan();
        while (!plan.children().isEmpty()) {
            plan = plan.children().get(0);
        }
        assertThat(plan.operatorType()).startsWith("NodeByLabelScan");
        return plan.identifiers().get(0);
    }
}
