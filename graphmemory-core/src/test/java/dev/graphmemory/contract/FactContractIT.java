package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.FactReplacement;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Facts that change over time: recorded, ended, replaced and read as of a moment, through every execution mode. */
@Neo4jTest
class FactContractIT extends ContractSupport {
    private static final Instant JANUARY = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2024-06-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReplaceAFactAndShowWhatHoldsNowAndWhatHeldThen(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Conversation talk = memory.startConversation(NewConversation.of("claude"));

        Fact paris = memory.recordFact(
                NewFact.of("Bob lives in Paris", "bob").from(JANUARY).learnedIn(talk.id()));
        FactReplacement moved =
                memory.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin").from(JUNE));

        assertThat(paris.about()).containsExactly("Bob");
        assertThat(paris.conversationId()).isEqualTo(talk.id());
        assertThat(paris.validFrom()).isEqualTo(JANUARY);
        assertThat(paris.validUntil()).isNull();
        assertThat(paris.createdAt()).isNotNull();
        assertThat(moved.replaced().id()).isEqualTo(paris.id());
        assertThat(moved.replaced().validUntil()).isEqualTo(JUNE);
        assertThat(moved.replaced().endedAt()).isNotNull();
        assertThat(moved.replaced().replacedBy()).isEqualTo(moved.current().id());
        assertThat(moved.current().about()).as("the same entities").containsExactly("Bob");
        assertThat(memory.getFacts(FactQuery.about("Bob")))
                .extracting(Fact::statement)
                .containsExactly("Bob lives in Berlin");
        assertThat(memory.getFacts(FactQuery.about("BOB").asOf(MARCH)))
                .extracting(Fact::statement)
                .containsExactly("Bob lives in Paris");
        assertThat(memory.getFacts(FactQuery.about("Bob").asOf(Instant.parse("2023-06-01T00:00:00Z"))))
                .isEmpty();
        assertThat(memory.getFacts(FactQuery.about("Bob").withHistory(true)))
                .extracting(Fact::statement)
                .containsExactly("Bob lives in Berlin", "Bob lives in Paris");
        assertThat(memory.getEntityContext("Bob").facts())
                .extracting(Fact::statement)
                .containsExactly("Bob lives in Berlin");
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (:Fact {namespace: $ns})-[:SUPERSEDED_BY]->(:Fact {namespace: $ns}) RETURN count(*)",
                        namespace))
                .isEqualTo(1);
        assertThat(MemoryFixture.count(
                        driver,
                        "MATCH (f:Fact:Memory {namespace: $ns})-[:LEARNED_FROM]->(:Conversation) RETURN count(f)",
                        namespace))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldEndAFactAndKeepIt(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Alice", EntityType.PERSON));
        memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Fact works = memory.recordFact(
                NewFact.of("Alice works at Acme", "Alice", "Acme").from(JANUARY));

        Fact ended = memory.endFact(works.id(), JUNE);

        assertThat(ended.validUntil()).isEqualTo(JUNE);
        assertThat(ended.endedAt()).isNotNull();
        assertThat(ended.about()).containsExactly("Acme", "Alice");
        assertThat(memory.getFacts(FactQuery.about("Acme"))).isEmpty();
        assertThat(memory.getFacts(FactQuery.about("Acme").asOf(MARCH))).containsExactly(ended);
        assertThat(memory.getEntityContext("Alice").facts()).isEmpty();
        assertThat(memory.timeline(TimelineQuery.lastDays(365 * 5).kinds(MemoryKind.FACT))
                        .events())
                .extracting(TimelineEvent::type)
                .containsExactlyInAnyOrder(TimelineEvent.Type.CREATED, TimelineEvent.Type.ENDED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseBadInputAndChangeNothing(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Fact paris = memory.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(JANUARY));
        Fact ended = memory.recordFact(
                NewFact.of("Bob studied in Lyon", "Bob").from(JANUARY).until(MARCH));
        Decision decision = memory.recordDecision(NewDecision.of("Visit Bob", "He moved"));
        long nodes = MemoryFixture.nodes(driver, namespace);
        long relationships = MemoryFixture.relationships(driver, namespace);

        assertThatThrownBy(() -> memory.recordFact(NewFact.of("Carol likes tea", "Bob", "Carol")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.field()).isEqualTo("about[1]");
                    assertThat(e.id()).isEqualTo("Carol");
                });
        assertThatThrownBy(
                        () -> memory.recordFact(NewFact.of("Bob is here", "Bob").learnedIn("no-such-talk")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("conversationId"));
        assertThatThrownBy(() -> memory.recordFact(NewFact.of("Nobody", new String[0])))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("about"));
        assertThatThrownBy(() -> memory.recordFact(
                        NewFact.of("Bob was away", "Bob").until(Instant.parse("2020-01-01T00:00:00Z"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> memory.endFact(paris.id(), Instant.parse("2023-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> memory.endFact(ended.id(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("factId");
                    assertThat(e.rule()).contains("ended already");
                });
        assertThatThrownBy(() -> memory.endFact("no-such-fact", null))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("factId"));
        assertThatThrownBy(() -> memory.endFact(decision.id(), null))
                .as("a decision is not a fact")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> memory.replaceFact(
                        paris.id(), NewFact.of("Bob lives in Rome").from(JANUARY)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("validFrom"));
        assertThatThrownBy(() -> memory.replaceFact(paris.id(), NewFact.of("Bob and Dan live in Rome", "Dan")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.id()).isEqualTo("Dan"));
        assertThatThrownBy(() -> memory.getFacts(FactQuery.about("Carol")))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("entity"));
        assertThatThrownBy(() -> NewFact.of("Bob", "Bob").from(MARCH).until(JANUARY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));

        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);
        assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(relationships);
        assertThat(memory.getFacts(FactQuery.about("Bob"))).containsExactly(paris);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRefuseASecondReplacementNamingTheFirst(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Fact paris = memory.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(JANUARY));
        FactReplacement first =
                memory.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin").from(MARCH));

        assertThatThrownBy(() -> memory.replaceFact(paris.id(), NewFact.of("Bob lives in Rome")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("factId");
                    assertThat(e.rule()).contains(first.current().id());
                });
        assertThatThrownBy(() -> memory.endFact(paris.id(), null)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldRecordManyFactsSetBasedAtomicallyOrBestEffort(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Alice", EntityType.PERSON));
        List<NewFact> facts = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // more than a chunk of 100 indexes its own nodes
            facts.add(NewFact.of("Alice read book " + i, "Alice").from(JANUARY));
        }
        List<NewFact> oneWrong = new ArrayList<>(facts.subList(0, 3));
        oneWrong.add(NewFact.of("Zed read a book", "Zed"));

        BatchResult<Fact> stored = memory.recordFacts(facts, BatchMode.ATOMIC);
        long nodes = MemoryFixture.nodes(driver, namespace);
        assertThatThrownBy(() -> memory.recordFacts(oneWrong, BatchMode.ATOMIC))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.field()).isEqualTo("facts[3].about[0]"));
        long afterRefusal = MemoryFixture.nodes(driver, namespace);
        BatchResult<Fact> partly = memory.recordFacts(oneWrong, BatchMode.BEST_EFFORT);

        assertThat(stored.items())
                .hasSize(150)
                .allSatisfy(item -> assertThat(item.status()).isEqualTo(BatchResult.Status.CREATED));
        assertThat(afterRefusal).isEqualTo(nodes);
        assertThat(partly.items())
                .extracting(BatchResult.Item::status)
                .containsExactly(
                        BatchResult.Status.CREATED,
                        BatchResult.Status.CREATED,
                        BatchResult.Status.CREATED,
                        BatchResult.Status.FAILED);
        assertThat(memory.getFacts(FactQuery.about("Alice").limit(200))).hasSize(153);
        assertThat(memory.searchMemory(SearchQuery.of("book 42").kinds(MemoryKind.FACT))
                        .hits()
                        .get(0)
                        .memory()
                        .title())
                .isEqualTo("Alice read book 42");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldEndAFactLinkedToItsSuccessorAndRefuseALinkAcrossKinds(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Fact old = memory.recordFact(NewFact.of("Bob is a student", "Bob").from(JANUARY));
        Fact current = memory.recordFact(NewFact.of("Bob is an engineer", "Bob"));
        Decision decision = memory.recordDecision(NewDecision.of("Hire Bob", "He graduated"));

        memory.linkNodes(NewLink.of(old.id(), RelationshipType.SUPERSEDED_BY, current.id()));

        assertThat(memory.getFacts(FactQuery.about("Bob"))).extracting(Fact::id).containsExactly(current.id());
        assertThatThrownBy(
                        () -> memory.linkNodes(NewLink.of(decision.id(), RelationshipType.SUPERSEDED_BY, current.id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.rule()).contains("to another of its kind"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindFactsByWordsAndLeaveOutThoseThatEnded(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Fact paris = memory.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(JANUARY));
        memory.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin").from(JUNE));

        SearchQuery lives = SearchQuery.of("lives").kinds(MemoryKind.FACT);
        assertThat(memory.searchMemory(lives).hits())
                .extracting(hit -> hit.memory().title())
                .containsExactly("Bob lives in Berlin");
        assertThat(memory.searchMemory(lives.includeSuperseded(true)).hits())
                .extracting(hit -> hit.memory().title())
                .containsExactlyInAnyOrder("Bob lives in Berlin", "Bob lives in Paris");
        assertThat(memory.searchMemory(SearchQuery.of("lives").about("bob")).hits())
                .extracting(hit -> hit.memory().kind())
                .containsOnly(MemoryKind.FACT);
    }

    @Test
    void shouldKeepFactsApartByNamespace(Driver driver, TestNamespace namespace) {
        try (GraphMemory mine = MemoryFixture.memory(driver, namespace);
                GraphMemory theirs = MemoryFixture.memory(driver, namespace.sibling("other"))) {
            mine.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            theirs.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            Fact mineFact = mine.recordFact(NewFact.of("Bob lives in Paris", "Bob"));
            theirs.recordFact(NewFact.of("Bob lives in Oslo", "Bob"));

            assertThat(mine.getFacts(FactQuery.about("Bob"))).containsExactly(mineFact);
            assertThatThrownBy(() -> theirs.endFact(mineFact.id(), null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> theirs.replaceFact(mineFact.id(), NewFact.of("Bob lives in Rome")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(mine.getFacts(FactQuery.about("Bob"))).containsExactly(mineFact);
            assertThat(theirs.searchMemory(SearchQuery.of("Paris")).hits()).isEmpty();
        }
    }

    @Test
    void shouldForgetFactsAndCountThem(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            Fact paris =
                    memory.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(JANUARY));
            FactReplacement moved = memory.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin"));

            Forgotten one = memory.forget(moved.current().id());
            Forgotten all = memory.forgetNamespace();

            assertThat(one.memories()).isEqualTo(Map.of(MemoryKind.FACT, 1L));
            assertThat(one.relationships()).isEqualTo(2); // INVOLVES and SUPERSEDED_BY
            assertThat(all.memories()).isEqualTo(Map.of(MemoryKind.FACT, 1L, MemoryKind.ENTITY, 1L));
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    @Test
    void shouldCopyFactsThroughExportAndImport(Driver driver, TestNamespace namespace) {
        try (GraphMemory source = MemoryFixture.memory(driver, namespace);
                GraphMemory target = MemoryFixture.memory(driver, namespace.sibling("copy"))) {
            source.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            Fact paris =
                    source.recordFact(NewFact.of("Bob lives in Paris", "Bob").from(JANUARY));
            source.replaceFact(paris.id(), NewFact.of("Bob lives in Berlin").from(JUNE));

            List<SnapshotNode> nodes = source.snapshots().nodes().toList();
            List<SnapshotRelationship> relationships =
                    source.snapshots().relationships().toList();
            target.snapshots().importNodes(nodes);
            target.snapshots().importRelationships(relationships);

            assertThat(target.snapshots().nodes().toList()).isEqualTo(nodes);
            assertThat(target.getFacts(FactQuery.about("Bob").withHistory(true)))
                    .isEqualTo(source.getFacts(FactQuery.about("Bob").withHistory(true)));
            assertThat(target.getFacts(FactQuery.about("Bob").asOf(MARCH)))
                    .extracting(Fact::statement)
                    .containsExactly("Bob lives in Paris");
            assertThat(target.searchMemory(SearchQuery.of("Berlin")).hits()).hasSize(1);
        }
    }
}
