package dev.graphmemory.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.internal.cypher.DecisionStatements;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.internal.cypher.SearchStatements;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.work.Chain;
import dev.graphmemory.internal.work.Ids;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Sequence;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Timed;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.TurnQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;

/**
 * EXPLAINs every statement the library sends, with realistic parameters, and checks that none scans all nodes or a
 * whole label: every lookup goes through an index on the namespace, the id or the name.
 */
@Neo4jTest
class StatementPlanIT {
    private static final int DIMENSIONS = MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS;

    static Stream<Statement<?>> statements() {
        OperationTable ops = new OperationTable(
                "plan-test", Ids.fresh(), 10, Duration.ofSeconds(5), 100, DIMENSIONS, HybridSearch.wordsOnly());
        List<Statement<?>> all = new ArrayList<>();
        all.add(statementOf(ops.createCommitment(NewCommitment.of("x"))));
        all.add(statementOf(ops.completeCommitment("some-id", "done")));
        all.add(statementOf(ops.getCommitments(CommitmentQuery.all().toWhom("a"))));
        all.add(statementOf(
                ops.getCommitments(CommitmentQuery.all().overdue(true).dueWithinDays(7))));
        all.add(statementOf(ops.recordDecision(NewDecision.of("x", "y"))));
        all.add(statementOf(ops.getDecisions(DecisionQuery.all().days(3))));
        all.add(statementOf(ops.getDecisions(DecisionQuery.all().includeSuperseded(true))));
        all.add(statementOf(ops.recordPattern(PatternObservation.of("x", PatternType.BEHAVIOR))));
        all.add(statementOf(ops.getPatterns(PatternQuery.all())));
        all.add(statementOf(ops.startConversation(NewConversation.of("a"))));
        all.add(statementOf(ops.endConversation(new ConversationEnd("some-id", "s", null))));
        all.add(statementOf(ops.recordEnergy(EnergyReading.of(EnergyLevel.HIGH))));
        all.add(statementOf(ops.recordTurns("some-id", List.of(NewTurn.of("a", "b")))));
        all.add(statementOf(ops.getTurns(TurnQuery.of("some-id").after(3))));
        all.add(statementOf(ops.turnsAround("some-id", 2, 2)));
        all.add(statementOf(ops.createEntity(NewEntity.of("x", EntityType.PERSON))));
        all.add(statementOf(ops.getEntityContext("x", Limits.DEFAULT_LIMIT)));
        all.addAll(recall(ops));
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

    /** The statements of search, time and forgetting that look memories up by index (not through a procedure). */
    static List<Statement<?>> recall(OperationTable ops) {
        List<Statement<?>> all = new ArrayList<>();
        all.add(statementOf(ops.setEmbedding("a", Embedding.of(vector()))));
        all.add(statementOf(ops.similarMemories(SimilarityQuery.like("a")))); // the embedding of the memory
        all.add(statementOf(ops.timeline(TimelineQuery.lastDays(7))));
        all.add(statementOf(ops.timeline(TimelineQuery.lastDays(7).kinds(MemoryKind.DECISION, MemoryKind.PATTERN))));
        all.add(statementOf(ops.supersedeDecision("a", NewDecision.of("x", "y"))));
        all.add(Statement.write(
                "supersedeDecision",
                DecisionStatements.SUPERSEDE,
                Params.in("plan-test")
                        .with("oldId", "a")
                        .with("decision", DecisionStatements.row(0, "b", NewDecision.of("x", "y")))
                        .map(),
                rows -> null));
        all.add(statementOf(ops.forget("a")));
        SearchQuery filtered =
                SearchQuery.of("alice budget").about("Alice").since(Instant.parse("2026-01-01T00:00:00Z"));
        all.add(SearchStatements.context("plan-test", filtered, List.of("alice", "alice budget"), 64, true));
        all.add(SearchStatements.context("plan-test", SearchQuery.of("budget"), List.of("budget"), 0, true));
        all.addAll(embedding());
        all.add(ops.forgetNamespaceBatch("audit"));
        all.add(ops.forgetNamespaceDone("audit"));
        return all;
    }

    /** What the background embedder sends. It scans no label but its own small {@code EmbedPending}. */
    static List<Statement<?>> embedding() {
        Map<String, Object> row = Map.of("namespace", "plan-test", "id", "a", "text", "x", "vector", List.of(1.0));
        return List.of(
                Statement.write(
                        "claimEmbeddings",
                        EmbeddingStatements.CLAIM,
                        Map.of("batch", 16, "worker", "w", "seconds", 60),
                        rows -> null),
                Statement.write(
                        "embedMemories",
                        EmbeddingStatements.STORE,
                        Map.of("rows", List.of(row), "model", "m"),
                        rows -> null),
                Statement.write("embedMemories", EmbeddingStatements.FINISH, Map.of("batch", 16), rows -> null));
    }

    /** Search and similarity go through their index procedures; the plan must not scan anything besides. */
    static Stream<Arguments> indexQueries() {
        OperationTable ops = new OperationTable(
                "plan-test", Ids.fresh(), 10, Duration.ofSeconds(5), 100, DIMENSIONS, HybridSearch.wordsOnly());
        return Stream.of(
                Arguments.of(
                        statementOf(SearchStatements.words(
                                "plan-test",
                                SearchQuery.of("acme proposal")
                                        .kinds(MemoryKind.COMMITMENT)
                                        .about("Alice")
                                        .since(Instant.parse("2026-01-01T00:00:00Z")),
                                100)),
                        "db.index.fulltext.queryNodes",
                        "gm_search_text"),
                Arguments.of(
                        statementOf(SearchStatements.meaning(
                                "plan-test",
                                SearchQuery.of("acme proposal").about("Alice"),
                                "some-model",
                                EmbeddingStatements.asList(vector()),
                                100,
                                100)),
                        "db.index.vector.queryNodes",
                        EmbeddingStatements.INDEX),
                Arguments.of(
                        statementOf(ops.similarMemories(SimilarityQuery.to(Embedding.of(vector())))),
                        "db.index.vector.queryNodes",
                        "gm_memory_embedding"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("indexQueries")
    void shouldQueryTheTextAndVectorIndexes(
            Statement<?> statement, String procedure, String index, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        MemoryFixture.write(driver, EmbeddingStatements.createIndex(DIMENSIONS), Map.of()); // made when a model loads
        List<String> operators = new ArrayList<>();
        collectWithDetails(plan(driver, statement), operators);

        assertThat(statement.text()).contains("'" + index + "'");
        assertThat(operators)
                .as("operators of %s", statement.name())
                .anyMatch(operator -> operator.startsWith("ProcedureCall") && operator.contains(procedure))
                .noneMatch(operator -> operator.startsWith("AllNodesScan")
                        || operator.startsWith("NodeByLabelScan")
                        || operator.contains("CartesianProduct"));
        if (!index.equals(EmbeddingStatements.INDEX)) { // the embedder makes that one, for its model's size
            assertThat(Schema.NAMES).contains(index);
        }
    }

    /** Statements that page through a whole namespace: each page must be read in index order, never sorted. */
    static Stream<Arguments> pagingStatements() {
        Map<String, Object> page = Params.in("plan-test")
                .with("after", "0192f0a0-0000-7000-8000-000000000000")
                .with("page", Snapshots.PAGE)
                .map();
        OperationTable ops = new OperationTable(
                "plan-test", Ids.fresh(), 10, Duration.ofSeconds(5), 100, DIMENSIONS, HybridSearch.wordsOnly());
        return Stream.of(
                Arguments.of("exportNodes", Statement.read("exportNodes", Snapshots.NODES, page, rows -> null)),
                Arguments.of(
                        "exportRelationships",
                        Statement.read("exportRelationships", Snapshots.RELATIONSHIPS, page, rows -> null)),
                Arguments.of("forgetNamespace", ops.forgetNamespaceBatch("audit")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagingStatements")
    void shouldReadEachPageInIndexOrderWithoutSortingTheNamespace(
            String name, Statement<?> statement, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        List<String> operators = new ArrayList<>();
        collectWithDetails(plan(driver, statement), operators);

        // Top (ORDER BY ... LIMIT), or a Sort below the Limit, would read and sort the rest of the namespace for
        // every page; operators are listed from the result down to the index seek
        assertThat(operators)
                .as("operators of %s", name)
                .anyMatch(
                        operator -> operator.startsWith("NodeIndexSeek") || operator.startsWith("NodeUniqueIndexSeek"))
                .noneMatch(operator -> operator.startsWith("Top"));
        int limit = operators.indexOf(operators.stream()
                .filter(operator -> operator.startsWith("Limit"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Limit in " + operators)));
        assertThat(operators.subList(limit, operators.size()))
                .as("operators of %s below its Limit", name)
                .noneMatch(operator -> operator.contains("Sort@"));
    }

    private static float[] vector() {
        float[] vector = new float[DIMENSIONS];
        vector[0] = 1f;
        return vector;
    }

    private static Plan plan(Driver driver, Statement<?> statement) {
        return driver.executableQuery("EXPLAIN " + statement.text())
                .withParameters(statement.parameters())
                .execute()
                .summary()
                .plan();
    }

    private static void collectWithDetails(Plan plan, List<String> operators) {
        operators.add(plan.operatorType() + " " + plan.arguments().getOrDefault("Details", Values.NULL));
        plan.children().forEach(child -> collectWithDetails(child, operators));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void shouldNeverScanAllNodesOrAWholeLabel(Statement<?> statement, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        Plan plan = plan(driver, statement);

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
        if (work instanceof Sequence<?> sequence) {
            return statementOf(sequence.parts().get(0));
        }
        throw new IllegalArgumentException("no statement in " + work);
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
