package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Recorder;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.baseline.RawDriver;
import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
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
 * commitments and 30 decisions, and every other commitment involves one other entity. The calls ask for the hubs in
 * turn (20 commitments and 20 decisions each).
 */
public final class EntityContextAtScale implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(EntityContextAtScale.class);
    private static final String NAMESPACE = "context";
    private static final int HUBS = 50;
    private static final int PER_HUB = 30;
    private static final int SMALL = 10_000;

    @Override
    public List<String> ids() {
        return List.of("S6", "S6b");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int large = context.options().pick(100_000, 1_000_000);
        int calls = context.options().pick(200, 2_000);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder()
                        .pageCacheBytes(ByteUnit.mebiBytes(1024))
                        .start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace(NAMESPACE)
                        .build());
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            RawDriver raw = new RawDriver(driver, neo4j.databaseName(), BenchContext.CHUNK);
            int nodes = buildSmallGraph(memory);
            LOG.info("  graph of {} nodes built", nodes);
            Contender ours = Contender.ofCalls("graphmemory", true, round -> ourCalls(memory, calls));
            Contender baseline = Contender.ofCalls("raw driver", false, round -> {
                List<Recorder.Call> list = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String hub = NewEntity.of(hub(i), dev.graphmemory.model.EntityType.PERSON)
                            .nameKey();
                    list.add(() -> check(raw.getEntityContext(NAMESPACE, hub, 20)));
                }
                return list;
            });
            List<VariantResult> small = SideBySide.interleaved(
                    List.of(ours, baseline),
                    context.options().warmups(),
                    context.options().rounds(),
                    "calls");
            grow(memory, large - nodes);
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
                            List.of()),
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

    /** Builds the 10,000-node graph; returns its size. */
    private static int buildSmallGraph(GraphMemory memory) {
        List<NewEntity> entityInputs = new ArrayList<>();
        for (int i = 0; i < HUBS; i++) {
            entityInputs.add(NewEntity.of(hub(i), dev.graphmemory.model.EntityType.CLIENT));
        }
        entityInputs.addAll(Fixtures.entities("other", 2_000 - HUBS));
        List<Entity> entities =
                memory.createEntities(entityInputs, BatchMode.ATOMIC).values();
        List<NewCommitment> commitmentInputs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            commitmentInputs.add(NewCommitment.of("Commitment " + i));
        }
        List<Commitment> commitments =
                memory.createCommitments(commitmentInputs, BatchMode.ATOMIC).values();
        List<NewDecision> decisionInputs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            decisionInputs.add(NewDecision.of("Decision " + i, "Because " + i));
        }
        List<Decision> decisions =
                memory.recordDecisions(decisionInputs, BatchMode.ATOMIC).values();
        List<NewLink> links = new ArrayList<>();
        for (int hub = 0; hub < HUBS; hub++) {
            for (int j = 0; j < PER_HUB; j++) {
                String entity = entities.get(hub).id();
                links.add(NewLink.of(commitments.get(hub * PER_HUB + j).id(), RelationshipType.INVOLVES, entity));
                links.add(NewLink.of(decisions.get(hub * PER_HUB + j).id(), RelationshipType.INVOLVES, entity));
            }
        }
        for (int i = HUBS * PER_HUB; i < commitments.size(); i++) {
            String other = entities.get(HUBS + i % (entities.size() - HUBS)).id();
            links.add(NewLink.of(commitments.get(i).id(), RelationshipType.INVOLVES, other));
        }
        memory.linkNodes(links, BatchMode.ATOMIC);
        return entities.size() + commitments.size() + decisions.size();
    }

    /** Adds {@code count} nodes to the namespace: half entities, half commitments, 20,000 per call. */
    private static void grow(GraphMemory memory, int count) {
        int step = 20_000;
        for (int done = 0; done < count; done += step) {
            int size = Math.min(step, count - done);
            if ((done / step) % 2 == 0) {
                memory.createEntities(Fixtures.entities("filler " + done, size), BatchMode.BEST_EFFORT);
            } else {
                List<NewCommitment> commitments = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    commitments.add(NewCommitment.of("Filler " + (done + i)));
                }
                memory.createCommitments(commitments, BatchMode.BEST_EFFORT);
            }
            if ((done / step) % 10 == 9) {
                LOG.info("  {} nodes added", done + size);
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
