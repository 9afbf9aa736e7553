package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.Driver;

/** Opens a {@link GraphMemory} on the shared test driver in a test's namespace, and reads the raw graph. */
public final class MemoryFixture {
    private MemoryFixture() {}

    /** A memory in the test's namespace. */
    public static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return GraphMemory.open(
                driver, MemoryConfig.builder().namespace(namespace.value()).build());
    }

    /** A memory with settings of the test's own. */
    public static GraphMemory memory(Driver driver, TestNamespace namespace, MemoryConfig.Builder config) {
        return GraphMemory.open(driver, config.namespace(namespace.value()).build());
    }

    /** Nodes of the namespace, counted straight from the graph. */
    public static long nodes(Driver driver, TestNamespace namespace) {
        return count(driver, "MATCH (n:Memory) WHERE n.namespace = $ns RETURN count(n) AS n", namespace);
    }

    /** Relationships within the namespace, counted straight from the graph. */
    public static long relationships(Driver driver, TestNamespace namespace) {
        return count(driver, "MATCH (n:Memory)-[r]->() WHERE n.namespace = $ns RETURN count(r) AS n", namespace);
    }

    /** Polls {@code condition} until it holds, for at most 30 s; fails naming {@code what} it waited for. */
    public static void waitFor(String what, BooleanSupplier condition) {
        waitFor(what, Duration.ofSeconds(30), condition);
    }

    /** Polls {@code condition} until it holds, for at most {@code limit}; fails naming {@code what} it waited for. */
    public static void waitFor(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit + " for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs a count query with {@code $ns} bound to the namespace. */
    public static long count(Driver driver, String query, TestNamespace namespace) {
        return driver.executableQuery(query)
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }

    /**
     * Connections in use once the memory is idle: waits up to 5 s for none (the search indexer may hold one for a
     * moment after writes), then returns the count.
     */
    public static int connectionsInUseWhenIdle(GraphMemory memory) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int inUse = memory.healthCheck().pool().inUse();
        while (inUse > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // between polls, as LoadFaultIT did before this helper
            inUse = memory.healthCheck().pool().inUse();
        }
        return inUse;
    }

    /** Runs a write straight on the graph (to set up states the API cannot make, such as old timestamps). */
    public static void write(Driver driver, String query, Map<String, Object> parameters) {
        driver.executableQuery(query).withParameters(parameters).execute();
    }
}
