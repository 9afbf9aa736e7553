package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

@Neo4jTest
class SessionEntityContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldStartAndEndAConversation(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Conversation started = memory.startConversation(new NewConversation("claude", "focused"));
        Conversation ended = memory.endConversation(new ConversationEnd(started.id(), "Planned the week", 1_234L));

        assertThat(started.endedAt()).isNull();
        assertThat(ended.id()).isEqualTo(started.id());
        assertThat(ended.agent()).isEqualTo("claude");
        assertThat(ended.mood()).isEqualTo("focused");
        assertThat(ended.summary()).isEqualTo("Planned the week");
        assertThat(ended.tokensUsed()).isEqualTo(1_234L);
        assertThat(ended.endedAt()).isAfterOrEqualTo(ended.startedAt());
        assertThat(MemoryFixture.count(
                        driver, "MATCH (c:Conversation:Memory {namespace: $ns}) RETURN count(c)", namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @SuppressWarnings("deprecation") // the original adapter's names stay as aliases
    void shouldKeepTheOriginalNamesOfTheConversationOperations(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Conversation started = memory.startSession(NewConversation.of("claude"));
        Conversation ended = memory.endSession(new ConversationEnd(started.id(), "Planned the week", null));

        assertThat(ended.id()).isEqualTo(started.id());
        assertThat(ended.summary()).isEqualTo("Planned the week");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReportEndingAnUnknownSessionAsNotFound(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        assertThatThrownBy(() -> memory.endConversation(new ConversationEnd("no-such-session", "Summary", null)))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("sessionId"));
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRecordAnEnergyState(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        EnergyState state = memory.recordEnergy(new EnergyReading(EnergyLevel.LOW, "after a long call", 4, 6.5));

        assertThat(state.level()).isEqualTo(EnergyLevel.LOW);
        assertThat(state.context()).isEqualTo("after a long call");
        assertThat(state.readiness()).isEqualTo(4);
        assertThat(state.sleepHours()).isEqualTo(6.5);
        assertThat(state.recordedAt()).isNotNull();
        assertThat(MemoryFixture.count(
                        driver, "MATCH (e:EnergyState:Memory {namespace: $ns}) RETURN count(e)", namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldKeepOneEntityPerNormalizedName(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Entity created = memory.createEntity(NewEntity.of("Alice Smith", EntityType.PERSON));
        Entity again = memory.createEntity(
                NewEntity.of("  alice   SMITH ", EntityType.PERSON).notes("Prefers email"));
        Entity moved = memory.createEntity(
                NewEntity.of("ALICE SMITH", EntityType.PERSON).inDomain("personal"));

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(moved.id()).isEqualTo(created.id());
        assertThat(moved.name()).isEqualTo("Alice Smith");
        assertThat(moved.notes()).isEqualTo("Prefers email");
        assertThat(moved.domain()).isEqualTo("personal");
        assertThat(created.domain()).isEqualTo("work");
        assertThat(moved.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldTreatNamesThatDifferOnlyInInvisibleCharactersAsOneEntity(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        Entity created = memory.createEntity(NewEntity.of("Acme Corp", EntityType.CLIENT));
        Entity zeroWidth = memory.createEntity(NewEntity.of("Ac\u200Bme\u00A0Corp\uFEFF", EntityType.CLIENT));

        assertThat(zeroWidth.id()).isEqualTo(created.id());
        assertThat(memory.getEntityContext("acme\u2060 corp").entity().id()).isEqualTo(created.id());
        assertThatThrownBy(() -> memory.createEntity(NewEntity.of("\u200B\u00A0\u2060", EntityType.CLIENT)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldKeepEntitiesOfDifferentNamespacesApart(Mode mode, Driver driver, TestNamespace namespace) {
        Entity mine = operations(mode, driver, namespace).createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Entity theirs =
                operations(mode, driver, namespace.sibling("b")).createEntity(NewEntity.of("Acme", EntityType.CLIENT));

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
        assertThat(MemoryFixture.nodes(driver, namespace.sibling("b"))).isEqualTo(1);
    }
}
