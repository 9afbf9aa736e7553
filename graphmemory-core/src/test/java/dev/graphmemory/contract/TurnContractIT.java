package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.model.TurnQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Conversation turns: recorded in order, read back in pages and around a hit, through every execution mode. */
@Neo4jTest
class TurnContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRecordTurnsInOrderAndContinueTheSequence(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));

        List<Turn> first = memory.recordTurns(
                talk.id(),
                List.of(
                        NewTurn.of("Alice", "Can you send me the Acme proposal by Friday?"),
                        NewTurn.of("assistant", "Yes, I'll send it Thursday evening.")));
        Turn third = memory.recordTurn(talk.id(), NewTurn.of("Alice", "Thanks!").ref("msg-3"));

        assertThat(first).extracting(Turn::sequence).containsExactly(0L, 1L);
        assertThat(first).extracting(Turn::speaker).containsExactly("Alice", "assistant");
        assertThat(first).allSatisfy(turn -> assertThat(turn.conversationId()).isEqualTo(talk.id()));
        assertThat(third.sequence()).isEqualTo(2L);
        assertThat(third.ref()).isEqualTo("msg-3");
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (t:Turn:Memory {namespace: $ns})-[:DURING]->(c:Conversation) RETURN count(t)",
                        namespace))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReadTurnsBackInPagesAndAroundAHit(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        List<NewTurn> said = IntStream.range(0, 12)
                .mapToObj(i -> NewTurn.of(i % 2 == 0 ? "Alice" : "assistant", "line " + i))
                .toList();
        List<Turn> stored = memory.recordTurns(talk.id(), said);

        List<Turn> page = memory.getTurns(TurnQuery.of(talk.id()).limit(5));
        List<Turn> next = memory.getTurns(
                TurnQuery.of(talk.id()).after(page.get(4).sequence()).limit(5));
        List<Turn> around = memory.turnsAround(stored.get(6).id(), 2, 1);

        assertThat(page).extracting(Turn::text).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
        assertThat(next).extracting(Turn::text).containsExactly("line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(around).extracting(Turn::text).containsExactly("line 4", "line 5", "line 6", "line 7");
        assertThat(memory.turnsAround(stored.get(0).id(), 3, 0))
                .extracting(Turn::text)
                .containsExactly("line 0");
        assertThat(memory.getTurns(TurnQuery.of("no-such-conversation"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldLinkATurnToTheEntityOfItsSpeaker(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Alice Chen", EntityType.PERSON));
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        Instant then = Instant.parse("2023-05-08T13:56:00Z");

        memory.recordTurns(
                talk.id(),
                List.of(
                        NewTurn.of("alice  chen", "I adopted a dog").at(then),
                        NewTurn.of("Bob", "Congratulations!").at(then)));

        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (t:Turn {namespace: $ns})-[:SAID_BY]->(e:Entity {name: 'Alice Chen'}) RETURN count(t)",
                        namespace))
                .isEqualTo(1);
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                .as("a speaker without an entity makes none")
                .isEqualTo(1);
        assertThat(memory.getTurns(TurnQuery.of(talk.id())))
                .allSatisfy(turn -> assertThat(turn.saidAt()).isEqualTo(then));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseTurnsOfAnUnknownConversationAndWriteNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);

        assertThatThrownBy(() -> memory.recordTurns("no-such-conversation", List.of(NewTurn.of("Alice", "Hello"))))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("conversationId"));
        assertThatThrownBy(() -> memory.turnsAround("no-such-turn", 1, 1))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("turnId"));
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseBadTurnsBeforeWritingAny(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        List<NewTurn> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(NewTurn.of("Alice", "x"));
        }

        assertThatThrownBy(() -> NewTurn.of(" ", "Hello"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("speaker"));
        assertThatThrownBy(() -> memory.recordTurns(talk.id(), List.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("turns"));
        assertThatThrownBy(() -> memory.recordTurns(talk.id(), tooMany))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("turns"));
        assertThatThrownBy(() -> memory.turnsAround("some-id", 51, 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("before"));
        assertThat(MemoryFixture.count(driver, "MATCH (t:Turn {namespace: $ns}) RETURN count(t)", namespace))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindTurnsBySearchAndOnTheTimelineWhenTheyWereSaid(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        Instant then = Instant.parse("2023-05-08T13:56:00Z");
        Turn sunrise = memory.recordTurn(
                talk.id(),
                NewTurn.of("Melanie", "I painted a sunrise over the lake").at(then));

        assertThat(memory.searchMemory(SearchQuery.of("sunrise lake")).hits())
                .extracting(hit -> hit.memory().id())
                .containsExactly(sunrise.id());
        var timeline = memory.timeline(TimelineQuery.between(then.minusSeconds(60), then.plusSeconds(60)));
        assertThat(timeline.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(TimelineEvent.Type.SAID);
            assertThat(event.at()).isEqualTo(then);
            assertThat(event.memory().kind()).isEqualTo(MemoryKind.TURN);
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldForgetAConversationWithWhatWasSaidInIt(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        memory.recordTurns(talk.id(), List.of(NewTurn.of("Alice", "one"), NewTurn.of("Alice", "two")));

        Forgotten gone = memory.forget(talk.id());

        assertThat(gone.memories()).containsEntry(MemoryKind.CONVERSATION, 1L).containsEntry(MemoryKind.TURN, 2L);
        assertThat(gone.relationships()).isEqualTo(2);
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }

    @Test
    void shouldGiveConcurrentAppendsToOneConversationTheirOwnSequences(Driver driver, TestNamespace namespace)
            throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            Conversation talk = memory.startConversation(NewConversation.of("claude"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Turn>>> calls = new ArrayList<>();
                for (int caller = 0; caller < 16; caller++) {
                    int c = caller;
                    calls.add(pool.submit(() -> memory.recordTurns(
                            talk.id(), List.of(NewTurn.of("c" + c, "first"), NewTurn.of("c" + c, "second")))));
                }
                List<Long> sequences = new ArrayList<>();
                for (Future<List<Turn>> call : calls) {
                    List<Turn> turns = call.get();
                    assertThat(turns.get(1).sequence())
                            .as("one call's turns stay together")
                            .isEqualTo(turns.get(0).sequence() + 1);
                    turns.forEach(turn -> sequences.add(turn.sequence()));
                }
                assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongRange.of(0, 32));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** 0, 1, …, end - 1. */
    private static final class LongRange {
        static List<Long> of(long start, long end) {
            List<Long> values = new ArrayList<>();
            for (long i = start; i < end; i++) {
                values.add(i);
            }
            return values;
        }
    }
}
