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
                awaitWaiting(waiter);
                waiter.interrupt();
                waiter.join(Duration.ofSeconds(30).toMillis());
                assertThat(waiter.isAlive()).isFalse();
                holder.rollback();
            }
            assertThat(failure.get()).isInstanceOf(MemoryInterruptedException.class);
            assertThat(flagKept).isTrue();
        }
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // the statement is on the server, waiting for the lock
    }
}
