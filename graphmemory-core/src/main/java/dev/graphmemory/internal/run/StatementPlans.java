package dev.graphmemory.internal.run;

import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.model.StatementPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;

/**
 * Plans the statements of the {@link StatementCatalogue} with {@code EXPLAIN}: for {@code GraphMemory.planStatements}
 * and, without forced re-planning, for the warm-up at start-up ({@link PlanWarmUp}). An {@code EXPLAIN} leaves its plan
 * in Neo4j's cache for the statement text and parameter types, where the real call finds it.
 */
final class StatementPlans {
    private StatementPlans() {}

    /**
     * Plans each entry in turn, one session for all, until {@code stop} says so.
     *
     * @param replan whether to plan each statement afresh, ignoring Neo4j's cache
     */
    static List<StatementPlan> plan(
            Sessions sessions, List<StatementCatalogue.Entry> entries, boolean replan, BooleanSupplier stop) {
        String prefix = replan ? "CYPHER replan=force EXPLAIN " : "EXPLAIN ";
        List<StatementPlan> plans = new ArrayList<>(entries.size());
        try (Session session = sessions.open(AccessMode.WRITE)) {
            for (StatementCatalogue.Entry entry : entries) {
                if (stop.getAsBoolean()) {
                    break;
                }
                long started = System.nanoTime();
                Plan plan = session.run(
                                prefix + entry.statement().text(),
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
