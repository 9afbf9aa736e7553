package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.Coalescing;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Write coalescing against the real database: concurrent single writes merged into set-based transactions, each caller
 * getting exactly its own result, failures isolated, a caller's writes in order, a bounded queue, a clean shutdown.
 * Windows here are long on purpose, so that the writes a test means to merge are merged on a loaded machine too.
 */
@Neo4jTest
class CoalescingIT {
    private static final int CALLERS = 64;
    private static final int WRITES_PER_CALLER = 3;

    @Test
    void shouldGiveEachOf64ConcurrentCallersExactlyWhatItWrote(Driver driver, TestNamespace namespace)
            throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GraphMemory memory = coalescing(driver, namespace, Duration.ofMillis(20), registry)) {
            List<Commitment> targets = memory.createCommitments(
                            List.of(NewCommitment.of("Target 0"), NewCommitment.of("Target 1")), BatchMode.ATOMIC)
                    .values();
            Map<String, String> entityIdsByName = new ConcurrentHashMap<>();

            List<Integer> done = ConcurrencyIT.concurrently(CALLERS, caller -> {
                for (int i = 0; i < WRITES_PER_CALLER; i++) {
                    String name = "Person " + caller + "-" + i;
                    Entity entity = memory.createEntity(
                            NewEntity.of(name, EntityType.PERSON).notes("written by " + caller));
                    assertThat(entity.name()).isEqualTo(name);
                    assertThat(entity.notes()).isEqualTo("written by " + caller);
                    entityIdsByName.put(name, entity.id());

                    String target = targets.get(caller % 2).id();
                    Link link = memory.linkNodes(NewLink.of(target, RelationshipType.INVOLVES, entity.id()));
                    assertThat(link.fromId()).isEqualTo(target);
                    assertThat(link.toId()).isEqualTo(entity.id());
                    assertThat(link.created()).isTrue();

                    Commitment commitment = memory.createCommitment(NewCommitment.of("Promise " + caller + "-" + i));
                    assertThat(commitment.content()).isEqualTo("Promise " + caller + "-" + i);
                }
                return caller;
            });

            assertThat(done).hasSize(CALLERS);
            int writes = CALLERS * WRITES_PER_CALLER;
            assertThat(entityIdsByName).hasSize(writes);
            assertThat(entityIdsByName.values()).doesNotHaveDuplicates();
            for (var entry : entityIdsByName.entrySet()) {
                assertThat(MemoryFixture.count(
                                driver,
                                "MATCH (e:Entity {namespace: $ns, id: '" + entry.getValue() + "', name: '"
                                        + entry.getKey() + "'})<-[:INVOLVES]-(:Commitment) RETURN count(e)",
                                namespace))
                        .as(entry.getKey())
                        .isEqualTo(1);
            }
            assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(writes);
            assertThat(MemoryFixture.count(
                            driver,
                            "MATCH (c:Commitment {namespace: $ns}) WHERE c.content STARTS WITH 'Promise'"
                                    + " RETURN count(DISTINCT c.content) * 1000 + count(c)",
                            namespace))
                    .isEqualTo(writes * 1000L + writes);
            assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(writes);
            var batches = registry.get("graphmemory.coalescing.batch.size").summaries();
            assertThat(batches.stream()
                            .mapToDouble(summary -> summary.totalAmount())
                            .sum())
                    .isEqualTo(3.0 * writes);
            assertThat(batches.stream()
                            .mapToDouble(summary -> summary.max())
                            .max()
                            .orElse(0))
                    .as("largest batch")
                    .isGreaterThan(1);
        }
    }

    @Test
    void shouldGiveConcurrentCallersOfOneNameOneEntityAndCountEveryObservation(Driver driver, TestNamespace namespace)
            throws Exception { // and keep every decision apart
        String[] spellings = {"Dana Lee", "dana lee", "DANA  LEE", " Dana\u00A0Lee "};
        try (GraphMemory memory = coalescing(driver, namespace, Duration.ofMillis(20), new SimpleMeterRegistry())) {
            List<Entity> entities = ConcurrencyIT.concurrently(
                    32, i -> memory.createEntity(NewEntity.of(spellings[i % 4], EntityType.PERSON)));
            List<Pattern> patterns = ConcurrencyIT.concurrently(
                    32, i -> memory.recordPattern(PatternObservation.of("Checks email first", PatternType.BEHAVIOR)));
            List<Decision> decisions = ConcurrencyIT.concurrently(
                    32, i -> memory.recordDecision(NewDecision.of("Decision " + i, "Because " + i)));

            assertThat(entities)
                    .extracting(Entity::id)
                    .containsOnly(entities.get(0).id());
            assertThat(patterns)
                    .extracting(Pattern::id)
                    .containsOnly(patterns.get(0).id());
            assertThat(patterns).extracting(Pattern::observations).doesNotHaveDuplicates();
            assertThat(MemoryFixture.count(
                            driver, "MATCH (p:Pattern {namespace: $ns}) RETURN p.observations", namespace))
                    .isEqualTo(32);
            for (int i = 0; i < decisions.size(); i++) {
                assertThat(decisions.get(i).content()).isEqualTo("Decision " + i);
                assertThat(decisions.get(i).rationale()).isEqualTo("Because " + i);
            }
            assertThat(decisions).extracting(Decision::id).doesNotHaveDuplicates();
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(2 + 32);
        }
    }

    @Test
    void shouldFailOnlyTheBadLinkOfABatch(Driver driver, TestNamespace namespace) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GraphMemory memory = coalescing(driver, namespace, Duration.ofMillis(300), registry)) {
            List<Entity> entities = memory.createEntities(
                            List.of(
                                    NewEntity.of("A", EntityType.PERSON),
                                    NewEntity.of("B", EntityType.PERSON),
                                    NewEntity.of("C", EntityType.PERSON)),
                            BatchMode.ATOMIC)
                    .values();
            List<NewCommitment> inputs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                inputs.add(NewCommitment.of("Link " + i));
            }
            List<Commitment> starts =
                    memory.createCommitments(inputs, BatchMode.ATOMIC).values();
            List<CompletableFuture<Link>> links = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String from = starts.get(i).id();
                links.add(memory.async()
                        .linkNodes(NewLink.of(
                                from,
                                RelationshipType.INVOLVES,
                                entities.get(i % 3).id()))
                        .toCompletableFuture());
                if (i == 4) {
                    links.add(memory.async()
                            .linkNodes(NewLink.of(from, RelationshipType.INVOLVES, "no-such-memory"))
                            .toCompletableFuture());
                }
            }

            assertThat(outcome(links.get(5)))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no-such-memory");
            links.remove(5);
            assertThat(links)
                    .allSatisfy(link -> assertThat(link.join().created()).isTrue());
            assertThat(MemoryFixture.relationships(driver, namespace)).isEqualTo(10);
            assertThat(registry.get("graphmemory.coalescing.batch.size")
                            .summary()
                            .max())
                    .as("one batch held all eleven links")
                    .isEqualTo(11);
            assertThat(registry.find("graphmemory.coalescing.fallbacks").counter())
                    .as("the bad link failed inside the batch, without a fallback")
                    .isNull();
        }
    }

    @Test
    void shouldRunTheWritesAloneWhenTheirBatchFailsAsAWhole(Driver driver, TestNamespace namespace) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MemoryConfig.Builder config = MemoryConfig.builder()
                .transactionTimeout(Duration.ofSeconds(2))
                .coalescing(Coalescing.defaults().withWindow(Duration.ofMillis(300)))
                .meterRegistry(registry);
        try (GraphMemory plain = MemoryFixture.memory(driver, namespace);
                GraphMemory memory = MemoryFixture.memory(driver, namespace, config)) {
            plain.createEntity(NewEntity.of("Locked", EntityType.CLIENT));
            try (var holder = plain.beginTransaction()) {
                holder.createEntity(NewEntity.of("Locked", EntityType.CLIENT).notes("holds the lock"));
                List<CompletableFuture<Entity>> writes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    writes.add(memory.async()
                            .createEntity(NewEntity.of("Free " + i, EntityType.PERSON))
                            .toCompletableFuture());
                }
                CompletableFuture<Entity> blocked = memory.async()
                        .createEntity(NewEntity.of("locked", EntityType.CLIENT).notes("waits for the lock"))
                        .toCompletableFuture();
                CompletableFuture<Commitment> beside = CompletableFuture.supplyAsync( // another caller, same round
                                () -> memory.async().createCommitment(NewCommitment.of("Beside")))
                        .thenCompose(stage -> stage);

                assertThat(outcome(blocked)).isInstanceOf(MemoryTimeoutException.class);
                assertThat(beside.join().content()).isEqualTo("Beside");
                assertThat(writes)
                        .allSatisfy(write -> assertThat(write.join().notes()).isNull());
            }
            assertThat(registry.get("graphmemory.coalescing.fallbacks")
                            .tag("operation", "createEntity")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("graphmemory.coalescing.batch.size")
                            .tag("operation", "createEntity")
                            .summary()
                            .max())
                    .isEqualTo(9);
            assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(9);
            assertThat(MemoryFixture.count(driver, "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace))
                    .isEqualTo(1);
            assertThat(MemoryFixture.count(
                            driver,
                            "MATCH (e:Entity {namespace: $ns, nameKey: 'locked'}) WHERE e.notes IS NULL RETURN count(e)",
                            namespace))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldApplyEachCallersWritesInTheOrderItCalledThem(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = coalescing(driver, namespace, Duration.ofMillis(5), new SimpleMeterRegistry())) {
            int callers = 8;
            int writes = 12;
            List<List<CompletableFuture<Instant>>> perCaller = ConcurrencyIT.concurrently(callers, caller -> {
                List<CompletableFuture<Instant>> issued = new ArrayList<>();
                for (int i = 0; i < writes; i++) { // issued without waiting: kinds alternate, names repeat
                    issued.add(
                            i % 2 == 0
                                    ? memory.async()
                                            .createEntity(NewEntity.of("Shared " + caller, EntityType.PERSON)
                                                    .notes("version " + i))
                                            .thenApply(Entity::updatedAt)
                                            .toCompletableFuture()
                                    : memory.async()
                                            .createCommitment(NewCommitment.of("Step " + caller + "-" + i))
                                            .thenApply(Commitment::createdAt)
                                            .toCompletableFuture());
                }
                return issued;
            });

            for (int caller = 0; caller < callers; caller++) {
                List<Instant> times = perCaller.get(caller).stream()
                        .map(CompletableFuture::join)
                        .toList();
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i))
                            .as("caller %d, write %d after write %d", caller, i, i - 1)
                            .isAfterOrEqualTo(times.get(i - 1));
                }
                assertThat(memory.getEntityContext("shared " + caller).entity().notes())
                        .isEqualTo("version " + (writes - 2));
            }
        }
    }

    @Test
    void shouldRefuseWritesBeyondTheQueueBoundWithBusy(SharedNeo4j neo4j, TestNamespace namespace)
            throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MemoryConfig config = MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .meterRegistry(registry)
                .coalescing(
                        Coalescing.defaults().withWindow(Duration.ofSeconds(1)).withQueueCapacity(4))
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            List<CompletableFuture<Entity>> accepted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                accepted.add(memory.async()
                        .createEntity(NewEntity.of("Queued " + i, EntityType.PERSON))
                        .toCompletableFuture());
            }
            CompletableFuture<Entity> refused = memory.async()
                    .createEntity(NewEntity.of("Refused", EntityType.PERSON))
                    .toCompletableFuture();
            assertThat(refused).isCompletedExceptionally();
            assertThat(outcome(refused)).isInstanceOf(BusyException.class);
            assertThatThrownBy(() -> memory.createEntity(NewEntity.of("Refused too", EntityType.PERSON)))
                    .isInstanceOf(BusyException.class);

            assertThat(accepted)
                    .allSatisfy(write -> assertThat(write.join().name()).startsWith("Queued"));
            assertThat(memory.createEntity(NewEntity.of("Later", EntityType.PERSON))
                            .name())
                    .isEqualTo("Later");
            assertThat(registry.get("graphmemory.coalescing.rejections")
                            .counter()
                            .count())
                    .isEqualTo(2);
            assertThat(MemoryFixture.connectionsInUseWhenIdle(memory)).isZero();
            assertThat(neo4j.driver()
                            .executableQuery("MATCH (e:Entity {namespace: $ns}) RETURN count(e)")
                            .withParameters(Map.of("ns", namespace.value()))
                            .execute()
                            .records()
                            .get(0)
                            .get(0)
                            .asLong())
                    .isEqualTo(5);
        }
    }

    @Test
    void shouldRunQueuedWritesWhenClosedAndRefuseLaterOnes(Driver driver, TestNamespace namespace) {
        GraphMemory memory = coalescing(driver, namespace, Duration.ofSeconds(1), new SimpleMeterRegistry());
        List<CompletableFuture<Entity>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(memory.async()
                    .createEntity(NewEntity.of("Before close " + i, EntityType.PERSON))
                    .toCompletableFuture());
        }
        memory.close();

        assertThat(queued).allSatisfy(write -> assertThat(write).isCompleted());
        assertThat(queued).allSatisfy(write -> assertThat(write.join().name()).startsWith("Before close"));
        assertThatThrownBy(() -> memory.createEntity(NewEntity.of("After close", EntityType.PERSON)))
                .isInstanceOf(UnavailableException.class);
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                .isEqualTo(20);
        assertThat(coalescerThreads()).isEmpty();
    }

    @Test
    void shouldFailWhatCannotRunWithinTheDrainLimitWhenClosed(Driver driver, TestNamespace namespace) {
        MemoryConfig.Builder config = MemoryConfig.builder()
                .maxRetryTime(Duration.ZERO) // drain for at most a second
                .coalescing(Coalescing.defaults().withWindow(Duration.ZERO));
        try (GraphMemory plain = MemoryFixture.memory(driver, namespace);
                GraphMemory memory = MemoryFixture.memory(driver, namespace, config)) {
            plain.createEntity(NewEntity.of("Locked", EntityType.CLIENT));
            try (var holder = plain.beginTransaction()) {
                holder.createEntity(NewEntity.of("Locked", EntityType.CLIENT).notes("holds the lock"));
                CompletableFuture<Entity> running = memory.async()
                        .createEntity(NewEntity.of("Locked", EntityType.CLIENT).notes("waits"))
                        .toCompletableFuture();
                CompletableFuture<Commitment> queued = memory.async() // another kind: waits for the first
                        .createCommitment(NewCommitment.of("Queued"))
                        .toCompletableFuture();
                assertThat(memory.getEntityContext("locked").entity().notes()) // reads never wait for writes
                        .isNull();
                assertThat(queued).isNotDone();

                memory.close();

                assertThat(outcome(queued)).isInstanceOf(UnavailableException.class);
                assertThat(outcome(running)).isInstanceOf(MemoryInterruptedException.class);
            }
            assertThat(coalescerThreads()).isEmpty();
            assertThat(MemoryFixture.count(driver, "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace))
                    .isZero();
        }
    }

    @Test
    void shouldNeverCoalesceInsideATransaction(Driver driver, TestNamespace namespace) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GraphMemory memory = coalescing(driver, namespace, Duration.ofMillis(5), registry)) {
            Entity inside = memory.inTransaction(tx -> tx.createEntity(NewEntity.of("Inside", EntityType.PERSON)));
            try (var session = memory.openSession()) {
                session.createEntity(NewEntity.of("In a session", EntityType.PERSON));
            }
            assertThat(memory.getEntityContext("inside").entity().id()).isEqualTo(inside.id());
            assertThat(registry.find("graphmemory.coalescing.batch.size").summary())
                    .isNull();
            memory.createEntity(NewEntity.of("Alone", EntityType.PERSON));
            assertThat(registry.get("graphmemory.coalescing.batch.size")
                            .summary()
                            .count())
                    .isEqualTo(1);
        }
    }

    private static GraphMemory coalescing(
            Driver driver, TestNamespace namespace, Duration window, SimpleMeterRegistry registry) {
        return MemoryFixture.memory(
                driver,
                namespace,
                MemoryConfig.builder()
                        .coalescing(Coalescing.defaults().withWindow(window))
                        .meterRegistry(registry));
    }

    /** The failure a stage ended with (waiting for it). */
    private static Throwable outcome(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            return cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        }
        throw new AssertionError("expected a failure, got a result");
    }

    /** Threads of coalescers still alive, after giving ended pools a moment to let their threads exit. */
    private static List<String> coalescerThreads() {
        List<String> alive = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("graphmemory-coalescer"))
                    .toList();
            if (alive.isEmpty()) {
                return alive;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return alive;
    }
}
