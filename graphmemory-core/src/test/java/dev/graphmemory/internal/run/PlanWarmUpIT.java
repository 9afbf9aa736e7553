package dev.graphmemory.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The start-up warm-up gives way to calls: it starts no statement while one is running; then it rehearses a search as a
 * call runs it.
 */
@Neo4jTest
class PlanWarmUpIT {
    @Test
    void shouldWaitWhileACallIsRunningAndFinishOnceCallsHaveEnded(Driver driver, TestNamespace namespace)
            throws InterruptedException {
        MemoryFixture.memory(driver, namespace).close(); // the schema is in place
        List<StatementCatalogue.Entry> entries = StatementCatalogue.warmUp(
                        StatementCatalogue.rehearsalNamespace(namespace.value()),
                        MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS)
                .subList(0, 3);
        AtomicBoolean callRunning = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger rehearsed = new AtomicInteger();
        Sessions sessions = new Sessions(driver, "neo4j", null, Duration.ofSeconds(30));

        try (PlanWarmUp warmUp = PlanWarmUp.start(
                sessions,
                () -> entries,
                () -> {
                    asked.incrementAndGet();
                    return callRunning.get();
                },
                rehearsed::incrementAndGet)) {
            // it keeps asking before its first statement, far more often than once per statement, and does not end
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (asked.get() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(asked.get()).isGreaterThanOrEqualTo(50);
            assertThat(warmUp.isRunning()).isTrue();
            assertThat(rehearsed).hasValue(0);

            callRunning.set(false);
            while (warmUp.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(warmUp.isRunning()).isFalse();
            assertThat(rehearsed)
                    .as("the operations rehearsed once, after the statements")
                    .hasValue(1);
        }
    }

    @Test
    void shouldEndQuietlyWhenTheRehearsalFails(Driver driver, TestNamespace namespace) {
        Sessions sessions = new Sessions(driver, "neo4j", null, Duration.ofSeconds(30));
        AtomicBoolean rehearsing = new AtomicBoolean();

        try (PlanWarmUp warmUp = PlanWarmUp.start(sessions, List::of, () -> false, () -> {
            rehearsing.set(true);
            throw new IllegalStateException("the database went away");
        })) {
            MemoryFixture.waitFor("the warm-up to end", () -> !warmUp.isRunning());
            assertThat(rehearsing).isTrue();
        }
    }

    @Test
    void shouldRehearseASearchAsACallRunsItUnmeasuredAndTouchingNoMemory(Driver driver, TestNamespace namespace) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DefaultGraphMemory memory = (DefaultGraphMemory) MemoryFixture.memory(
                driver, namespace, MemoryConfig.builder().planWarmUp(true).meterRegistry(registry))) {
            MemoryFixture.waitFor("the warm-up to end", Duration.ofMinutes(2), () -> !memory.warmingUp());

            // no call was made: what the plan keeper holds, the rehearsed search sent (its round by words; its
            // context step has a pinned plan, which is not kept, and there is no embedder here to search by meaning)
            assertThat(memory.keptPlans()).isOne();
            assertThat(registry.find("graphmemory.operation").timers())
                    .as("the rehearsal is not measured as calls")
                    .isEmpty();
        }
        assertThat(MemoryFixture.nodes(driver, namespace)).isZero();
    }

    @Test
    void shouldKeepThePlansOfCallsWithTheWarmUpAndStopKeepingThemWhenClosed(Driver driver, TestNamespace namespace) {
        DefaultGraphMemory memory = (DefaultGraphMemory)
                MemoryFixture.memory(driver, namespace, MemoryConfig.builder().planWarmUp(true));
        try {
            memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
            memory.getEntityContext("Acme");
            assertThat(memory.keptPlans()).isGreaterThanOrEqualTo(2);
            assertThat(keepers()).isNotEmpty();
        } finally {
            memory.close();
        }
        assertThat(keepers()).isEmpty();

        try (DefaultGraphMemory plain = (DefaultGraphMemory) MemoryFixture.memory(driver, namespace)) {
            plain.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
            assertThat(plain.keptPlans()).as("without the warm-up").isZero();
            assertThat(keepers()).isEmpty();
        }
    }

    /** The plan keepers' threads alive now (tests of one JVM run one at a time). */
    private static List<Thread> keepers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("graphmemory-plan-keeper") && thread.isAlive())
                .toList();
    }

    @Test
    void shouldStopWaitingWhenClosed(Driver driver, TestNamespace namespace) {
        List<StatementCatalogue.Entry> entries = StatementCatalogue.warmUp(
                        StatementCatalogue.rehearsalNamespace(namespace.value()),
                        MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS)
                .subList(0, 1);
        Sessions sessions = new Sessions(driver, "neo4j", null, Duration.ofSeconds(30));
        PlanWarmUp warmUp = PlanWarmUp.start(sessions, () -> entries, () -> true, () -> {});

        warmUp.close();

        assertThat(warmUp.isRunning()).isFalse();
    }
}
