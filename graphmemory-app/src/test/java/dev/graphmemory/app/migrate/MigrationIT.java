package dev.graphmemory.app.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * {@code graphmemory migrate} from a second in-process Neo4j seeded as the original adapter wrote it, into a namespace
 * of the test server.
 */
@Neo4jTest
class MigrationIT {
    private static EmbeddedNeo4j original;
    private static Driver originalDriver;
    private static OriginalFixture fixture;

    @BeforeAll
    static void startTheOriginal() {
        original = EmbeddedNeo4j.builder().start();
        originalDriver = GraphDatabase.driver(original.boltUri(), AuthTokens.none());
        fixture = new OriginalFixture(originalDriver);
    }

    @AfterAll
    static void stopTheOriginal() {
        originalDriver.close();
        original.close();
    }

    @BeforeEach
    void seed() {
        fixture.clear();
        fixture.entity("entity_0000000a", "Bob", "person", "2025-11-01T09:00:00.000001");
        fixture.entity("entity_0000000b", "bob", "auto", "2025-11-02T09:00:00.5");
        fixture.entity("entity_0000000c", " BOB ", "person", "2025-11-03T09:00:00");
        fixture.entity("entity_0000000d", "Acme Corp", "client", "2025-11-01T10:00:00");
        fixture.commitment(
                "commitment_1a2b3c4d", "Send Bob the deck", "Bob", "2025-11-10", "2025-11-03T14:07:55.123456");
        fixture.commitment(
                "commitment_2b3c4d5e", "Call Acme", "self", "when the moon is full", "2025-11-03T15:00:00.000001");
        fixture.commitment("commitment_3c4d5e6f", "File the report", "self", null, "2025-11-04T08:00:00");
        fixture.complete("commitment_3c4d5e6f", "Filed", "2025-11-05T08:00:00.250000");
        fixture.commitment("commitment_4d5e6f70", null, "self", null, "2025-11-04T08:00:00"); // no content
        fixture.decision("decision_5e6f7081", "Pilot first", "Lower risk", List.of("Big bang"), "2025-11-02T11:00:00");
        fixture.pattern(
                "pattern_6f708192", "Clears the inbox at nine", "task_completion", "7-day", 9, "2025-11-01T09:00:00");
        fixture.pattern("pattern_708192a3", "Plans on Mondays", "behavioral", "weekly", 1, "2025-11-01T09:00:00");
        fixture.session("session_8192a3b4", "claude", "2025-11-03T14:00:00", "2025-11-03T15:00:00", "Planned the week");
        fixture.session("session_92a3b4c5", "claude", "2025-11-04T14:00:00", "2025-11-04T15:00:00", "Follow-up");
        fixture.energy("energy_a3b4c5d6", "high", 88, 79, "2025-11-03T07:00:00");
        fixture.run("CREATE (:Note {id: 'note_1', text: 'written by another tool'})", Map.of());

        fixture.link("commitment_1a2b3c4d", "INVOLVES", "entity_0000000a", Map.of("role", "recipient"));
        fixture.link("commitment_1a2b3c4d", "INVOLVES", "entity_0000000a", Map.of()); // a repeat: a duplicate
        fixture.link("entity_0000000d", "INVOLVES", "commitment_2b3c4d5e", Map.of()); // the original's own example
        fixture.link("decision_5e6f7081", "INVOLVES", "entity_0000000b", Map.of()); // bob, merged into Bob
        fixture.link("commitment_4d5e6f70", "INVOLVES", "entity_0000000a", Map.of()); // an end that is skipped
        fixture.link("pattern_6f708192", "LEARNED_FROM", "session_8192a3b4", Map.of());
        fixture.link("session_92a3b4c5", "PRECEDED_BY", "session_8192a3b4", Map.of());
        fixture.link("session_8192a3b4", "AT_ENERGY", "energy_a3b4c5d6", Map.of());
        fixture.link("commitment_1a2b3c4d", "DURING", "session_8192a3b4", Map.of());
        fixture.link("decision_5e6f7081", "IMPACTS", "commitment_1a2b3c4d", Map.of("weight", 2));
    }

    @Test
    void shouldConvertAGraphShapedLikeTheOriginals(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            MigrationReport report = migrate(memory, false);

            assertThat(report.skippedNodes()).isEqualTo(1);
            assertThat(report.skippedNodeReasons()).singleElement().asString().contains("commitment_4d5e6f70");
            assertThat(report.nodesWritten()).isEqualTo(11); // 14 read, 1 skipped, 3 Bobs made one
            assertThat(report.otherNodes()).isEqualTo(1);
            assertThat(report.entitiesMerged()).isEqualTo(2);
            assertThat(report.merges()).singleElement().asString().contains("Bob ← bob, BOB");
            assertThat(report.duplicateRelationships()).isEqualTo(1);
            assertThat(report.reversedRelationships()).isEqualTo(1);
            assertThat(report.deadlinesAsText()).isEqualTo(1);
            assertThat(report.strengthsClamped()).isEqualTo(1);
            assertThat(report.relationshipsWritten()).isEqualTo(8);

            Commitment deck =
                    memory.getCommitments(CommitmentQuery.all().toWhom("bob")).get(0);
            assertThat(deck.id())
                    .isEqualTo(Conversion.newId("commitment_1a2b3c4d"))
                    .hasSize(36);
            assertThat(deck.deadline()).isEqualTo(Deadline.on(LocalDate.of(2025, 11, 10)));
            assertThat(deck.createdAt()).hasToString("2025-11-03T14:07:55.123456Z");
            assertThat(memory.getCommitments(CommitmentQuery.all().status(CommitmentStatus.COMPLETED)))
                    .singleElement()
                    .satisfies(done -> assertThat(done.completedAt()).hasToString("2025-11-05T08:00:00.250Z"));
            EntityContext bob = memory.getEntityContext("BOB");
            assertThat(bob.entity().name()).isEqualTo("Bob");
            assertThat(bob.commitments()).extracting(Commitment::id).containsExactly(deck.id());
            assertThat(bob.decisions()).hasSize(1);
            assertThat(memory.getEntityContext("acme corp").commitments())
                    .extracting(Commitment::content)
                    .containsExactly("Call Acme");
            List<Pattern> patterns = memory.getPatterns(PatternQuery.all());
            assertThat(patterns).extracting(Pattern::strength).containsExactly(1.0, 0.5);
            assertThat(patterns.get(0).type()).isEqualTo(PatternType.TASK_COMPLETION);
            assertThat(patterns.get(0).frequency().value()).isEqualTo("7_day");
            assertThat(patterns.get(0).observations()).isEqualTo(9);
            assertThat(patterns.get(1).type()).isEqualTo(PatternType.BEHAVIOR);

            Map<String, Object> stored = single(driver, namespace, """
                    MATCH (e:Entity {namespace: $ns, name: 'Bob'})
                    MATCH (moon:Commitment {namespace: $ns, legacyId: 'commitment_2b3c4d5e'})
                    MATCH (x:EnergyState {namespace: $ns})
                    RETURN e.aliases AS aliases, e.legacyId AS legacy, moon.deadlineText AS text,
                        moon.deadline IS NULL AS noDate, x.readinessScore AS readiness, x.sleepScore AS sleep,
                        moon.createdAt IS :: ZONED DATETIME AS nativeTime,
                        COUNT { (:Commitment {namespace: $ns})-[:INVOLVES]->(e) } AS involving
                    """);
            assertThat(stored)
                    .containsEntry("aliases", List.of("bob", "BOB"))
                    .containsEntry("legacy", "entity_0000000a")
                    .containsEntry("text", "when the moon is full")
                    .containsEntry("noDate", true)
                    .containsEntry("readiness", 88L)
                    .containsEntry("sleep", 79L)
                    .containsEntry("nativeTime", true)
                    .containsEntry("involving", 1L);
            assertThat(count(originalDriver, "MATCH (n:Note) RETURN count(n)")).isEqualTo(1);
        }
    }

    @Test
    void shouldChangeNothingWhenRunAgain(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            MigrationReport first = migrate(memory, false);
            String before = fingerprint(driver, namespace);

            MigrationReport again = migrate(memory, false);

            assertThat(fingerprint(driver, namespace)).isEqualTo(before);
            assertThat(again.nodesWritten()).isZero();
            assertThat(again.nodesAlreadyThere()).isEqualTo(first.nodesWritten());
        }
    }

    @Test
    void shouldWriteNothingInADryRunAndReportTheSame(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            MigrationReport dry = migrate(memory, true);

            assertThat(count(driver, namespace, "MATCH (m:Memory {namespace: $ns}) RETURN count(m)"))
                    .isZero();
            MigrationReport real = migrate(memory, false);
            assertThat(dry.nodesWritten()).isEqualTo(real.nodesWritten()).isEqualTo(11);
            assertThat(dry.relationshipsWritten()).isEqualTo(real.relationshipsWritten());
            assertThat(dry.merges()).isEqualTo(real.merges());
        }
    }

    @Test
    void shouldMergeIntoAnEntityTheNamespaceAlreadyHas(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            var acme = memory.createEntity(
                    dev.graphmemory.model.NewEntity.of("ACME  corp", dev.graphmemory.model.EntityType.CLIENT));

            MigrationReport report = migrate(memory, false);

            assertThat(report.merges()).anySatisfy(line -> assertThat(line).contains(acme.id()));
            assertThat(memory.getEntityContext("acme corp").entity().id()).isEqualTo(acme.id());
            assertThat(memory.getEntityContext("acme corp").commitments()).hasSize(1);
        }
    }

    @Test
    void shouldMergeIntoTheEntityWhoseAliasTheOriginalNameIs(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = memory(driver, namespace)) {
            var acme = memory.createEntity(
                    dev.graphmemory.model.NewEntity.of("Acme Corporation", dev.graphmemory.model.EntityType.CLIENT));
            memory.addEntityAliases("Acme Corporation", List.of("Acme Corp"));

            MigrationReport report = migrate(memory, false);

            assertThat(report.merges()).anySatisfy(line -> assertThat(line).contains(acme.id()));
            assertThat(memory.getEntityContext("acme corp").entity().id()).isEqualTo(acme.id());
            assertThat(memory.getEntityContext("Acme Corporation").commitments())
                    .hasSize(1);
        }
    }

    private static MigrationReport migrate(GraphMemory memory, boolean dryRun) {
        return new Migration(new OriginalGraph(originalDriver, null), memory, dryRun).run();
    }

    private static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return GraphMemory.open(
                driver,
                MemoryConfig.builder()
                        .namespace(namespace.value())
                        .embeddings(dev.graphmemory.Embeddings.off())
                        .build());
    }

    /** Every memory and relationship of the namespace with its properties, in a stable order. */
    private static String fingerprint(Driver driver, TestNamespace namespace) {
        return driver.executableQuery("""
                        MATCH (m:Memory {namespace: $ns})
                        OPTIONAL MATCH (m)-[r]->(o:Memory)
                        WITH m, r, o ORDER BY m.id, type(r), o.id
                        RETURN collect([m.id, labels(m), properties(m), type(r), o.id, properties(r)]) AS all
                        """)
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .get("all")
                .toString();
    }

    private static Map<String, Object> single(Driver driver, TestNamespace namespace, String query) {
        return driver.executableQuery(query)
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .asMap();
    }

    private static long count(Driver driver, TestNamespace namespace, String query) {
        return single(driver, namespace, query).values().iterator().next() instanceof Long n ? n : -1;
    }

    private static long count(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().get(0).get(0).asLong();
    }
}
