package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Recorder;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.baseline.InProcess;
import dev.graphmemory.bench.baseline.RawDriver;
import dev.graphmemory.bench.baseline.Uuid7;
import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S6 and S6b: {@code getEntityContext} on a graph of 10,000 nodes, against the raw driver sending the same statement
 * through {@code executeRead}; then the same calls after the graph has grown to 1,000,000 nodes (100,000 in the quick
 * mode), all in the same namespace, so that only an index lookup keeps the latency flat.
 *
 * <p>The graph lives on an embedded Neo4j of its own, so that its size is exactly what the scenario says. The
 * 10,000 nodes are 2,000 entities, 5,000 commitments and 3,000 decisions; each of 50 hub entities is involved in 30
 * commitments and 30 decisions, and every other commitment and decision involves one other entity. The calls ask for
 * the hubs in turn (20 commitments and 20 decisions each). The graph is written inside the database, in the
 * library's layout (setup, not measured); the growth adds entities and commitments that involve them.
 */
public final class EntityContextAtScale implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(EntityContextAtScale.class);
    private static final String NAMESPACE = "context";
    private static final int HUBS = 50;
    private static final int PER_HUB = 30;
    private static final int ENTITIES = 2_000;
    private static final int COMMITMENTS = 5_000;
    private static final int DECISIONS = 3_000;

    @Override
    public List<String> ids() {
        return List.of("S6", "S6b");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int large = context.options().pick(100_000, 1_000_000);
        int calls = context.options().pick(150, 1_000);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder()
                        .pageCacheBytes(ByteUnit.mebiBytes(1024))
                        .start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace(NAMESPACE)
                        .build());
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            RawDriver raw = new RawDriver(driver, neo4j.databaseName(), BenchContext.CHUNK);
            int nodes = buildSmallGraph(neo4j.database());
            LOG.info("  graph of {} nodes built", nodes);
            Contender ours = Contender.ofCalls("graphmemory", true, round -> ourCalls(memory, calls));
            Contender baseline = Contender.ofCalls("raw driver", false, round -> {
                List<Recorder.Call> list = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String hub = NewEntity.of(hub(i), EntityType.PERSON).nameKey();
                    list.add(() -> check(raw.getEntityContext(NAMESPACE, hub, 20)));
                }
                return list;
            });
            InProcess inProcess = new InProcess(neo4j.database(), BenchContext.CHUNK);
            Contender limit = Contender.ofCalls("limit: in-process", false, round -> {
                List<Recorder.Call> list = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String hub = NewEntity.of(hub(i), EntityType.PERSON).nameKey();
                    list.add(() -> check(inProcess.getEntityContext(NAMESPACE, hub, 20)));
                }
                return list;
            });
            List<VariantResult> small = SideBySide.interleaved(
                    List.of(ours, baseline, limit),
                    context.options().warmups(),
                    context.options().rounds(),
                    "calls");
            grow(neo4j.database(), large - nodes);
            LOG.info("  graph grown to {} nodes", large);
            Contender oursLarge = Contender.ofCalls("graphmemory", true, round -> ourCalls(memory, calls));
            VariantResult atLarge = SideBySide.run(
                            List.of(oursLarge),
                            context.options().warmups(),
                            context.options().rounds(),
                            "calls")
                    .get(0);
            VariantResult at10k = rename(small.get(0), "graphmemory at %,d nodes".formatted(nodes));
            VariantResult atBig = rename(atLarge, "graphmemory at %,d nodes".formatted(large));
            return List.of(
                    Fixtures.throughputRatio(
                                    "S6",
                                    "getEntityContext at %,d nodes".formatted(nodes),
                                    "ours / raw driver",
                                    Target.atLeast(0.9),
                                    small.get(0),
                                    small.get(1),
                                    List.of())
                            .withLimit(small.get(2)),
                    new ScenarioResult(
                            "S6b",
                            "getEntityContext latency, graph of %,d nodes vs %,d".formatted(large, nodes),
                            "p50 latency at %s ÷ at 10k".formatted(large >= 1_000_000 ? "1M" : "100k"),
                            atBig.p50Millis() / at10k.p50Millis(),
                            Target.atMost(1.5),
                            List.of(atBig, at10k),
                            List.of("p99 ratio %s.".formatted(Numbers.ratio(atBig.p99Millis() / at10k.p99Millis())))));
        }
    }

    private static List<Recorder.Call> ourCalls(GraphMemory memory, int calls) {
        List<Recorder.Call> list = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String hub = hub(i);
            list.add(() -> check(memory.getEntityContext(hub)));
        }
        return list;
    }

    private static String hub(int i) {
        return "Hub " + (i % HUBS);
    }

    private static void check(Object context) {
        if (context instanceof EntityContext entityContext
                && (entityContext.commitments().size() != 20
                        || entityContext.decisions().size() != 20)) {
            throw new IllegalStateException("unexpected context " + entityContext);
        }
        if (context instanceof Integer related && related != 40) {
            throw new IllegalStateException("unexpected context size " + related);
        }
    }

    /**
     * Builds the 10,000-node graph inside the database (setup, not measured), in the library's layout; returns its
     * size.
     */
    private static int buildSmallGraph(GraphDatabaseService database) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (int i = 0; i < ENTITIES; i++) {
            String name = i < HUBS ? hub(i) : "Other person " + i;
            entities.add(Map.of(
                    "id",
                    Uuid7.next(),
                    "name",
                    name,
                    "nameKey",
                    NewEntity.of(name, EntityType.PERSON).nameKey()));
        }
        List<Map<String, Object>> commitments = new ArrayList<>();
        for (int i = 0; i < COMMITMENTS; i++) {
            int entity = i < HUBS * PER_HUB ? i / PER_HUB : HUBS + i % (ENTITIES - HUBS);
            commitments.add(Map.of("id", Uuid7.next(), "content", "Commitment " + i, "entity", entity));
        }
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            int entity = i < HUBS * PER_HUB ? i / PER_HUB : HUBS + i % (ENTITIES - HUBS);
            decisions.add(Map.of("id", Uuid7.next(), "content", "Decision " + i, "entity", entity));
        }
        database.executeTransactionally("""
                UNWIND $entities AS row
                CREATE (:Memory:Entity {id: row.id, namespace: $namespace, name: row.name, nameKey: row.nameKey,
                    type: 'client', domain: 'work', createdAt: datetime(), updatedAt: datetime()})
                CREATE (:EntityKey {namespace: $namespace, key: row.nameKey, entityId: row.id, text: row.name})
                """, Map.of("entities", entities, "namespace", NAMESPACE));
        database.executeTransactionally(
                """
                UNWIND $commitments AS row
                MATCH (e:Entity {namespace: $namespace, nameKey: $entities[row.entity].nameKey})
                CREATE (c:Memory:Commitment {id: row.id, namespace: $namespace, content: row.content, toWhom: 'self',
                    domain: 'work', priority: 3, status: 'pending', createdAt: datetime()})
                CREATE (c)-[:INVOLVES {createdAt: datetime()}]->(e)
                """, Map.of("commitments", commitments, "entities", entities, "namespace", NAMESPACE));
        database.executeTransactionally(
                """
                UNWIND $decisions AS row
                MATCH (e:Entity {namespace: $namespace, nameKey: $entities[row.entity].nameKey})
                CREATE (d:Memory:Decision {id: row.id, namespace: $namespace, content: row.content,
                    rationale: 'Because', alternatives: [], domain: 'work', confidence: 0.7, createdAt: datetime()})
                CREATE (d)-[:INVOLVES {createdAt: datetime()}]->(e)
                """, Map.of("decisions", decisions, "entities", entities, "namespace", NAMESPACE));
        return ENTITIES + COMMITMENTS + DECISIONS;
    }

    /**
     * Adds {@code count} nodes to the namespace inside the database, in transactions of 20,000: entities, and as many
     * commitments each involving one of them.
     */
    private static void grow(GraphDatabaseService database, int count) {
        int step = 20_000;
        for (int done = 0; done < count; done += step) {
            int half = Math.min(step, count - done) / 2;
            List<Map<String, Object>> rows = new ArrayList<>(half);
            for (int i = 0; i < half; i++) {
                String name = "Filler person " + (done + i);
                rows.add(Map.of(
                        "entityId", Uuid7.next(),
                        "commitmentId", Uuid7.next(),
                        "name", name,
                        "nameKey", NewEntity.of(name, EntityType.PERSON).nameKey()));
            }
            database.executeTransactionally("""
                    UNWIND $rows AS row
                    CREATE (e:Memory:Entity {id: row.entityId, namespace: $namespace, name: row.name,
                        nameKey: row.nameKey, type: 'person', domain: 'work', createdAt: datetime(),
                        updatedAt: datetime()})
                    CREATE (:EntityKey {namespace: $namespace, key: row.nameKey, entityId: row.entityId, text: row.name})
                    CREATE (c:Memory:Commitment {id: row.commitmentId, namespace: $namespace, content: row.name,
                        toWhom: 'self', domain: 'work', priority: 3, status: 'pending', createdAt: datetime()})
                    CREATE (c)-[:INVOLVES {createdAt: datetime()}]->(e)
                    """, Map.of("rows", rows, "namespace", NAMESPACE));
            if ((done / step) % 10 == 9) {
                LOG.info("  {} nodes added", done + 2 * half);
            }
        }
    }

    private static VariantResult rename(VariantResult result, String name) {
        return new VariantResult(
                name,
                result.ours(),
                result.throughput(),
                result.unit(),
                result.p50Millis(),
                result.p99Millis(),
                result.rounds(),
                result.calls());
    }
}
