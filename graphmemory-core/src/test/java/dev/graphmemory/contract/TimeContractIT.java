package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.Supersession;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Overdue and due-soon commitments, superseded decisions and the timeline, through every execution mode. */
@Neo4jTest
class TimeContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldListOverdueAndDueSoonCommitmentsSoonestFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Commitment late = memory.createCommitment(NewCommitment.of("Late").due(today.minusDays(3)));
        Commitment lateDone =
                memory.createCommitment(NewCommitment.of("Late but done").due(today.minusDays(5)));
        memory.completeCommitment(lateDone.id(), "Done after all");
        Commitment inAnHour = memory.createCommitment(NewCommitment.of("In an hour")
                .due(Deadline.at(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1))));
        Commitment soon = memory.createCommitment(NewCommitment.of("Soon").due(today.plusDays(2)));
        Commitment later = memory.createCommitment(NewCommitment.of("Later").due(today.plusDays(20)));
        memory.createCommitment(NewCommitment.of("Whenever"));

        assertThat(ids(memory.getCommitments(CommitmentQuery.all().overdue(true))))
                .containsExactly(late.id());
        assertThat(ids(memory.getCommitments(CommitmentQuery.all().dueWithinDays(7))))
                .containsExactly(inAnHour.id(), soon.id());
        assertThat(ids(memory.getCommitments(CommitmentQuery.all().overdue(true).dueWithinDays(7))))
                .containsExactly(late.id(), inAnHour.id(), soon.id());
        assertThat(ids(memory.getCommitments(
                        CommitmentQuery.all().dueWithinDays(30).limit(2))))
                .containsExactly(inAnHour.id(), soon.id());
        assertThat(ids(memory.getCommitments(
                        CommitmentQuery.all().status(CommitmentStatus.PENDING).dueWithinDays(30))))
                .containsExactly(inAnHour.id(), soon.id(), later.id());
        assertThat(memory.getCommitments(CommitmentQuery.all())).hasSize(6); // newest first, as before
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldSupersedeADecisionAndShowCurrentOnesByDefault(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Decision pilot = memory.recordDecision(NewDecision.of("Pilot with Acme", "Lower risk"));
        memory.linkNodes(NewLink.of(pilot.id(), RelationshipType.INVOLVES, acme.id()));

        Supersession change = memory.supersedeDecision(
                pilot.id(),
                NewDecision.of("Launch with Acme", "The pilot went well").confidence(0.9));

        Decision launch = change.current();
        assertThat(change.superseded().id()).isEqualTo(pilot.id());
        assertThat(change.superseded().supersededAt()).isNotNull().isAfterOrEqualTo(pilot.createdAt());
        assertThat(launch.supersededAt()).isNull();
        assertThat(launch.content()).isEqualTo("Launch with Acme");
        assertThat(launch.confidence()).isEqualTo(0.9);
        assertThat(memory.getDecisions(DecisionQuery.all())).containsExactly(launch);
        assertThat(memory.getDecisions(DecisionQuery.all().includeSuperseded(true)))
                .extracting(Decision::id)
                .containsExactly(launch.id(), pilot.id());
        assertThat(memory.getEntityContext("acme").decisions()).containsExactly(launch); // it involves Acme too
        assertThat(memory.findRelated(RelatedQuery.around(pilot.id()).via(RelationshipType.SUPERSEDED_BY)))
                .extracting(related -> related.node().id())
                .containsExactly(launch.id());

        Decision rollout = memory.supersedeDecision(launch.id(), NewDecision.of("Roll out to all", "Launch worked"))
                .current();
        assertThat(memory.getDecisions(DecisionQuery.all()))
                .extracting(Decision::id)
                .containsExactly(rollout.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseToSupersedeTwiceOrWhatIsNoDecision(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision old = memory.recordDecision(NewDecision.of("Old", "Then"));
        Decision current =
                memory.supersedeDecision(old.id(), NewDecision.of("New", "Now")).current();
        Commitment commitment = memory.createCommitment(NewCommitment.of("Not a decision"));
        long nodes = MemoryFixture.nodes(driver, namespace);

        assertThatThrownBy(() -> memory.supersedeDecision(old.id(), NewDecision.of("Newer", "Later")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("decisionId");
                    assertThat(e.rule()).contains(current.id());
                });
        for (String id : new String[] {commitment.id(), "0192f0a0-0000-7000-8000-000000000000"}) {
            assertThatThrownBy(() -> memory.supersedeDecision(id, NewDecision.of("Newer", "Later")))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.field()).isEqualTo("decisionId"));
        }
        assertThatThrownBy(() -> operations(Mode.ALONE, driver, namespace.sibling("other"))
                        .supersedeDecision(current.id(), NewDecision.of("Theirs", "Mine now")))
                .isInstanceOf(NotFoundException.class);
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldMarkADecisionSupersededWhenLinkedToItsSuccessor(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision old = memory.recordDecision(NewDecision.of("Old", "Then"));
        Decision current = memory.recordDecision(NewDecision.of("New", "Now"));
        Commitment commitment = memory.createCommitment(NewCommitment.of("A commitment"));

        memory.linkNodes(NewLink.of(old.id(), RelationshipType.SUPERSEDED_BY, current.id()));

        assertThat(memory.getDecisions(DecisionQuery.all())).containsExactly(current);
        assertThat(memory.getDecisions(DecisionQuery.all().includeSuperseded(true))
                        .get(1)
                        .supersededAt())
                .isNotNull();
        assertThatThrownBy(() ->
                        memory.linkNodes(NewLink.of(current.id(), RelationshipType.SUPERSEDED_BY, commitment.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.rule())
                                .contains("SUPERSEDED_BY links Decision or Fact to another of its kind"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldTellWhatHappenedInAWindowNewestFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment call = memory.createCommitment(NewCommitment.of("Call Bob"));
        memory.completeCommitment(call.id(), "Called");
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        memory.endConversation(new ConversationEnd(talk.id(), "Talked", null));
        Decision old = memory.recordDecision(NewDecision.of("Old plan", "Then"));
        Decision current = memory.supersedeDecision(old.id(), NewDecision.of("New plan", "Now"))
                .current();
        memory.recordPattern(PatternObservation.of("Calls on Mondays", PatternType.BEHAVIOR));
        var habit = memory.recordPattern(PatternObservation.of("Calls on Mondays", PatternType.BEHAVIOR));
        var energy = memory.recordEnergy(EnergyReading.of(EnergyLevel.LOW));
        Commitment ancient = memory.createCommitment(NewCommitment.of("Long ago"));
        MemoryFixture.write(
                driver,
                "MATCH (m:Memory {id: $id}) SET m.createdAt = datetime() - duration('P30D')",
                Map.of("id", ancient.id()));

        Timeline day = memory.timeline(TimelineQuery.lastDays(1));

        assertThat(day.truncated()).isFalse();
        assertThat(day.events()).extracting(TimelineEvent::at).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(day.events())
                .extracting(event -> event.type() + " " + event.memory().id())
                .containsExactlyInAnyOrder(
                        "CREATED " + call.id(),
                        "COMPLETED " + call.id(),
                        "CREATED " + talk.id(),
                        "ENDED " + talk.id(),
                        "CREATED " + old.id(),
                        "SUPERSEDED " + old.id(),
                        "CREATED " + current.id(),
                        "CREATED " + habit.id(),
                        "OBSERVED " + habit.id(),
                        "CREATED " + energy.id());
        assertThat(memory.timeline(TimelineQuery.lastDays(1).kinds(MemoryKind.COMMITMENT))
                        .events())
                .extracting(TimelineEvent::type)
                .containsExactly(TimelineEvent.Type.COMPLETED, TimelineEvent.Type.CREATED);
        Timeline three = memory.timeline(TimelineQuery.lastDays(1).limit(3));
        assertThat(three.events()).hasSize(3).isEqualTo(day.events().subList(0, 3));
        assertThat(three.truncated()).isTrue();

        Instant now = Instant.now();
        assertThat(memory.timeline(TimelineQuery.lastDays(60)).events())
                .extracting(event -> event.memory().id())
                .endsWith(ancient.id());
        assertThat(memory.timeline(
                                TimelineQuery.between(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(29))))
                        .events())
                .extracting(event -> event.memory().id())
                .containsExactly(ancient.id());
        assertThat(operations(Mode.ALONE, driver, namespace.sibling("other"))
                        .timeline(TimelineQuery.lastDays(60))
                        .events())
                .isEmpty();
    }

    private static List<String> ids(List<Commitment> commitments) {
        return commitments.stream().map(Commitment::id).toList();
    }
}
