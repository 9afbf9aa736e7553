package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

@Neo4jTest
class DecisionAndPatternContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRecordADecisionWithItsAlternatives(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Decision decision = memory.recordDecision(NewDecision.of("Use Neo4j", "Relationships are first-class")
                .alternatives(List.of("PostgreSQL", "SQLite"))
                .inDomain("Engineering"));

        assertThat(decision.alternatives()).containsExactly("PostgreSQL", "SQLite");
        assertThat(decision.domain()).isEqualTo("engineering");
        assertThat(decision.confidence()).isEqualTo(0.7);
        assertThat(memory.getDecisions(DecisionQuery.all())).containsExactly(decision);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReallyFilterDecisionsByDays(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision old = memory.recordDecision(NewDecision.of("Old call", "Then"));
        Decision recent = memory.recordDecision(NewDecision.of("New call", "Now"));
        MemoryFixture.write(
                driver,
                "MATCH (d:Memory {id: $id}) SET d.createdAt = datetime() - duration('P10D')",
                Map.of("id", old.id()));

        assertThat(memory.getDecisions(DecisionQuery.all().days(7)))
                .extracting(Decision::id)
                .containsExactly(recent.id());
        assertThat(memory.getDecisions(DecisionQuery.all().days(30)))
                .extracting(Decision::id)
                .containsExactly(recent.id(), old.id());
        assertThat(memory.getDecisions(DecisionQuery.all().domain("personal"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStrengthenTheSamePatternInsteadOfDuplicatingIt(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        String[] spellings = {
            "Skips lunch on busy days",
            "skips  LUNCH on busy days",
            " Skips lunch\ton busy days ",
            "SKIPS LUNCH ON BUSY DAYS"
        };

        Pattern last = null;
        for (int i = 0; i < 8; i++) {
            last = memory.recordPattern(PatternObservation.of(spellings[i % spellings.length], PatternType.BEHAVIOR)
                    .frequency(PatternFrequency.WEEKLY));
            assertThat(last.observations()).isEqualTo(i + 1);
            assertThat(last.strength()).isEqualTo(Math.min(1.0, (5 + i) / 10.0));
        }

        assertThat(last.description()).isEqualTo("Skips lunch on busy days");
        assertThat(last.frequency()).isEqualTo(PatternFrequency.WEEKLY);
        assertThat(last.lastObserved()).isAfterOrEqualTo(last.firstObserved());
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldKeepPatternsOfAnotherTypeOrDomainApart(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Pattern behavior = memory.recordPattern(PatternObservation.of("Works late", PatternType.BEHAVIOR));
        Pattern trigger = memory.recordPattern(PatternObservation.of("Works late", PatternType.TRIGGER));
        Pattern personal = memory.recordPattern(
                PatternObservation.of("Works late", PatternType.BEHAVIOR).inDomain("personal"));
        memory.recordPattern(PatternObservation.of("Works late", PatternType.BEHAVIOR));

        assertThat(List.of(behavior.id(), trigger.id(), personal.id())).doesNotHaveDuplicates();
        assertThat(memory.getPatterns(PatternQuery.all()))
                .extracting(Pattern::id)
                .first()
                .isEqualTo(behavior.id());
        assertThat(memory.getPatterns(PatternQuery.all().minStrength(0.6)))
                .extracting(Pattern::id)
                .containsExactly(behavior.id());
        assertThat(memory.getPatterns(PatternQuery.all().type(PatternType.TRIGGER)))
                .extracting(Pattern::id)
                .containsExactly(trigger.id());
        assertThat(memory.getPatterns(PatternQuery.all().domain("personal")))
                .extracting(Pattern::id)
                .containsExactly(personal.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseInvalidDecisionsAndPatterns(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        assertThatThrownBy(() -> memory.recordDecision(null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("decision"));
        assertThatThrownBy(() -> memory.recordPattern(null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("observation"));
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }
}
