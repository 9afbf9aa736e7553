package dev.graphmemory.bench.jmh;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.baseline.RawDriver;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-measurements of single operations, the library next to the raw driver sending the same statement: one
 * {@code createEntity} (a write transaction each) and one {@code getEntityContext} (a read of an entity with 20
 * commitments); and {@code recordFacts} of {@value #FACTS} facts about the hub in one call (one set-based statement),
 * whose time per call gives facts per second. One embedded Neo4j per fork, started in the benchmark's own process.
 *
 * <pre>graphmemory-bench/run --jmh SingleOperationBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class SingleOperationBenchmark {
    private static final String NAMESPACE = "jmh";
    private static final String HUB = "Jmh Hub";
    private static final int FACTS = 1_000;

    private final AtomicLong sequence = new AtomicLong();
    private EmbeddedNeo4j neo4j;
    private GraphMemory memory;
    private Driver driver;
    private RawDriver raw;

    /** Starts the database and stores an entity with 20 commitments for the reads. */
    @Setup(Level.Trial)
    public void start() {
        neo4j = EmbeddedNeo4j.builder().start();
        memory = GraphMemory.connect(
                MemoryConfig.builder().uri(neo4j.boltUri()).namespace(NAMESPACE).build());
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
        raw = new RawDriver(
                driver, neo4j.databaseName(), MemoryConfig.defaults().batchChunkSize());
        Entity hub = memory.createEntity(NewEntity.of(HUB, EntityType.CLIENT));
        List<NewCommitment> commitments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            commitments.add(NewCommitment.of("Commitment " + i));
        }
        List<NewLink> links = new ArrayList<>();
        for (Commitment commitment :
                memory.createCommitments(commitments, BatchMode.ATOMIC).values()) {
            links.add(NewLink.of(commitment.id(), RelationshipType.INVOLVES, hub.id()));
        }
        memory.linkNodes(links, BatchMode.ATOMIC);
    }

    /** Stops the database. */
    @TearDown(Level.Trial)
    public void stop() {
        driver.close();
        memory.close();
        neo4j.close();
    }

    @Benchmark
    public Entity createEntityGraphmemory() {
        return memory.createEntity(NewEntity.of("Jmh person " + sequence.incrementAndGet(), EntityType.PERSON));
    }

    @Benchmark
    public Map<String, Object> createEntityRawDriver() {
        return raw.createEntity(NAMESPACE, NewEntity.of("Jmh person " + sequence.incrementAndGet(), EntityType.PERSON));
    }

    @Benchmark
    public BatchResult<Fact> recordFactsGraphmemory() {
        long call = sequence.incrementAndGet();
        List<NewFact> facts = new ArrayList<>(FACTS);
        for (int i = 0; i < FACTS; i++) {
            facts.add(NewFact.of("Jmh fact " + call + "-" + i, HUB));
        }
        return memory.recordFacts(facts, BatchMode.ATOMIC);
    }

    @Benchmark
    public EntityContext entityContextGraphmemory() {
        return memory.getEntityContext(HUB);
    }

    @Benchmark
    public int entityContextRawDriver() {
        return raw.getEntityContext(
                NAMESPACE, NewEntity.of(HUB, EntityType.CLIENT).nameKey(), 20);
    }
}
