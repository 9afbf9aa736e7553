package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.types.Node;

/** {@code forget} through every execution mode, and {@code forgetNamespace} alone and asynchronously. */
@Neo4jTest
class ForgetContractIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldForgetOneMemoryWithItsRelationshipsAndKeepAnAuditWithoutContent(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Commitment secret = memory.createCommitment(NewCommitment.of("Tell nobody about the merger"));
        Decision decision = memory.recordDecision(NewDecision.of("Keep the merger quiet", "Legal"));
        memory.linkNodes(NewLink.of(secret.id(), RelationshipType.INVOLVES, acme.id()));
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.LEADS_TO, secret.id()));

        Forgotten forgotten = memory.forget(secret.id());

        assertThat(forgotten.memories()).isEqualTo(Map.of(MemoryKind.COMMITMENT, 1L));
        assertThat(forgotten.relationships()).isEqualTo(2);
        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(2);
        assertThat(MemoryFixture.relationships(driver, namespace)).isZero();
        assertThatThrownBy(() -> memory.completeCommitment(secret.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(memory.searchMemory(SearchQuery.of("merger")).hits())
                .extracting(hit -> hit.memory().id())
                .containsExactly(decision.id());

        Node audit = audits(driver, namespace).get(0);
        assertThat(audit.labels()).containsExactly("MemoryAudit");
        assertThat(audit.get("id").asString()).isEqualTo(forgotten.auditId());
        assertThat(audit.get("action").asString()).isEqualTo("forget");
        assertThat(audit.get("memoryId").asString()).isEqualTo(secret.id());
        assertThat(audit.get("kind").asString()).isEqualTo("Commitment");
        assertThat(audit.get("commitments").asLong()).isEqualTo(1);
        assertThat(audit.get("decisions").asLong()).isZero();
        assertThat(audit.get("relationships").asLong()).isEqualTo(2);
        assertThat(audit.get("at").isNull()).isFalse();
        assertThat(audit.asMap().values())
                .noneMatch(value -> String.valueOf(value).contains("merger"));
        assertThat(memory.timeline(TimelineQuery.lastDays(1)).events())
                .noneMatch(event -> event.memory().id().equals(secret.id())
                        || event.memory().id().equals(forgotten.auditId()));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldReportAnUnknownOrForeignMemoryAsNotFound(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        Commitment theirs = operations(Mode.ALONE, driver, namespace.sibling("other"))
                .createCommitment(NewCommitment.of("Not yours to forget"));

        for (String id : new String[] {"0192f0a0-0000-7000-8000-000000000000", theirs.id()}) {
            assertThatThrownBy(() -> memory.forget(id)).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.field()).isEqualTo("id");
                assertThat(e.id()).isEqualTo(id);
            });
        }
        assertThat(MemoryFixture.nodes(driver, namespace.sibling("other"))).isEqualTo(1);
        assertThat(audits(driver, namespace)).isEmpty();
    }

    @Test
    void shouldForgetANamespaceInBoundedTransactionsAndLeaveOthersAlone(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = small(driver, namespace, Duration.ofSeconds(60));
                GraphMemory neighbour = MemoryFixture.memory(driver, namespace.sibling("n"))) {
            remember(memory, 12);
            remember(neighbour, 3);
            long relationships = MemoryFixture.relationships(driver, namespace);

            Forgotten forgotten = memory.forgetNamespace();

            assertThat(forgotten.total()).isEqualTo(12);
            assertThat(forgotten.memories())
                    .containsEntry(MemoryKind.ENTITY, 1L)
                    .containsEntry(MemoryKind.DECISION, 1L)
                    .containsEntry(MemoryKind.COMMITMENT, 10L);
            assertThat(forgotten.relationships()).isEqualTo(relationships).isEqualTo(11);
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
            assertThat(MemoryFixture.nodes(driver, namespace.sibling("n"))).isEqualTo(3);
            assertThat(MemoryFixture.relationships(driver, namespace.sibling("n")))
                    .isEqualTo(2);
            Node audit = audits(driver, namespace).get(0);
            assertThat(audit.get("action").asString()).isEqualTo("forget_namespace");
            assertThat(audit.get("memories").asLong()).isEqualTo(12);
            assertThat(audit.get("completedAt").isNull()).isFalse();
            assertThat(memory.snapshots().nodes().map(SnapshotNode::id)).isEmpty(); // audits are not memories

            assertThat(memory.forgetNamespace().total()).isZero();
            assertThat(audits(driver, namespace)).hasSize(2);
        }
    }

    @Test
    void shouldForgetANamespaceAsynchronously(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = small(driver, namespace, Duration.ofSeconds(60))) {
            remember(memory, 12);

            Forgotten forgotten =
                    memory.async().forgetNamespace().toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(forgotten.total()).isEqualTo(12);
            assertThat(forgotten.relationships()).isEqualTo(11);
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    @Test
    void shouldStartNoFurtherBatchOnceCancelled(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory =
                MemoryFixture.memory(driver, namespace, MemoryConfig.builder().batchChunkSize(1))) {
            remember(memory, 40);

            var forgetting = memory.async().forgetNamespace().toCompletableFuture();
            forgetting.cancel(true);
            Thread.sleep(1_000); // a batch already running may finish; no new one may start

            assertThat(forgetting).isCancelled();
            assertThat(MemoryFixture.nodes(driver, namespace)).isGreaterThanOrEqualTo(35);
            // Cancelled before its first statement, it leaves no audit record; after, an incomplete one.
            assertThat(audits(driver, namespace))
                    .allSatisfy(audit ->
                            assertThat(audit.get("completedAt").isNull()).isTrue());
        }
    }

    /**
     * Proves the batches are separate transactions: a lock held on the last memory makes the third batch time out,
     * and what the first two removed stays removed, counted in the audit record. Calling again removes the rest.
     */
    @Test
    void shouldKeepWhatEarlierBatchesRemovedWhenALaterOneFails(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = small(driver, namespace, Duration.ofSeconds(2))) {
            List<String> ids = new ArrayList<>(remember(memory, 11));
            // unlinked: deleting a relationship would lock both its ends, so earlier batches would wait too
            ids.add(memory.createCommitment(NewCommitment.of("Locked")).id());
            String last = ids.stream().max(String::compareTo).orElseThrow();
            assertThat(last).isEqualTo(ids.get(11));
            // Index the new memories now: the search indexer, stuck behind the lock below, would hold the others.
            memory.searchMemory(SearchQuery.of("task"));
            try (Session session = driver.session();
                    Transaction lock = session.beginTransaction()) {
                lock.run(
                                "MATCH (m:Memory {namespace: $ns, id: $id}) SET m.locked = true",
                                Map.of("ns", namespace.value(), "id", last))
                        .consume();

                assertThatThrownBy(memory::forgetNamespace).isInstanceOf(MemoryTimeoutException.class);
                lock.rollback();
            }
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(2);
            Node partial = audits(driver, namespace).get(0);
            assertThat(partial.get("memories").asLong()).isEqualTo(10);
            assertThat(partial.get("completedAt").isNull()).isTrue();

            assertThat(memory.forgetNamespace().total()).isEqualTo(2);
            assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
        }
    }

    /** Five memories per transaction. */
    private static GraphMemory small(Driver driver, TestNamespace namespace, Duration transactionTimeout) {
        return MemoryFixture.memory(
                driver, namespace, MemoryConfig.builder().batchChunkSize(5).transactionTimeout(transactionTimeout));
    }

    /** {@code count} memories: an entity, a decision and commitments, linked; returns their ids. */
    private static List<String> remember(GraphMemory memory, int count) {
        List<String> ids = new ArrayList<>();
        Entity acme = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Decision decision = memory.recordDecision(NewDecision.of("Work with Acme", "Good fit"));
        memory.linkNodes(NewLink.of(decision.id(), RelationshipType.INVOLVES, acme.id()));
        ids.add(acme.id());
        ids.add(decision.id());
        for (int i = 2; i < count; i++) {
            Commitment commitment = memory.createCommitment(NewCommitment.of("Task " + i));
            memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, acme.id()));
            ids.add(commitment.id());
        }
        return ids;
    }

    private static List<Node> audits(Driver driver, TestNamespace namespace) {
        return driver
                .executableQuery("MATCH (a:MemoryAudit {namespace: $ns}) RETURN a ORDER BY a.at")
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .stream()
                .map((Record record) -> record.get("a").asNode())
                .toList();
    }
}
