package dev.graphmemory.app.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WritersTest {

    @Test
    void shouldKeepAtMostItsThreadsInFlightAndWaitForAllOnDrain() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (Writers writers = new Writers(2)) {
            for (int i = 0; i < 20; i++) {
                writers.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    done.incrementAndGet();
                });
            }
            writers.drain();
            assertThat(done).hasValue(20);
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void shouldStopAtTheFirstFailureAndThrowIt() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicInteger after = new AtomicInteger();
        try (Writers writers = new Writers(2)) {
            writers.submit(() -> {
                failed.countDown();
                throw new IllegalArgumentException("a clash");
            });
            assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 1_000; i++) {
                            writers.submit(after::incrementAndGet);
                            sleep(1);
                        }
                    })
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a clash");
            assertThatThrownBy(writers::drain).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(after.get()).isLessThan(1_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
