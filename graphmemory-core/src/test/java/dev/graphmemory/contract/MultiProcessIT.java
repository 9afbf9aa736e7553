package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * Several graphmemory processes on one database, as users grow out of one: two memories with drivers of their own in
 * this JVM and a second JVM ({@link MemoryProcess}) write and search one namespace at once. Nothing is stored twice,
 * each process finds what another acknowledged, the search indexers neither count a node twice nor leave one pending,
 * and a transaction scope in one process finds a memory another process stored while it was open.
 */
@Neo4jTest
class MultiProcessIT {
    private static final int NAMES = 40;

    @Test
    void shouldStoreEachNameOnceAndFindWhatAnotherProcessStored(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        long indexedThere;
        try (Child child = Child.start(neo4j, namespace);
                GraphMemory a = connect(neo4j, namespace, first);
                GraphMemory b = connect(neo4j, namespace, second)) {
            // The three write the same names at once, each an entity and a commitment per call.
            CompletableFuture<String> there = child.callAsync("entities Shared 0 " + NAMES);
            CompletableFuture<Void> here = CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> write(a)), CompletableFuture.runAsync(() -> write(b)));
            assertThat(there.get(2, TimeUnit.MINUTES)).isEqualTo("ok");
            here.get(2, TimeUnit.MINUTES);

            assertThat(count(neo4j.driver(), "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                    .isEqualTo(NAMES);
            assertThat(count(neo4j.driver(), "MATCH (c:Commitment {namespace: $ns}) RETURN count(c)", namespace))
                    .isEqualTo(3L * NAMES);

            // What one process acknowledged, another finds at once, both ways.
            String id = child.call("entity Zebediah Quill").substring("ok ".length());
            assertThat(a.searchMemory(SearchQuery.of("Zebediah")).hits())
                    .extracting(hit -> hit.memory().id())
                    .containsExactly(id);
            b.createEntity(NewEntity.of("Ophelia Marchbanks", EntityType.PERSON));
            assertThat(child.call("search Ophelia")).isEqualTo("hits 1");

            indexedThere = Long.parseLong(child.call("close").substring("indexed ".length()));
        }
        long nodes = count(neo4j.driver(), "MATCH (m:Memory {namespace: $ns}) RETURN count(m)", namespace);
        assertThat(count(neo4j.driver(), "MATCH (p:SearchPending {namespace: $ns}) RETURN count(p)", namespace))
                .as("left waiting for the index")
                .isZero();
        assertThat(count(neo4j.driver(), "MATCH (s:Searchable {namespace: $ns}) RETURN count(s)", namespace))
                .isEqualTo(nodes);
        // A search also indexes its namespace's pending nodes (uncounted here); no node is counted by two indexers.
        assertThat(indexed(first) + indexed(second) + indexedThere).isLessThanOrEqualTo(nodes);
    }

    /**
     * A scope's search relabels its namespace's pending memories itself, inside its transaction, and so finds them;
     * had another process's indexer relabelled one meanwhile, the scope's search, which reads the index as its
     * transaction first saw it, would miss it. The indexers leave alone a namespace with a scope open anywhere.
     */
    @Test
    void shouldLetAScopeFindAMemoryAnotherProcessStoredWhileItWasOpen(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        try (Child child = Child.start(neo4j, namespace);
                GraphMemory memory = connect(neo4j, namespace, new SimpleMeterRegistry());
                MemoryTransaction scope = memory.beginTransaction()) {
            scope.getCommitments(CommitmentQuery.all()); // the scope's transaction is open on the server
            scope.searchMemory(SearchQuery.of("nothing yet"));
            String id = child.call("entity Wilhelmina Fairweather").substring("ok ".length());
            Thread.sleep(1_500); // the other process's indexer ticks every 200 ms meanwhile

            List<SearchHit> hits =
                    scope.searchMemory(SearchQuery.of("Wilhelmina")).hits();

            assertThat(hits).extracting(hit -> hit.memory().id()).containsExactly(id);
            scope.rollback();
            child.call("close");
        }
    }

    private static void write(GraphMemory memory) {
        for (int i = 0; i < NAMES; i++) {
            memory.createEntity(NewEntity.of("Shared " + i, EntityType.PERSON));
            memory.createCommitment(NewCommitment.of("Call Shared " + i));
        }
    }

    private static GraphMemory connect(SharedNeo4j neo4j, TestNamespace namespace, SimpleMeterRegistry registry) {
        return GraphMemory.connect(MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .meterRegistry(registry)
                .build());
    }

    private static long indexed(SimpleMeterRegistry registry) {
        return (long) registry.find("graphmemory.search.indexed").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static long count(Driver driver, String query, TestNamespace namespace) {
        return driver.executableQuery(query)
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }

    /** The second process, on this JVM's class path. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;

        private Child(Process process) {
            this.process = process;
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
            Process process = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx512m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            MemoryProcess.class.getName(),
                            neo4j.server().boltUri().toString(),
                            namespace.value())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Child child = new Child(process);
            assertThat(child.out.readLine()).isEqualTo("ready");
            return child;
        }

        synchronized String call(String command) throws Exception {
            in.println(command);
            return out.readLine();
        }

        CompletableFuture<String> callAsync(String command) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return call(command);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
