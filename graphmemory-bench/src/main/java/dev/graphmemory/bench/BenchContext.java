package dev.graphmemory.bench;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.baseline.InProcess;
import dev.graphmemory.bench.baseline.RawDriver;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every scenario runs against: one embedded Neo4j with the library's schema, the library connected to it over
 * Bolt, and a separate driver for the raw-driver and Spring Data baselines. The original baseline's schema-less
 * database is a second embedded Neo4j, started the first time a scenario asks for it (Neo4j community has one user
 * database per server, and the library's constraints and indexes must not help the original). Both databases are
 * seeded with the same {@link Background} graph.
 */
public final class BenchContext implements AutoCloseable {
    /** The library's default rows per batch statement; every baseline uses it too. */
    public static final int CHUNK = MemoryConfig.defaults().batchChunkSize();

    private static final Logger LOG = LoggerFactory.getLogger(BenchContext.class);

    private final Options options;
    private final EmbeddedNeo4j neo4j;
    private final GraphMemory memory;
    private final Driver driver;
    private final RawDriver raw;
    private final InProcess limit;
    private final AtomicInteger namespaces = new AtomicInteger();
    private EmbeddedNeo4j original;
    private Driver originalDriver;

    BenchContext(Options options) {
        this.options = options;
        this.neo4j =
                EmbeddedNeo4j.builder().pageCacheBytes(ByteUnit.mebiBytes(512)).start();
        this.memory =
                GraphMemory.connect(MemoryConfig.builder().uri(neo4j.boltUri()).build());
        this.driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
        this.raw = new RawDriver(driver, neo4j.databaseName(), CHUNK);
        this.limit = new InProcess(neo4j.database(), CHUNK);
        long started = System.nanoTime();
        Background.seedLibrary(neo4j.database(), "background", backgroundSize());
        LOG.info(
                "Background graph of {} nodes stored in {} ms",
                backgroundSize(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The nodes of the background graph each database holds before the scenarios. */
    public int backgroundSize() {
        return options.pick(20_000, 50_000);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The embedded server holding the library's database. */
    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    /** The library, in a namespace of its own for this use. */
    public GraphMemory memory(String namespace) {
        return memory.withNamespace(namespace);
    }

    /** The library's memory in its default namespace; {@link #memory(String)} for a fresh one. */
    public GraphMemory memory() {
        return memory;
    }

    /** A driver of the baselines on the library's database. */
    public Driver driver() {
        return driver;
    }

    /** The raw-driver baseline on the library's database. */
    public RawDriver raw() {
        return raw;
    }

    /** The limit of this machine: the same work inside the database process, no Bolt (see {@link InProcess}). */
    public InProcess limit() {
        return limit;
    }

    /** A namespace nobody used yet, e.g. {@code s3-raw-7}. */
    public String namespace(String tag) {
        return tag + "-" + namespaces.incrementAndGet();
    }

    /** A driver on the original baseline's own database, which has no constraints or indexes. */
    public synchronized Driver originalDriver() {
        if (originalDriver == null) {
            original = EmbeddedNeo4j.builder().start();
            originalDriver = GraphDatabase.driver(original.boltUri(), AuthTokens.none());
            Background.seedOriginal(original.database(), backgroundSize());
        }
        return originalDriver;
    }

    /** The name of the original baseline's database. */
    public String originalDatabase() {
        return neo4j.databaseName();
    }

    @Override
    public void close() {
        limit.removeFloorNodes();
        driver.close();
        memory.close();
        if (originalDriver != null) {
            originalDriver.close();
            original.close();
        }
        neo4j.close();
    }
}
