package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.AsyncMemoryOperations;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Cancelling asynchronous work at random points must never leak: no connection stays in use and no transaction stays
 * open on the server.
 */
@Neo4jTest
class AsyncCancellationIT {
    private static final int OPERATIONS = 1_000;

    @Test
    void shouldReleaseEveryConnectionAndTransactionOf1000CancelledOperations(
            SharedNeo4j neo4j, Driver driver, TestNamespace namespace) throws Exception {
        Random random = new Random(42);
        int completed = 0;
        int cancelled = 0;
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            AsyncMemoryOperations async = memory.async();
            List<CompletableFuture<?>> running = new ArrayList<>();
            for (int i = 0; i < OPERATIONS; i++) {
                CompletableFuture<?> future = start(async, i).toCompletableFuture();
                running.add(future);
                if (random.nextInt(3) > 0) {
                    int delayMicros = random.nextInt(3_000);
                    CompletableFuture.delayedExecutor(delayMicros, TimeUnit.MICROSECONDS)
                            .execute(() -> future.cancel(true));
                }
                if (running.size() == 50) {
                    completed += settle(running);
                    running.clear();
                }
            }
            completed += settle(running);
            cancelled = OPERATIONS - completed;

            assertThat(neo4j.awaitConnectionsReleased(Duration.ofSeconds(10))).isZero();
            assertThat(openTransactions(driver, Duration.ofSeconds(10))).isZero();
        }
        assertThat(completed).isPositive();
        assertThat(cancelled).isPositive();
    }

    private static CompletionStage<?> start(AsyncMemoryOperations async, int i) {
        return switch (i % 4) {
            case 0 -> async.createCommitment(NewCommitment.of("Async " + i));
            case 1 -> async.createEntity(NewEntity.of("Async entity " + i, EntityType.PERSON));
            case 2 -> async.recordPattern(PatternObservation.of("Async habit " + (i % 10), PatternType.BEHAVIOR));
            default ->
                async.createEntities(
                        List.of(
                                NewEntity.of("Batch a" + i, EntityType.PERSON),
                                NewEntity.of("Batch b" + i, EntityType.PERSON)),
                        BatchMode.BEST_EFFORT);
        };
    }

    /** Waits for each future; returns how many completed normally. Anything but success or cancellation fails. */
    private static int settle(List<CompletableFuture<?>> futures) {
        int completed = 0;
        for (CompletableFuture<?> future : futures) {
            try {
                future.get(30, TimeUnit.SECONDS);
                completed++;
            } catch (CancellationException e) {
                // cancelled by the test
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                if (cause instanceof CompletionException) {
                    cause = cause.getCause();
                }
                assertThat(cause).isInstanceOf(MemoryException.class);
            }
        }
        return completed;
    }

    private static long openTransactions(Driver driver, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        long open;
        do {
            open = driver.executableQuery("""
                            SHOW TRANSACTIONS YIELD metaData
                            WHERE metaData.app = 'graphmemory'
                            RETURN count(*) AS open
                            """)
                    .execute()
                    .records()
                    .get(0)
                    .get("open")
                    .asLong();
            if (open > 0) {
                Thread.sleep(20);
            }
        } while (open > 0 && System.nanoTime() < end);
        return open;
    }
}
