package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** {@code searchMemory} through every execution mode. */
@Neo4jTest
class SearchContractIT extends ContractSupport {

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(hit -> hit.memory().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldSearchTheTextsOfEveryKind(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment proposal = memory.createCommitment(
                NewCommitment.of("Send the pilot proposal").toWhom("Alice Chen"));
        Decision pilot = memory.recordDecision(
                NewDecision.of("Run a pilot first", "Lower risk").alternatives(List.of("Launch everywhere")));
        Pattern habit = memory.recordPattern(PatternObservation.of("Writes proposals at night", PatternType.BEHAVIOR));
        Conversation talk = memory.startConversation(NewConversation.of("claude"));
        memory.endConversation(new ConversationEnd(talk.id(), "Planned the pilot with Alice", null));
        Entity acme =
                memory.createEntity(NewEntity.of("Acme Corp", EntityType.CLIENT).notes("Pilot client"));
        memory.recordEnergy(new EnergyReading(EnergyLevel.HIGH, "pilot day", null, null)); // not searchable

        assertThat(ids(memory.searchMemory(SearchQuery.of("pilot"))))
                .containsExactlyInAnyOrder(proposal.id(), pilot.id(), talk.id(), acme.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("everywhere")))).containsExactly(pilot.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("lower risk")))).containsExactly(pilot.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("alice"))))
                .containsExactlyInAnyOrder(proposal.id(), talk.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("night")))).containsExactly(habit.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("acme")))).containsExactly(acme.id());

        SearchHit hit = memory.searchMemory(SearchQuery.of("night")).hits().get(0);
        assertThat(hit.memory().kind()).isEqualTo(MemoryKind.PATTERN);
        assertThat(hit.memory().properties())
                .containsEntry("description", "Writes proposals at night")
                .doesNotContainKeys("namespace", "patternKey", "embedding");
        assertThat(hit.score()).isPositive();
        assertThat(hit.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRankMemoriesMatchingMoreWordsFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment one = memory.createCommitment(NewCommitment.of("Pay the Acme invoice"));
        Commitment both = memory.createCommitment(NewCommitment.of("Plan the Acme budget review"));
        memory.createCommitment(NewCommitment.of("Water the plants"));

        SearchResult result = memory.searchMemory(SearchQuery.of("acme budget"));

        assertThat(ids(result)).containsExactly(both.id(), one.id());
        assertThat(result.hits()).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(result.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFilterByKindAndTime(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment old = memory.createCommitment(NewCommitment.of("Draft the budget"));
        Decision recent = memory.recordDecision(NewDecision.of("Cut the budget", "Costs went up"));
        MemoryFixture.write(
                driver,
                "MATCH (m:Memory {id: $id}) SET m.createdAt = datetime() - duration('P10D')",
                Map.of("id", old.id()));
        Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5));

        assertThat(ids(memory.searchMemory(SearchQuery.of("budget").kinds(MemoryKind.DECISION))))
                .containsExactly(recent.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("budget").kinds(MemoryKind.COMMITMENT, MemoryKind.ENTITY))))
                .containsExactly(old.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("budget").since(fiveDaysAgo))))
                .containsExactly(recent.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("budget").until(fiveDaysAgo))))
                .containsExactly(old.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldHoldToTheResultBudget(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        for (int i = 0; i < 5; i++) {
            memory.createCommitment(NewCommitment.of("Budget item " + i + ": " + "details ".repeat(500)));
        }

        SearchResult limited =
                memory.searchMemory(SearchQuery.of("budget").limit(3).maxChars(100_000));
        assertThat(limited.hits()).hasSize(3);
        assertThat(limited.truncated()).isTrue();
        assertThat(limited.hits()).noneMatch(SearchHit::truncated);

        SearchResult budgeted = memory.searchMemory(SearchQuery.of("budget").maxChars(1_000));
        assertThat(budgeted.hits()).hasSize(5).allMatch(SearchHit::truncated);
        assertThat(budgeted.truncated()).isTrue();
        int characters = budgeted.hits().stream()
                .flatMap(hit -> hit.memory().properties().values().stream())
                .filter(String.class::isInstance)
                .mapToInt(value -> ((String) value).length())
                .sum();
        assertThat(characters).isLessThanOrEqualTo(1_000 + 5); // one ellipsis per shortened text
        assertThat(budgeted.hits())
                .allSatisfy(hit -> assertThat((String) hit.memory().properties().get("content"))
                        .startsWith("Budget item ")
                        .endsWith("…"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldTakeAnyTextAsWordsAndRefuseInvalidLuceneSyntax(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment review = memory.createCommitment(NewCommitment.of("Review the C++ build (draft) for AND/OR logic"));

        for (String text : new String[] {
            "C++ (draft)", "and/or?", "\"the c++ build\"", "review\" AND (", "build: [draft]^2~ *", "NOT draft"
        }) {
            assertThat(ids(memory.searchMemory(SearchQuery.of(text)))).as(text).containsExactly(review.id());
        }
        assertThat(ids(memory.searchMemory(SearchQuery.of("drft~ AND buil*").luceneSyntax(true))))
                .containsExactly(review.id());
        for (String invalid : new String[] {"content:(", "review AND", "[draft TO"}) {
            assertThatThrownBy(() -> memory.searchMemory(SearchQuery.of(invalid).luceneSyntax(true)))
                    .as(invalid)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("query");
                        assertThat(e.rule()).contains("Lucene syntax");
                    });
        }
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldLeaveOutSupersededDecisionsUnlessAsked(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Decision postgres = memory.recordDecision(NewDecision.of("Billing runs on Postgres", "Familiar"));
        Decision neo4j = memory.supersedeDecision(postgres.id(), NewDecision.of("Billing runs on Neo4j", "Graphs"))
                .current();

        assertThat(ids(memory.searchMemory(SearchQuery.of("billing")))).containsExactly(neo4j.id());
        assertThat(ids(memory.searchMemory(SearchQuery.of("billing").includeSuperseded(true))))
                .containsExactlyInAnyOrder(neo4j.id(), postgres.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindNothingOfAnotherNamespace(Mode mode, Driver driver, TestNamespace namespace) {
        TestNamespace longer = namespace.sibling("x"); // its name contains this one's: Lucene alone could not tell
        Commitment mine =
                operations(Mode.ALONE, driver, namespace).createCommitment(NewCommitment.of("Quarterly budget review"));
        Commitment theirs = operations(Mode.ALONE, driver, longer)
                .createCommitment(NewCommitment.of("Quarterly budget for the other tenant"));

        assertThat(ids(operations(mode, driver, namespace).searchMemory(SearchQuery.of("quarterly budget"))))
                .containsExactly(mine.id());
        assertThat(ids(operations(mode, driver, longer).searchMemory(SearchQuery.of("quarterly budget"))))
                .containsExactly(theirs.id());
        assertThat(ids(operations(mode, driver, namespace.sibling("empty")).searchMemory(SearchQuery.of("budget"))))
                .isEmpty();
        assertThat(operations(mode, driver, namespace)
                        .searchMemory(SearchQuery.of(namespace.value()))
                        .hits())
                .as("the caller's words never match the namespace itself")
                .isEmpty();
    }
}
