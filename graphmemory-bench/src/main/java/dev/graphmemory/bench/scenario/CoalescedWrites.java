package dev.graphmemory.bench.scenario;

import dev.graphmemory.Coalescing;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Recorder;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S9: many threads calling single {@code createEntity} and {@code linkNodes} (each thread: a new entity, then a link
 * from one of 20 commitments to it), with write coalescing on and off, at 16 and at 64 threads. S9 is the throughput
 * of coalescing on over off at 16 threads; S9b the 99th percentile latency of one call at 16 threads with it on.
 */
public final class CoalescedWrites implements Scenario {
    static final int FEW = 16;
    static final int MANY = 64;
    static final int COMMITMENTS = 20;

    private final AtomicLong failures = new AtomicLong();

    @Override
    public List<String> ids() {
        return List.of("S9", "S9b");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int calls = context.options().pick(320, 3_840); // quick: without coalescing, 64 writers manage ~100 calls/s
        MemoryConfig coalescing = MemoryConfig.builder()
                .uri(context.neo4j().boltUri())
                .coalescing(Coalescing.defaults())
                .build();
        List<VariantResult> results;
        try (GraphMemory coalesced = GraphMemory.connect(coalescing)) {
            results = SideBySide.run(
                    List.of(
                            writers(context, coalesced, "on", FEW, calls),
                            writers(context, context.memory(), "off", FEW, calls),
                            writers(context, coalesced, "on", MANY, calls),
                            writers(context, context.memory(), "off", MANY, calls)),
                    context.options().warmups(),
                    context.options().rounds(),
                    "calls");
        }
        VariantResult on16 = results.get(0);
        VariantResult off16 = results.get(1);
        double many = results.get(2).throughput() / results.get(3).throughput();
        String work = "single createEntity and linkNodes from %d threads, %,d calls per round".formatted(FEW, calls);
        List<String> notes = List.of(
                "At %d threads: coalescing on / off = %.1f×.".formatted(MANY, many),
                "Exceptions seen by callers: %d, over every round, warm-ups included.".formatted(failures.get()));
        return List.of(
                new ScenarioResult(
                        "S9",
                        work,
                        "coalescing on / off",
                        on16.throughput() / off16.throughput(),
                        Target.atLeast(10),
                        results,
                        notes),
                new ScenarioResult(
                        "S9b",
                        work,
                        "p99 latency of one call, ms, coalescing on",
                        on16.p99Millis(),
                        Target.atMost(5),
                        List.of(on16, off16),
                        List.of()));
    }

    private Contender writers(BenchContext context, GraphMemory memory, String mode, int threads, int calls) {
        String name = "graphmemory, coalescing " + mode + ", " + threads + " threads";
        return Contender.of(name, true, round -> {
            GraphMemory fresh = memory.withNamespace(context.namespace("s9-" + mode + "-" + threads));
            List<NewCommitment> inputs = new ArrayList<>();
            for (int i = 0; i < COMMITMENTS; i++) {
                inputs.add(NewCommitment.of("Commitment " + i));
            }
            List<Commitment> commitments =
                    fresh.createCommitments(inputs, BatchMode.ATOMIC).values();
            return recorder ->
                    Fixtures.onThreads(threads, thread -> write(fresh, commitments, thread, calls / threads, recorder));
        });
    }

    /** Calls alternate: a new entity, then a link from a commitment to it. */
    private void write(GraphMemory memory, List<Commitment> commitments, int thread, int calls, Recorder recorder) {
        Entity entity = null;
        for (int i = 0; i < calls; i++) {
            try {
                if (entity == null) {
                    NewEntity input = NewEntity.of("Person " + thread + "-" + i, EntityType.PERSON);
                    Entity[] made = new Entity[1];
                    recorder.time(1, () -> made[0] = memory.createEntity(input));
                    entity = made[0];
                } else {
                    String from = commitments.get((thread + i) % COMMITMENTS).id();
                    NewLink link = NewLink.of(from, RelationshipType.INVOLVES, entity.id());
                    recorder.time(1, () -> memory.linkNodes(link));
                    entity = null;
                }
            } catch (Exception e) {
                failures.incrementAndGet();
                entity = null;
            }
        }
    }
}
