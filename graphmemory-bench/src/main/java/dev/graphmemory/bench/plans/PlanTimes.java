package dev.graphmemory.bench.plans;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.baseline.LibraryCypher;
import dev.graphmemory.bench.baseline.StoreMemoryParameters;
import dev.graphmemory.bench.baseline.Turn;
import dev.graphmemory.bench.report.Stats;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.StatementPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long every statement the library sends takes to plan on this machine ({@link GraphMemory#planStatements}):
 * first as the process meets it (the server's planner still cold, as in a fresh {@code graphmemory serve}), then
 * planned afresh several times ({@code CYPHER replan=force}, what a call waits for when Neo4j re-plans a statement whose
 * counts drifted). The statements the library sent before this issue (the composed {@code storeMemory} and the
 * {@code linkNodes} of every type) are planned the same way, last, so their first plan finds the planner warm: a
 * comparison that favours them.
 */
public final class PlanTimes {
    private static final Logger LOG = LoggerFactory.getLogger(PlanTimes.class);

    private PlanTimes() {}

    /** Plans everything, {@code replans} forced times each, and returns the section of the report. */
    public static PlanSection measure(BenchContext context, int replans) {
        GraphMemory memory = context.memory();
        long started = System.nanoTime();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, StatementPlan> first = new LinkedHashMap<>();
        for (StatementPlan plan : memory.planStatements(false)) {
            first.putIfAbsent(plan.statement(), plan);
            times.put(plan.statement(), new ArrayList<>());
        }
        Map<String, String> before = before();
        Map<String, Double> beforeFirst = new LinkedHashMap<>();
        Map<String, List<Double>> beforeTimes = new LinkedHashMap<>();
        before.forEach((label, text) -> {
            beforeFirst.put(label, explain(context, text, false).millis());
            beforeTimes.put(label, new ArrayList<>());
        });
        for (int pass = 0; pass < replans; pass++) {
            for (StatementPlan plan : memory.planStatements(true)) {
                times.get(plan.statement()).add(plan.planTime().toNanos() / 1e6);
            }
            before.forEach((label, text) ->
                    beforeTimes.get(label).add(explain(context, text, true).millis()));
        }
        List<PlanSection.Row> rows = new ArrayList<>();
        first.forEach((label, plan) -> rows.add(new PlanSection.Row(
                label,
                false,
                plan.planTime().toNanos() / 1e6,
                min(times.get(label)),
                Stats.median(times.get(label)),
                times.get(label).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                plan.operators().size(),
                plan.scans())));
        before.forEach((label, text) -> {
            Explained plan = explain(context, text, false);
            rows.add(new PlanSection.Row(
                    label,
                    true,
                    beforeFirst.get(label),
                    min(beforeTimes.get(label)),
                    Stats.median(beforeTimes.get(label)),
                    beforeTimes.get(label).stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(Double.NaN),
                    plan.operators(),
                    plan.scans()));
        });
        LOG.info(
                "Planned {} statements {} times in {} s",
                rows.size(),
                replans + 1,
                (System.nanoTime() - started) / 1_000_000_000);
        return new PlanSection(rows, replans);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The statements of before this issue, with parameters of the types the library sent. */
    private static Map<String, String> before() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("before: storeMemory, one composed statement", LibraryCypher.COMPOSED_STORE_MEMORY);
        before.put("before: linkNodes, every type in one statement", LibraryCypher.LINK_ALL_TYPES_BEFORE);
        return before;
    }

    private record Explained(double millis, int operators, List<String> scans) {}

    private static Explained explain(BenchContext context, String text, boolean replan) {
        Driver driver = context.driver();
        Map<String, Object> parameters =
                new LinkedHashMap<>(StoreMemoryParameters.of("plan-bench", Turn.number("plan-bench", 0))
                        .parameters());
        parameters.put(
                "rows",
                List.of(Map.of(
                        "index", 0,
                        "indexes", List.of(0),
                        "fromId", "a",
                        "toId", "b",
                        "type", RelationshipType.INVOLVES.name(),
                        "fromLabels", List.of("Commitment"),
                        "toLabels", List.of("Entity"),
                        "properties", Map.of())));
        parameters.put("atomic", true);
        long started = System.nanoTime();
        Plan plan;
        try (var session =
                driver.session(SessionConfig.forDatabase(context.neo4j().databaseName()))) {
            plan = session.run((replan ? "CYPHER replan=force EXPLAIN " : "EXPLAIN ") + text, parameters)
                    .consume()
                    .plan();
        }
        double millis = (System.nanoTime() - started) / 1e6;
        List<String> operators = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        collect(plan, operators, scans);
        return new Explained(millis, operators.size(), scans);
    }

    private static void collect(Plan plan, List<String> operators, List<String> scans) {
        String operator = plan.operatorType().replaceFirst("@.*", "");
        operators.add(operator);
        if (operator.contains("Scan")) {
            scans.add(operator);
        }
        plan.children().forEach(child -> collect(child, operators, scans));
    }
}
