package dev.graphmemory.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.FaultProxy;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Load under faults: resets at random points, scopes cut mid-way, the server stopped and started again. */
@Neo4jTest
class LoadFaultIT {
    private static final Logger LOG = LoggerFactory.getLogger(LoadFaultIT.class);
    private static final int OPERATIONS = Integer.getInteger("graphmemory.reliability.operations", 10_000);
    private static final int THREADS = 16;

    @Test
    void shouldKeepEveryAcknowledgedWriteExactlyOnceWhile2PercentOfConnectionsAreReset(
            SharedNeo4j neo4j, Driver driver, TestNamespace namespace) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        long resets;
        long commitCuts;
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory = GraphMemory.connect(config(proxy.uri(), namespace)
                        .maxConnectionLifetime(Duration.ofMillis(300)) // fresh connections keep the faults coming
                        .build())) {
            proxy.resetConnections(percent -> percent < 2, 0, 60_000);
            var cutter = Executors.newSingleThreadScheduledExecutor(); // and now and then exactly at a COMMIT
            cutter.scheduleAtFixedRate(proxy::cutAfterNextCommit, 100, 250, TimeUnit.MILLISECONDS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = thread; i < OPERATIONS; i += THREADS) {
                        try {
                            memory.storeMemory(NewMemory.builder()
                                    .commitment("c", NewCommitment.of("op-" + i))
                                    .entity("e", NewEntity.of("Client " + (i % 50), EntityType.CLIENT))
                                    .link("c", RelationshipType.INVOLVES, "e")
                                    .build());
                            acknowledged.add(i);
                        } catch (MemoryException e) {
                            failed.incrementAndGet();
                            failures.merge(e.errorCode(), 1, Integer::sum);
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(10, TimeUnit.MINUTES);
            }
            pool.shutdown();
            cutter.shutdownNow();
            resets = proxy.resets();
            commitCuts = proxy.commitCuts();
            proxy.pass();
            assertThat(dev.graphmemory.contract.MemoryFixture.connectionsInUseWhenIdle(memory))
                    .isZero();
        }

        Map<String, Long> copies = copiesByContent(driver, namespace);
        long duplicates = copies.values().stream().filter(count -> count > 1).count();
        long missing = acknowledged.stream()
                .filter(i -> !copies.containsKey("op-" + i))
                .count();
        LOG.info(
                "{} operations, {} acknowledged, {} failed {}, {} connections reset, {} cut at COMMIT, {} duplicates,"
                        + " {} missing",
                OPERATIONS,
                acknowledged.size(),
                failed.get(),
                failures,
                resets,
                commitCuts,
                duplicates,
                missing);
        assertThat(resets).as("connections reset").isPositive();
        assertThat(commitCuts).as("connections cut right after COMMIT").isPositive();
        assertThat(duplicates).as("duplicated writes").isZero();
        assertThat(missing).as("acknowledged writes missing").isZero();
        assertThat(MemoryFixture.count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                .isEqualTo(50);
        assertThat(acknowledged.size() + failed.get()).isEqualTo(OPERATIONS);
    }

    @ParameterizedTest(name = "cut after operation {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldLeaveNothingPartialWhenAScopeIsCutAfterOperationK(
            int k, SharedNeo4j neo4j, Driver driver, TestNamespace namespace) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(neo4j.server().boltUri());
                GraphMemory memory =
                        GraphMemory.connect(config(proxy.uri(), namespace).build())) {
            AtomicInteger attempts = new AtomicInteger();
            try {
                memory.inTransaction(tx -> {
                    boolean first = attempts.incrementAndGet() == 1;
                    for (int i = 1; i <= 4; i++) {
                        tx.createCommitment(NewCommitment.of("step " + i));
                        if (first && i == k) {
                            proxy.resetAll();
                        }
                    }
                    return null;
                });
            } catch (MemoryException e) {
                LOG.info("callback cut after {} failed for good: {}", k, e.toString());
            }
            long stored = MemoryFixture.nodes(driver, namespace);
            assertThat(stored).as("all or nothing").isIn(0L, 4L);

            try (MemoryTransaction tx = memory.beginTransaction()) {
                for (int i = 1; i <= k; i++) {
                    tx.createCommitment(NewCommitment.of("explicit " + i));
                }
                proxy.resetAll();
                tx.commit();
            } catch (MemoryException expected) {
                // the explicit transaction cannot survive a cut
            }
            assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(stored);
            assertThat(openTransactions(driver, namespace, Duration.ofSeconds(10)))
                    .isZero();
        }
    }

    @Test
    void shouldFailEveryCallerFastWhileNeo4jIsDownAndRecoverWhenItIsBack(@TempDir Path data) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedNeo4j server = EmbeddedNeo4j.builder()
                .dataDirectory(data)
                .boltPort(port)
                .keepAlive(Duration.ofSeconds(1))
                .start();
        MemoryConfig config = MemoryConfig.builder()
                .uri(server.boltUri())
                .namespace("outage")
                .connectionTimeout(Duration.ofSeconds(1))
                .connectionAcquisitionTimeout(Duration.ofSeconds(3))
                .maxRetryTime(Duration.ofSeconds(3))
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            memory.createEntity(NewEntity.of("Before", EntityType.PERSON));
            server.close();

            ExecutorService callers = Executors.newFixedThreadPool(64);
            List<Future<Throwable>> outcomes = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 64; i++) {
                int caller = i;
                outcomes.add(callers.submit(() -> {
                    try {
                        memory.createEntity(NewEntity.of("During " + caller, EntityType.PERSON));
                        return null;
                    } catch (Throwable failure) {
                        return failure;
                    }
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> outcome : outcomes) {
                failures.add(outcome.get(30, TimeUnit.SECONDS)); // no caller hangs
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            callers.shutdown();
            LOG.info("64 callers failed in {} ms while the server was down", took.toMillis());
            assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(UnavailableException.class));
            assertThat(took).isLessThan(Duration.ofSeconds(30));

            server = EmbeddedNeo4j.builder()
                    .dataDirectory(data)
                    .boltPort(port)
                    .keepAlive(Duration.ofSeconds(1))
                    .start();
            assertThat(memory.createEntity(NewEntity.of("After", EntityType.PERSON))
                            .name())
                    .isEqualTo("After");
            assertThat(memory.getEntityContext("before").entity().name()).isEqualTo("Before");
        } finally {
            server.close();
        }
    }

    private static MemoryConfig.Builder config(java.net.URI uri, TestNamespace namespace) {
        return MemoryConfig.builder()
                .uri(uri)
                .namespace(namespace.value())
                .connectionTimeout(Duration.ofSeconds(2))
                .maxRetryTime(Duration.ofSeconds(20));
    }

    private static Map<String, Long> copiesByContent(Driver driver, TestNamespace namespace) {
        Map<String, Long> copies = new java.util.HashMap<>();
        driver.executableQuery("MATCH (c:Commitment {namespace: $ns}) RETURN c.content AS content, count(*) AS copies")
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .forEach(record -> copies.put(
                        record.get("content").asString(), record.get("copies").asLong()));
        return copies;
    }

    private static long openTransactions(Driver driver, TestNamespace namespace, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        long open;
        do {
            open = driver.executableQuery(
                            "SHOW TRANSACTIONS YIELD metaData WHERE metaData.namespace = $ns RETURN count(*) AS open")
                    .withParameters(Map.of("ns", namespace.value()))
                    .execute()
                    .records()
                    .get(0)
                    .get("open")
                    .asLong();
            if (open > 0) {
                Thread.sleep(50);
            }
        } while (open > 0 && System.nanoTime() < end);
        return open;
    }
}
