package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** The values the original adapter's callers send, mapped to graphmemory's model, in every execution mode. */
@Neo4jTest
class CallerValuesContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldWriteAndFilterFailedAndDeferredCommitments(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment missed = memory.createCommitment(NewCommitment.of("Ship the beta"));
        Commitment later = memory.createCommitment(NewCommitment.of("Repaint the fence"));
        Commitment done = memory.createCommitment(NewCommitment.of("File taxes"));
        memory.completeCommitment(done.id(), "Filed");

        Commitment failed = memory.setCommitmentStatus(missed.id(), CommitmentStatus.FAILED, "Slipped a quarter");
        Commitment deferred = memory.setCommitmentStatus(later.id(), CommitmentStatus.DEFERRED, null);
        Commitment reopened = memory.setCommitmentStatus(done.id(), CommitmentStatus.PENDING, null);

        assertThat(failed.status()).isEqualTo(CommitmentStatus.FAILED);
        assertThat(failed.outcome()).isEqualTo("Slipped a quarter");
        assertThat(deferred.status()).isEqualTo(CommitmentStatus.DEFERRED);
        assertThat(reopened.status()).isEqualTo(CommitmentStatus.PENDING);
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.outcome()).isEqualTo("Filed");
        assertThat(ids(memory.getCommitments(CommitmentQuery.all().status(CommitmentStatus.FAILED))))
                .containsExactly(missed.id());
        assertThat(ids(memory.getCommitments(CommitmentQuery.all().status(CommitmentStatus.DEFERRED))))
                .containsExactly(later.id());
        assertThat(memory.getCommitments(CommitmentQuery.all())).hasSize(3);
        Commitment completed = memory.setCommitmentStatus(done.id(), CommitmentStatus.COMPLETED, null);
        assertThat(completed.completedAt()).isNotNull();
        assertThat(memory.setCommitmentStatus(done.id(), CommitmentStatus.COMPLETED, null)
                        .completedAt())
                .isEqualTo(completed.completedAt());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseAStatusOfAMissingCommitmentAndOverdueWithAClosedStatus(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        var decision = memory.recordDecision(NewDecision.of("Use Neo4j", "Graphs"));

        assertThatThrownBy(() -> memory.setCommitmentStatus(decision.id(), CommitmentStatus.FAILED, "x"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("commitmentId"));
        assertThatThrownBy(() -> memory.setCommitmentStatus(decision.id(), null, "x"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() ->
                        CommitmentQuery.all().status(CommitmentStatus.DEFERRED).overdue(true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("overdue"));
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (d:Decision) WHERE d.namespace = $ns AND d.status IS NULL AND d.outcome IS NULL"
                                + " RETURN count(d)",
                        namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreOpenPatternTypesAndFrequenciesCanonically(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Pattern first = memory.recordPattern(new PatternObservation(
                "Finishes reviews before lunch",
                PatternType.parse("type", "Task Completion"),
                null,
                PatternFrequency.parse("frequency", "7-day")));
        Pattern again = memory.recordPattern(new PatternObservation(
                "finishes reviews  before lunch",
                PatternType.parse("type", "task-completion"),
                null,
                PatternFrequency.parse("frequency", "7 day")));
        Pattern custom = memory.recordPattern(
                PatternObservation.of("Sleeps late on Sundays", PatternType.parse("type", "seasonal")));
        Pattern original =
                memory.recordPattern(PatternObservation.of("Plans on Monday", PatternType.parse("type", "behavioral")));

        assertThat(first.type()).isEqualTo(PatternType.TASK_COMPLETION);
        assertThat(first.frequency().value()).isEqualTo("7_day");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.strength()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(custom.type().value()).isEqualTo("seasonal");
        assertThat(custom.type().isKnown()).isFalse();
        assertThat(original.type()).isEqualTo(PatternType.BEHAVIOR);
        assertThat(memory.getPatterns(PatternQuery.all().type(PatternType.parse("type", "TASK_COMPLETION"))))
                .extracting(Pattern::id)
                .containsExactly(first.id());
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (p:Pattern) WHERE p.namespace = $ns AND p.type = 'task_completion'"
                                + " AND p.frequency = '7_day' RETURN count(p)",
                        namespace))
                .isEqualTo(1);
        assertThatThrownBy(() -> PatternType.parse("type", "habit; DROP"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> PatternFrequency.parse("frequency", "x".repeat(41)))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreEntityTypesBeyondTheFourIncludingAuto(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Entity unknown = memory.createEntity(NewEntity.of("Zed", EntityType.parse("type", "AUTO")));
        Entity place = memory.createEntity(NewEntity.of("Berlin", EntityType.parse("type", "City")));
        Entity org = memory.createEntity(NewEntity.of("Acme", EntityType.parse("type", "organisation")));

        assertThat(unknown.type()).isEqualTo(EntityType.AUTO);
        assertThat(place.type().value()).isEqualTo("city");
        assertThat(org.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(memory.getEntityContext("berlin").entity().type().value()).isEqualTo("city");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStoreALinkGivenTheOtherWayRoundInTheCanonicalDirection(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity alice = memory.createEntity(NewEntity.of("Alice", EntityType.PERSON));
        Commitment call = memory.createCommitment(NewCommitment.of("Call Alice"));

        Link link = memory.linkNodes(NewLink.of(alice.id(), RelationshipType.INVOLVES, call.id()));
        Link again = memory.linkNodes(NewLink.of(call.id(), RelationshipType.INVOLVES, alice.id()));

        assertThat(link.reversed()).isTrue();
        assertThat(link.fromId()).isEqualTo(call.id());
        assertThat(link.toId()).isEqualTo(alice.id());
        assertThat(link.created()).isTrue();
        assertThat(again.reversed()).isFalse();
        assertThat(again.created()).isFalse();
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (c:Commitment)-[r:INVOLVES]->(e:Entity) WHERE c.namespace = $ns RETURN count(r)",
                        namespace))
                .isEqualTo(1);
        var decision = memory.recordDecision(NewDecision.of("Hire", "Growth"));
        assertThatThrownBy(() -> memory.linkNodes(NewLink.of(alice.id(), RelationshipType.DURING, decision.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("relationship"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindRelatedMemoriesToDepthTen(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            chain.add(memory.createCommitment(NewCommitment.of("Step " + i)).id());
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            memory.linkNodes(NewLink.of(chain.get(i), RelationshipType.LEADS_TO, chain.get(i + 1)));
        }

        List<RelatedNode> ten =
                memory.findRelated(RelatedQuery.around(chain.get(0)).depth(10));
        List<RelatedNode> seven = memory.findRelated(
                RelatedQuery.around(chain.get(0)).via(RelationshipType.LEADS_TO).depth(7));

        assertThat(ten).extracting(RelatedNode::distance).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(seven).hasSize(7);
        assertThat(memory.findRelated(
                        RelatedQuery.around(chain.get(0)).depth(10).limit(3)))
                .hasSize(3);
        assertThatThrownBy(() -> RelatedQuery.around(chain.get(0)).depth(11))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("depth"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldKeepAWearablesRawScores(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        EnergyState scored = memory.recordEnergy(EnergyReading.fromScores(78, 91));
        EnergyState both = memory.recordEnergy(new EnergyReading(EnergyLevel.HIGH, "rested", 9, 8.0, 88, 90));

        assertThat(scored.level()).isEqualTo(EnergyLevel.MEDIUM);
        assertThat(scored.readinessScore()).isEqualTo(78);
        assertThat(scored.sleepScore()).isEqualTo(91);
        assertThat(both.readiness()).isEqualTo(9);
        assertThat(both.readinessScore()).isEqualTo(88);
        assertThatThrownBy(() -> EnergyReading.fromScores(101, null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("readinessScore"));
        assertThatThrownBy(() -> new EnergyReading(null, null, 5, null, null, 50))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("level"));
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (x:EnergyState) WHERE x.namespace = $ns AND x.readinessScore = 78 AND x.sleepScore = 91"
                                + " RETURN count(x)",
                        namespace))
                .isEqualTo(1);
    }

    private static List<String> ids(List<Commitment> commitments) {
        return commitments.stream().map(Commitment::id).toList();
    }
}
