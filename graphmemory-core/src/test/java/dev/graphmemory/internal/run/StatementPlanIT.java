package dev.graphmemory.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.cypher.PinnedPlans;
import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.internal.cypher.SearchStatements;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.work.Ids;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
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
 * EXPLAINs every statement the library sends (the {@link StatementCatalogue}, with realistic parameters) and checks
 * that none scans all nodes, a whole label or every relationship: every lookup goes through an index on the namespace,
 * the id or the name. How long each takes to plan is measured by the benchmarks, never asserted here.
 */
@Neo4jTest
class StatementPlanIT {
    private static final int DIMENSIONS = MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS;

    /** The one statement that reads a whole label, by design: the search indexer's, of nodes waiting to be indexed. */
    private static final String INDEXER = "search indexer";

    static Stream<Arguments> statements() {
        return StatementCatalogue.entries(DIMENSIONS).stream()
                .filter(entry -> !entry.label().startsWith(INDEXER))
                .map(entry -> Arguments.of(entry.label(), entry.statement()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void shouldNeverScanAllNodesAWholeLabelOrEveryRelationship(
            String label, Statement<?> statement, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        List<String> operators = new ArrayList<>();
        collect(plan(driver, statement), operators);

        assertThat(operators)
                .as("operators of %s", label)
                .noneMatch(operator -> operator.startsWith("AllNodesScan")
                        || operator.startsWith("NodeByLabelScan")
                        || operator.contains("RelationshipsScan")
                        || operator.contains("RelationshipTypeScan")
                        || operator.contains("CartesianProduct"));
    }

    /**
     * A pinned plan is kept however the counts drift, so it must not depend on them: each pinned statement names the
     * index each of its matches starts from (or reads only the count store), and every statement that reads the labels
     * of waiting memories, whose counts swing from none to some all the time, is pinned.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allStatements")
    void shouldPinThePlansOfStatementsOverTheWaitingLabelsAndNameTheirIndexes(
            String label, Statement<?> statement, Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        String text = statement.text();
        boolean readsWaiting = WAITING.matcher(text).find();
        if (!PinnedPlans.isPinned(text)) {
            assertThat(readsWaiting)
                    .as("%s reads a label of waiting memories without a pinned plan", label)
                    .isFalse();
            return;
        }
        List<String> operators = new ArrayList<>();
        collectWithDetails(plan(driver, statement), operators);
        long starts = MATCH.matcher(text).results().count();
        long hints = HINT.matcher(text).results().count();
        if (hints == 0) {
            assertThat(operators)
                    .as("operators of %s, pinned without a hint", label)
                    .anyMatch(operator -> operator.startsWith("NodeCountFromCountStore"));
        } else {
            assertThat(hints).as("indexes named by %s, one per match", label).isEqualTo(starts);
            assertThat(operators)
                    .as("operators of %s", label)
                    .noneMatch(
                            operator -> operator.startsWith("NodeByLabelScan") || operator.startsWith("AllNodesScan"));
        }
    }

    static Stream<Arguments> allStatements() {
        return StatementCatalogue.entries(DIMENSIONS).stream()
                .map(entry -> Arguments.of(entry.label(), entry.statement()));
    }

    private static final java.util.regex.Pattern WAITING =
            java.util.regex.Pattern.compile("MATCH \\(\\w+:(SearchPending|EmbedPending)");
    private static final java.util.regex.Pattern MATCH = java.util.regex.Pattern.compile("\\bMATCH \\(\\w+:");
    private static final java.util.regex.Pattern HINT = java.util.regex.Pattern.compile("\\bUSING INDEX ");

    @org.junit.jupiter.api.Test
    void shouldReportThePlanOfEveryStatementThroughThePublicApi(Driver driver, TestNamespace namespace) {
        aGraphInUse(driver);
        try (var memory = MemoryFixture.memory(driver, namespace)) {
            List<dev.graphmemory.model.StatementPlan> plans = memory.planStatements(true);

            assertThat(plans)
                    .extracting(dev.graphmemory.model.StatementPlan::statement)
                    .containsExactlyElementsOf(StatementCatalogue.entries(DIMENSIONS).stream()
                            .map(StatementCatalogue.Entry::label)
                            .toList());
            assertThat(plans).allSatisfy(plan -> assertThat(plan.operators()).isNotEmpty());
            assertThat(plans)
                    .filteredOn(plan -> !plan.scans().isEmpty())
                    .as(
                            "statements with scans: %s",
                            plans.stream()
                                    .filter(plan -> !plan.scans().isEmpty())
                                    .map(plan -> plan.statement() + " " + plan.scans())
                                    .toList())
                    .extracting(dev.graphmemory.model.StatementPlan::statement)
                    .containsExactly(INDEXER, INDEXER + " (finish)", "embedder (claim)", "embedder (finish)");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldWarmUpWhatToolsSendAndLeaveOutTheRareVariants() {
        List<String> warmUp =
                StatementCatalogue.warmUp(StatementCatalogue.rehearsalNamespace("default"), DIMENSIONS).stream()
                        .map(StatementCatalogue.Entry::label)
                        .toList();

        assertThat(warmUp)
                .startsWith("getEntityContext")
                .contains(
                        "createCommitment",
                        "linkNodes INVOLVES",
                        "findRelated",
                        "searchMemory (context)",
                        "searchMemory (by words)",
                        "searchMemory (by meaning)",
                        "recordTurns",
                        INDEXER)
                .noneMatch(label -> label.startsWith("findRelated ")
                        || label.startsWith("import")
                        || label.startsWith("createNodes")
                        || label.startsWith("createRelationships")
                        || label.contains("(100+)"));
    }

    @org.junit.jupiter.api.Test
    void shouldRunEveryWarmUpStatementOfANamespaceAndLeaveTheGraphAsItWas(Driver driver, TestNamespace namespace) {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        String everything = "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relationships";
        var before =
                driver.executableQuery(everything).execute().records().get(0).asMap();
        List<StatementCatalogue.Entry> entries =
                StatementCatalogue.warmUp(StatementCatalogue.rehearsalNamespace(namespace.value()), DIMENSIONS);

        int ran = StatementPlans.rehearse(
                new dev.graphmemory.internal.driver.Sessions(driver, "neo4j", null, Duration.ofSeconds(30)),
                entries,
                () -> false);

        // every statement of a namespace ran (none fell back to being planned only), but the search by meaning's when
        // the database has no text vector index (no memory with embeddings made it); the background workers' were
        // planned
        boolean textVectors = !driver.executableQuery("SHOW VECTOR INDEXES WHERE name = 'gm_text_vector'")
                .execute()
                .records()
                .isEmpty();
        assertThat(ran)
                .isEqualTo(entries.stream()
                        .filter(entry -> entry.statement().parameters().containsKey("namespace"))
                        .filter(entry ->
                                textVectors || !entry.statement().text().contains("gm_text_vector"))
                        .count())
                .isGreaterThan(40);
        assertThat(driver.executableQuery(everything).execute().records().get(0).asMap())
                .isEqualTo(before);
        assertThat(StatementCatalogue.rehearsalNamespace(namespace.value()))
                .hasSameSizeAs(namespace.value())
                .doesNotMatch("[A-Za-z0-9_.-]+");
    }

    @org.junit.jupiter.api.Test
    void shouldListEveryWriteOfEveryRelationshipType() {
        List<String> labels = StatementCatalogue.entries(DIMENSIONS).stream()
                .map(StatementCatalogue.Entry::label)
                .toList();
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(labels).contains("linkNodes " + type, "importRelationships " + type);
        }
    }

    /** Search and similarity go through their index procedures; the plan must not scan anything besides. */
    static Stream<Arguments> indexQueries() {
        OperationTable ops = new OperationTable(
                "plan-test", Ids.fresh(), 10, Duration.ofSeconds(5), 100, DIMENSIONS, HybridSearch.wordsOnly());
        return Stream.of(
                Arguments.of(
                        StatementCatalogue.first(SearchStatements.words(
                                "plan-test",
                                SearchQuery.of("acme proposal")
                                        .kinds(MemoryKind.COMMITMENT)
                                        .about("Alice")
                                        .since(Instant.parse("2026-01-01T00:00:00Z")),
                                100)),
                        "db.index.fulltext.queryNodes",
                        "gm_search_text"),
                Arguments.of(
                        StatementCatalogue.first(SearchStatements.meaning(
                                "plan-test",
                                SearchQuery.of("acme proposal").about("Alice"),
                                "some-model",
                                EmbeddingStatements.asList(vector()),
                                100,
                                100)),
                        "db.index.vector.queryNodes",
                        EmbeddingStatements.INDEX),
                Arguments.of(
                        StatementCatalogue.first(ops.similarMemories(SimilarityQuery.to(Embedding.of(vector())))),
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

    /**
     * Leaves the database a graph in use, whatever the tests before left: a statement that writes a relationship whose
     * type is given as data ({@code storeMemory}'s) is planned as a scan of every relationship while the database holds
     * fewer than about ten (the cheapest plan at such counts, made again by Neo4j once their number has grown). Its
     * memories have the times every memory has, so that they count in the indexes on them as memories do.
     */
    private static void aGraphInUse(Driver driver) {
        driver.executableQuery("""
                        UNWIND range(1, 20) AS i
                        MERGE (a:Memory {namespace: 'plan-test-graph', id: 'a' + i})
                        ON CREATE SET a.createdAt = datetime()
                        MERGE (b:Memory {namespace: 'plan-test-graph', id: 'b' + i})
                        ON CREATE SET b.createdAt = datetime()
                        MERGE (a)-[:INVOLVES]->(b)
                        """).execute();
    }

    /** Plans {@code statement} afresh, in a graph in use. */
    private static Plan plan(Driver driver, Statement<?> statement) {
        aGraphInUse(driver);
        return driver.executableQuery(PinnedPlans.explainAfresh(statement.text()))
                .withParameters(statement.parameters())
                .execute()
                .summary()
                .plan();
    }

    private static void collectWithDetails(Plan plan, List<String> operators) {
        operators.add(plan.operatorType() + " " + plan.arguments().getOrDefault("Details", Values.NULL));
        plan.children().forEach(child -> collectWithDetails(child, operators));
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
