package dev.graphmemory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

/**
 * EXPLAINs every statement the library sends, with realistic parameters, and checks that none scans all nodes or a
 * whole label: every lookup goes through an index on the namespace, the id or the name.
 */
@Neo4jTest
class StatementPlanIT {

    static Stream<Statement<?>> statements() {
        Operations ops = new Operations("plan-test", Ids.fresh(), 10, Duration.ofSeconds(5), 100);
        List<Statement<?>> all = new ArrayList<>();
        all.add(statementOf(ops.createCommitment(NewCommitment.of("x"))));
        all.add(statementOf(ops.completeCommitment("some-id", "done")));
        all.add(statementOf(ops.getCommitments(CommitmentQuery.all().toWhom("a"))));
        all.add(statementOf(ops.recordDecision(NewDecision.of("x", "y"))));
        all.add(statementOf(ops.getDecisions(DecisionQuery.all().days(3))));
        all.add(statementOf(ops.recordPattern(PatternObservation.of("x", PatternType.BEHAVIOR))));
        all.add(statementOf(ops.getPatterns(PatternQuery.all())));
        all.add(statementOf(ops.startSession(NewConversation.of("a"))));
        all.add(statementOf(ops.endSession(new ConversationEnd("some-id", "s", null))));
        all.add(statementOf(ops.recordEnergy(EnergyReading.of(EnergyLevel.HIGH))));
        all.add(statementOf(ops.createEntity(NewEntity.of("x", EntityType.PERSON))));
        all.add(statementOf(ops.getEntityContext("x", Limits.DEFAULT_LIMIT)));
        for (RelationshipType type : RelationshipType.values()) {
            all.add(statementOf(ops.linkNodes(NewLink.of("a", type, "b"))));
            all.add((Statement<?>)
                    ops.findRelated(RelatedQuery.around("a").via(type).depth(Limits.MAX_DEPTH)));
        }
        all.add(statementOf(ops.findRelated(RelatedQuery.around("a"))));
        all.add(ops.createEntities(List.of(NewEntity.of("x", EntityType.PERSON)), BatchMode.ATOMIC)
                .chunks()
                .get(0)
                .statement());
        all.add(ops.linkNodes(List.of(NewLink.of("a", RelationshipType.INVOLVES, "b")), BatchMode.BEST_EFFORT)
                .chunks()
                .get(0)
                .statement());
        all.add(statementOf(ops.storeMemory(NewMemory.builder()
                .commitment("c", NewCommitment.of("x"))
                .decision("d", NewDecision.of("x", "y"))
                .entity("e", NewEntity.of("x", EntityType.PERSON))
                .pattern("p", PatternObservation.of("x", PatternType.BEHAVIOR))
                .link("d", RelationshipType.LEADS_TO, "c")
                .link("c", RelationshipType.INVOLVES, "e")
                .link("d", RelationshipType.INVOLVES, "0192f0a0-0000-7000-8000-000000000000")
                .build())));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void shouldNeverScanAllNodesOrAWholeLabel(Statement<?> statement, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        Plan plan = driver.executableQuery("EXPLAIN " + statement.text())
                .withParameters(statement.parameters())
                .execute()
                .summary()
                .plan();

        List<String> operators = new ArrayList<>();
        collect(plan, operators);

        assertThat(operators)
                .as("operators of %s", statement.name())
                .noneMatch(operator -> operator.startsWith("AllNodesScan")
                        || operator.startsWith("NodeByLabelScan")
                        || operator.contains("CartesianProduct"));
        assertThat(operators).anyMatch(operator -> operator.contains("Index") || operator.contains("Unique"));
    }

    /** The statement a unit of work starts with. */
    static Statement<?> statementOf(Work<?> work) {
        if (work instanceof Statement<?> statement) {
            return statement;
        }
        if (work instanceof Chain<?, ?> chain) {
            return statementOf(chain.first());
        }
        if (work instanceof Timed<?> timed) {
            return statementOf(timed.work());
        }
        throw new IllegalArgumentException("no statement in " + work);
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
