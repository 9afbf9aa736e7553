package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** A thread interrupted while it waits for the database keeps its interrupt flag and gets a typed error. */
@Neo4jTest
class InterruptIT {

    @Test
    void shouldKeepTheInterruptFlagAndRaiseATypedError(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            memory.createEntity(NewEntity.of("Locked", EntityType.CLIENT));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            try (MemoryTransaction holder = memory.beginTransaction()) {
                holder.createEntity(NewEntity.of("Locked", EntityType.CLIENT).notes("holds the lock"));
                CompletableFuture<Void> started = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    started.complete(null);
                    try {
                        memory.createEntity(
                                NewEntity.of("locked", EntityType.CLIENT).notes("waits"));
                    } catch (Throwable e) {
                        failure.set(e);
                        flagKept.set(Thread.currentThread().isInterrupted());
                    }
                });
                waiter.start();
                started.get(5, TimeUnit.SECONDS);
                awaitBlockedOnTheLock(driver);
                waiter.interrupt();
                waiter.join(Duration.ofSeconds(30).toMillis());
                assertThat(waiter.isAlive())
                        .as("the interrupted caller still waits:%n%s", stack(waiter))
                        .isFalse();
                holder.rollback();
            }
            assertThat(failure.get()).isInstanceOf(MemoryInterruptedException.class);
            assertThat(flagKept).isTrue();
        }
    }

    /** Waits until the server shows the caller's statement blocked behind the holder's lock. */
    private static void awaitBlockedOnTheLock(Driver driver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            long blocked = driver.executableQuery("""
                            SHOW TRANSACTIONS YIELD metaData, status
                            WHERE metaData.operation = 'createEntities' AND status STARTS WITH 'Blocked'
                            RETURN count(*) AS blocked
                            """)
                    .execute()
                    .records()
                    .get(0)
                    .get("blocked")
                    .asLong();
            if (blocked > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the caller never blocked on the lock");
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            text.append("    at ").append(element).append(System.lineSeparator());
        }
        return text.toString();
    }
}
