package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** Concurrent callers of the same entity or pattern: one node, every observation counted. */
@Neo4jTest
class ConcurrencyIT {
    private static final int CALLERS = 32;

    @Test
    void shouldCreateOneEntityFor32ConcurrentCallsWithTheSameName(Driver driver, TestNamespace namespace)
            throws Exception {
        String[] spellings = {"Dana Lee", "dana lee", "DANA  LEE", " Dana\u00A0Lee ", "dAnA lEe"};
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            List<Entity> results = concurrently(i ->
                    memory.createEntity(NewEntity.of(spellings[i % spellings.length], EntityType.PERSON)
                            .notes("call " + i)));

            assertThat(results)
                    .extracting(Entity::id)
                    .containsOnly(results.get(0).id());
            assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldCountAll32ConcurrentObservationsOfOnePattern(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace)) {
            List<Pattern> results = concurrently(i -> memory.recordPattern(PatternObservation.of(
                    i % 2 == 0 ? "Checks email first thing" : "checks EMAIL first  thing", PatternType.BEHAVIOR)));

            assertThat(results)
                    .extracting(Pattern::id)
                    .containsOnly(results.get(0).id());
            assertThat(results).extracting(Pattern::observations).doesNotHaveDuplicates();
            Pattern stored = memory.getPatterns(PatternQuery.all()).get(0);
            assertThat(stored.observations()).isEqualTo(CALLERS);
            assertThat(stored.strength()).isEqualTo(1.0);
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(1);
        }
    }

    interface Call<T> {
        T call(int index) throws Exception;
    }

    static <T> List<T> concurrently(Call<T> call) throws Exception {
        return concurrently(CALLERS, call);
    }

    /** Runs {@code call} on {@code callers} threads released at once; the results in caller order. */
    static <T> List<T> concurrently(int callers, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
