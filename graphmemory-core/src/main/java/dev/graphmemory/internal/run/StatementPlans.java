package dev.graphmemory.internal.run;

import dev.graphmemory.internal.cypher.PinnedPlans;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.model.StatementPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;

/**
 * Plans the statements of the {@link StatementCatalogue} with {@code EXPLAIN}: for {@code GraphMemory.planStatements}
 * and, without forced re-planning, for the warm-up at start-up ({@link PlanWarmUp}). An {@code EXPLAIN} leaves its plan
 * in Neo4j's cache for the statement text and parameter types, where the real call finds it.
 */
final class StatementPlans {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatementPlans.class);

    private StatementPlans() {}

    /**
     * Plans each entry in turn, one session for all, until {@code stop} says so.
     *
     * @param replan whether to plan each statement afresh, ignoring Neo4j's cache
     */
    static List<StatementPlan> plan(
            Sessions sessions, List<StatementCatalogue.Entry> entries, boolean replan, BooleanSupplier stop) {
        List<StatementPlan> plans = new ArrayList<>(entries.size());
        try (Session session = sessions.open(AccessMode.WRITE)) {
            for (StatementCatalogue.Entry entry : entries) {
                if (stop.getAsBoolean()) {
                    break;
                }
                long started = System.nanoTime();
                Plan plan = session.run(
                                replan
                                        ? PinnedPlans.explainAfresh(
                                                entry.statement().text())
                                        : "EXPLAIN " + entry.statement().text(),
                                entry.statement().parameters())
                        .consume()
                        .plan();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                List<String> operators = new ArrayList<>();
                List<String> scans = new ArrayList<>();
                collect(plan, operators, scans);
                plans.add(new StatementPlan(entry.label(), took, operators, scans));
            }
        }
        return plans;
    }

    /**
     * Runs each entry once, as its operation would, in a transaction of its own that is then rolled back, until {@code
     * stop} says so: for the warm-up. Running a statement does more than planning it: Neo4j builds the plan's runtime
     * form on its first execution, not for {@code EXPLAIN}, and both sides' code paths for it are compiled by the JIT
     * before a real call needs them. The entries' parameters are those of a namespace no memory can have (see
     * {@link StatementCatalogue#rehearsalNamespace}), so what they read is nothing and what they write is undone. A
     * statement without a {@code namespace} parameter (the background workers', which serve every namespace) is only
     * planned, as is one that fails when run.
     *
     * @return how many statements ran (the others were planned)
     */
    static int rehearse(Sessions sessions, List<StatementCatalogue.Entry> entries, BooleanSupplier stop) {
        int ran = 0;
        try (Session session = sessions.open(AccessMode.WRITE)) {
            for (StatementCatalogue.Entry entry : entries) {
                if (stop.getAsBoolean()) {
                    break;
                }
                if (scoped(entry) && runAndRollBack(session, List.of(entry))) {
                    ran++;
                } else {
                    session.run(
                                    "EXPLAIN " + entry.statement().text(),
                                    entry.statement().parameters())
                            .consume();
                }
            }
            for (StatementCatalogue.Entry entry : entries) {
                if (stop.getAsBoolean()) {
                    break;
                }
                if (scoped(entry) && StatementCatalogue.afterAWrite(entry)) {
                    runAndRollBack(session, List.of(StatementCatalogue.firstWrite(entry), entry));
                }
            }
        }
        return ran;
    }

    /** Whether the statement reads and writes only the namespace of its parameters. */
    private static boolean scoped(StatementCatalogue.Entry entry) {
        return entry.statement().parameters().containsKey("namespace");
    }

    /** Runs the entries one after another in one transaction, then rolls it back; false if one of them failed. */
    private static boolean runAndRollBack(Session session, List<StatementCatalogue.Entry> entries) {
        try (Transaction transaction = session.beginTransaction()) {
            for (StatementCatalogue.Entry entry : entries) {
                transaction
                        .run(entry.statement().text(), entry.statement().parameters())
                        .consume();
            }
            transaction.rollback();
            return true;
        } catch (Neo4jException e) {
            LOG.debug(
                    "Warm-up: {} did not run ({}); planned instead",
                    entries.get(0).label(),
                    e.getMessage());
            return false;
        }
    }

    private static void collect(Plan plan, List<String> operators, List<String> scans) {
        String operator = plan.operatorType().replaceFirst("@.*", "");
        operators.add(operator);
        if (operator.contains("Scan")) {
            scans.add(operator + " "
                    + plan.arguments().getOrDefault("Details", Values.NULL).asString(""));
        }
        plan.children().forEach(child -> collect(child, operators, scans));
    }
}
