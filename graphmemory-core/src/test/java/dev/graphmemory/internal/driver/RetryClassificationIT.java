package dev.graphmemory.internal.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.StatementRunner;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Which failures are retried: deadlocks and transient errors are; syntax, constraint, access-mode and validation
 * errors, and timeouts, are tried exactly once; the retry budget bounds the total time. Attempts are counted in the
 * retried body itself.
 */
@Neo4jTest
class RetryClassificationIT {
    private static final TransactionConfig CONFIG = TransactionConfig.empty();

    @Test
    void shouldRetryTransientFailuresUntilTheySucceed(Driver driver) {
        AtomicInteger attempts = new AtomicInteger();
        String result = retries(Duration.ofSeconds(10))
                .run(session(driver, AccessMode.WRITE), CONFIG, "transient", runner -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new TransientException("Neo.TransientError.Database.Unavailable", "injected");
                    }
                    return "done";
                });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldRetryTheLoserOfARealDeadlock(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("First", EntityType.PERSON));
            memory.createEntity(NewEntity.of("Second", EntityType.PERSON));
        }
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        Function<String[], CompletableFuture<Void>> writer =
                order -> CompletableFuture.runAsync(() -> retries(Duration.ofSeconds(20))
                        .run(session(driver, AccessMode.WRITE), CONFIG, "deadlock", runner -> {
                            int attempt = attempts.incrementAndGet();
                            touch(runner, namespace, order[0]);
                            if (attempt <= 2) {
                                await(bothLocked);
                            }
                            touch(runner, namespace, order[1]);
                            return null;
                        }));
        CompletableFuture<Void> one = writer.apply(new String[] {"first", "second"});
        CompletableFuture<Void> two = writer.apply(new String[] {"second", "first"});
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);

        assertThat(attempts.get()).as("two first attempts, at least one retry").isGreaterThanOrEqualTo(3);
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN sum(e.touched)", namespace))
                .isEqualTo(4);
    }

    @Test
    void shouldTrySyntaxConstraintAccessModeAndValidationErrorsExactlyOnce(Driver driver, TestNamespace namespace) {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Taken", EntityType.PERSON));
        }
        String duplicate = "CREATE (:Memory:Entity {namespace: $namespace, id: 'x-1', nameKey: 'taken'})";
        assertTriedOnce(driver, AccessMode.WRITE, statement("CREAT (n)", namespace), ClientException.class);
        assertTriedOnce(driver, AccessMode.WRITE, statement(duplicate, namespace), ClientException.class);
        assertTriedOnce(driver, AccessMode.READ, statement("CREATE (:Probe)", namespace), ClientException.class);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retries(Duration.ofSeconds(10))
                        .run(session(driver, AccessMode.WRITE), CONFIG, "v", runner -> {
                            attempts.incrementAndGet();
                            throw new InvalidInputException("field", "is wrong");
                        }))
                .isInstanceOf(InvalidInputException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldRetryAConnectionThatBrokeWhileItsAnswerWasRead(Driver driver) {
        // netty's decoders signal "not enough bytes yet" with a stackless Error; when a connection is reset mid-answer
        // the driver has let it escape through a statement's future (LoadFaultIT saw it once in many runs)
        AtomicInteger attempts = new AtomicInteger();
        Statement<String> read = Statement.read("signal", "RETURN 1 AS one", Map.of(), rows -> {
            if (attempts.incrementAndGet() == 1) {
                throw io.netty.util.Signal.valueOf(io.netty.handler.codec.ReplayingDecoder.class, "REPLAY");
            }
            return "done";
        });

        String result = retries(Duration.ofSeconds(10))
                .run(session(driver, AccessMode.WRITE), CONFIG, "signal", runner -> runner.run(read));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void shouldStopRetryingWhenTheBudgetIsSpent(Driver driver) {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> retries(Duration.ofSeconds(1))
                        .run(session(driver, AccessMode.WRITE), CONFIG, "b", runner -> {
                            attempts.incrementAndGet();
                            throw new TransientException("Neo.TransientError.Database.Unavailable", "always");
                        }))
                .isInstanceOf(TransientException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(attempts.get()).isGreaterThan(3);
        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    @Test
    void shouldEndARunawayQueryAndALockWaitWithATimeoutTriedOnce(Driver driver, TestNamespace namespace) {
        MemoryConfig.Builder quick =
                MemoryConfig.builder().queryTimeout(Duration.ofSeconds(1)).transactionTimeout(Duration.ofSeconds(1));
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, quick)) {
            AtomicInteger attempts = new AtomicInteger();
            String runaway = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n";
            assertThatThrownBy(() -> memory.inTransaction(tx -> {
                        attempts.incrementAndGet();
                        return tx.queryGraph(GraphQuery.of(runaway));
                    }))
                    .isInstanceOf(MemoryTimeoutException.class);
            assertThat(attempts).hasValue(1);

            memory.createEntity(NewEntity.of("Locked", EntityType.CLIENT));
            AtomicInteger lockAttempts = new AtomicInteger();
            try (var holder = memory.beginTransaction()) {
                holder.createEntity(NewEntity.of("Locked", EntityType.CLIENT).notes("holds the lock"));
                assertThatThrownBy(() -> memory.inTransaction(tx -> {
                            lockAttempts.incrementAndGet();
                            return tx.createEntity(
                                    NewEntity.of("locked", EntityType.CLIENT).notes("waits"));
                        }))
                        .isInstanceOf(MemoryTimeoutException.class);
            }
            assertThat(lockAttempts).hasValue(1);
        }
    }

    private static void assertTriedOnce(
            Driver driver, AccessMode mode, Statement<Void> statement, Class<? extends Exception> failure) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retries(Duration.ofSeconds(10)).run(session(driver, mode), CONFIG, "once", runner -> {
                    attempts.incrementAndGet();
                    return runner.run(statement);
                }))
                .isInstanceOf(failure);
        assertThat(attempts).as(statement.text()).hasValue(1);
    }

    private static Statement<Void> statement(String text, TestNamespace namespace) {
        return Statement.write("probe", text, Map.of("namespace", namespace.value()), rows -> null);
    }

    private static void touch(StatementRunner runner, TestNamespace namespace, String nameKey) {
        runner.run(Statement.write(
                "touch",
                "MATCH (e:Entity {namespace: $namespace, nameKey: $key}) SET e.touched = coalesce(e.touched, 0) + 1",
                Map.of("namespace", namespace.value(), "key", nameKey),
                rows -> null));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the other writer already moved on (it was retried); go ahead
        }
    }

    private static Retries retries(Duration budget) {
        return new Retries(budget, Telemetry.NONE, PlanKeeper.OFF);
    }

    private static AsyncSession session(Driver driver, AccessMode mode) {
        return driver.session(
                AsyncSession.class,
                org.neo4j.driver.SessionConfig.builder()
                        .withDefaultAccessMode(mode)
                        .build());
    }
}
