package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

@Neo4jTest
class CommitmentContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCreateAPendingCommitmentWithDefaults(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Commitment created = memory.createCommitment(NewCommitment.of("Water the plants"));

        assertThat(created.id()).hasSize(36);
        assertThat(created.content()).isEqualTo("Water the plants");
        assertThat(created.toWhom()).isEqualTo("self");
        assertThat(created.domain()).isEqualTo("work");
        assertThat(created.priority()).isEqualTo(3);
        assertThat(created.status()).isEqualTo(CommitmentStatus.PENDING);
        assertThat(created.deadline()).isNull();
        assertThat(created.createdAt()).isNotNull();
        assertThat(created.completedAt()).isNull();
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldKeepDateAndDateTimeDeadlinesAsNativeTemporalValues(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        ZonedDateTime noon = ZonedDateTime.of(2026, 12, 4, 12, 0, 0, 0, ZoneOffset.ofHours(1));

        Commitment byDay = memory.createCommitment(NewCommitment.of("Report").due(LocalDate.of(2026, 12, 4)));
        Commitment byTime = memory.createCommitment(NewCommitment.of("Call").due(Deadline.at(noon)));

        assertThat(byDay.deadline()).isEqualTo(Deadline.on(LocalDate.of(2026, 12, 4)));
        assertThat(((Deadline.AtTime) byTime.deadline()).time().toInstant()).isEqualTo(noon.toInstant());
        long dates = MemoryFixture.count(
                driver,
                "MATCH (c:Commitment) WHERE c.namespace = $ns AND c.deadline IS :: DATE AND c.dueAt IS :: ZONED DATETIME"
                        + " RETURN count(c)",
                namespace);
        assertThat(dates).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCompleteOnceAndTreatARepeatAsHarmless(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment commitment =
                memory.createCommitment(NewCommitment.of("Send the invoice").toWhom("Acme"));

        Commitment done = memory.completeCommitment(commitment.id(), "Sent on time");
        Commitment again = memory.completeCommitment(commitment.id(), null);

        assertThat(done.status()).isEqualTo(CommitmentStatus.COMPLETED);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.outcome()).isEqualTo("Sent on time");
        assertThat(again.completedAt()).isEqualTo(done.completedAt());
        assertThat(again.outcome()).isEqualTo("Sent on time");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReportAnUnknownOrForeignCommitmentAsNotFound(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        String decisionId =
                memory.recordDecision(NewDecision.of("Go", "Because")).id();
        String elsewhere = operations(Mode.ALONE, driver, namespace.sibling("other"))
                .createCommitment(NewCommitment.of("Not yours"))
                .id();

        for (String id : new String[] {"0192f0a0-0000-7000-8000-000000000000", decisionId, elsewhere}) {
            assertThatThrownBy(() -> memory.completeCommitment(id, null))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.field()).isEqualTo("commitmentId");
                        assertThat(e.id()).isEqualTo(id);
                    });
        }
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (c:Commitment) WHERE c.status = 'completed' AND c.namespace STARTS WITH $ns RETURN count(c)",
                        namespace))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldListNewestFirstWithEveryFilter(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment first =
                memory.createCommitment(NewCommitment.of("One").toWhom("Alice").due(LocalDate.of(2026, 1, 10)));
        Commitment second =
                memory.createCommitment(NewCommitment.of("Two").toWhom("bob").inDomain("personal"));
        Commitment third = memory.createCommitment(
                NewCommitment.of("Three").toWhom("ALICE").due(LocalDate.of(2027, 1, 10)));
        memory.completeCommitment(second.id(), null);

        assertThat(memory.getCommitments(CommitmentQuery.all()))
                .extracting(Commitment::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(memory.getCommitments(CommitmentQuery.all().toWhom("alice")))
                .extracting(Commitment::id)
                .containsExactly(third.id(), first.id());
        assertThat(memory.getCommitments(CommitmentQuery.all().status(CommitmentStatus.COMPLETED)))
                .extracting(Commitment::id)
                .containsExactly(second.id());
        assertThat(memory.getCommitments(CommitmentQuery.all().domain("Personal")))
                .extracting(Commitment::id)
                .containsExactly(second.id());
        assertThat(memory.getCommitments(
                        CommitmentQuery.all().dueBefore(ZonedDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC))))
                .extracting(Commitment::id)
                .containsExactly(first.id());
        assertThat(memory.getCommitments(CommitmentQuery.all().limit(2))).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseInvalidInputAndChangeNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        assertThatThrownBy(() -> memory.completeCommitment("", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("commitmentId"));
        assertThatThrownBy(() -> memory.completeCommitment("x'}) DETACH DELETE n //", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("commitmentId"));
        assertThatThrownBy(() -> memory.createCommitment(null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("commitment"));
        assertThatThrownBy(() -> memory.getCommitments(new CommitmentQuery(null, null, null, null, 201)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldSeeNothingOfAnotherNamespace(Mode mode, Driver driver, TestNamespace namespace) {
        operations(Mode.ALONE, driver, namespace).createCommitment(NewCommitment.of("Mine"));
        MemoryOperations other = operations(mode, driver, namespace.sibling("b"));

        assertThat(other.getCommitments(CommitmentQuery.all())).isEmpty();
        assertThat(MemoryFixture.count(driver, "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace))
                .isEqualTo(1);
        assertThat(MemoryFixture.count(
                        driver, "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace.sibling("b")))
                .isZero();
        MemoryFixture.write(driver, "RETURN $x", Map.of("x", 1));
    }
}
