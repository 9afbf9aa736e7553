package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S7: 16 threads calling {@code createEntity} and {@code linkNodes} on an overlapping set of 40 entity names (spelled
 * in different case and spacing, so that they meet on the same normalized name) and 20 commitments, against one
 * thread doing the same number of calls. Deadlocks between the writers must be retried by the library and never
 * reach a caller; every name must end up as exactly one entity.
 */
public final class ConcurrentWriters implements Scenario {
    static final int WRITERS = 16;
    static final int NAMES = 40;
    static final int COMMITMENTS = 20;

    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    @Override
    public List<String> ids() {
        return List.of("S7");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int calls = context.options().pick(192, 960);
        Contender many = writers(context, WRITERS, calls);
        Contender one = writers(context, 1, calls);
        Contender limit = limitWriters(context, WRITERS, calls);
        List<VariantResult> results = SideBySide.run(
                List.of(many, one, limit),
                context.options().warmups(),
                context.options().rounds(),
                "calls");
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        List<String> notes = new ArrayList<>();
        notes.add("Duplicate entities: %d; exceptions seen by callers: %d%s; over every round, warm-ups included."
                .formatted(duplicates.get(), failed, failed == 0 ? "" : " " + failures));
        return List.of(new ScenarioResult(
                        "S7",
                        "%d concurrent writers on overlapping entities, %,d calls per round".formatted(WRITERS, calls),
                        "throughput of 16 writers / 1 writer",
                        results.get(0).throughput() / results.get(1).throughput(),
                        Target.atLeast(2),
                        results.subList(0, 2),
                        notes)
                .withLimit(results.get(2)));
    }

    private Contender writers(BenchContext context, int threads, int calls) {
        String name = threads == 1 ? "graphmemory, 1 writer" : "graphmemory, " + threads + " writers";
        return Contender.of(name, true, round -> {
            GraphMemory memory = context.memory(context.namespace("s7-" + threads));
            List<NewCommitment> inputs = new ArrayList<>();
            for (int i = 0; i < COMMITMENTS; i++) {
                inputs.add(NewCommitment.of("Shared commitment " + i));
            }
            List<Commitment> commitments =
                    memory.createCommitments(inputs, BatchMode.ATOMIC).values();
            return recorder -> {
                Fixtures.onThreads(
                        threads, t -> write(memory, commitments, calls / threads, 31L * round + t, recorder));
                countDuplicates(context, memory.namespace());
            };
        });
    }

    /** The same writes on as many threads inside the database process: the limit. */
    private Contender limitWriters(BenchContext context, int threads, int calls) {
        return Contender.of("limit: in-process, " + threads + " writers", false, round -> {
            GraphMemory memory = context.memory(context.namespace("s7-limit"));
            List<NewCommitment> inputs = new ArrayList<>();
            for (int i = 0; i < COMMITMENTS; i++) {
                inputs.add(NewCommitment.of("Shared commitment " + i));
            }
            List<Commitment> commitments =
                    memory.createCommitments(inputs, BatchMode.ATOMIC).values();
            String namespace = memory.namespace();
            return recorder -> {
                Fixtures.onThreads(threads, t -> {
                    Random random = new Random(31L * round + t);
                    String entity = null;
                    for (int i = 0; i < calls / threads; i++) {
                        if (i % 2 == 0 || entity == null) {
                            NewEntity input = NewEntity.of(spelling(random.nextInt(NAMES), random), EntityType.PERSON);
                            String[] made = new String[1];
                            recorder.time(1, () -> made[0] = context.limit().createEntity(namespace, input));
                            entity = made[0];
                        } else {
                            String from =
                                    commitments.get(random.nextInt(COMMITMENTS)).id();
                            String to = entity;
                            recorder.time(
                                    1, () -> context.limit().linkNode(namespace, from, RelationshipType.INVOLVES, to));
                        }
                    }
                });
                countDuplicates(context, namespace);
            };
        });
    }

    /** Half the calls create (or find) an entity, the other half link a commitment to the entity just made. */
    private void write(GraphMemory memory, List<Commitment> commitments, int calls, long seed, Recorder recorder) {
        Random random = new Random(seed);
        Entity entity = null;
        for (int i = 0; i < calls; i++) {
            try {
                if (i % 2 == 0 || entity == null) {
                    NewEntity input = NewEntity.of(spelling(random.nextInt(NAMES), random), EntityType.PERSON);
                    Entity[] made = new Entity[1];
                    recorder.time(1, () -> made[0] = memory.createEntity(input));
                    entity = made[0];
                } else {
                    String from = commitments.get(random.nextInt(COMMITMENTS)).id();
                    NewLink link = NewLink.of(from, RelationshipType.INVOLVES, entity.id());
                    recorder.time(1, () -> memory.linkNodes(link));
                }
            } catch (Exception e) {
                failures.computeIfAbsent(e.getClass().getSimpleName(), key -> new AtomicLong())
                        .incrementAndGet();
            }
        }
    }

    /** Name {@code n}, in one of several spellings that normalize to the same key. */
    private static String spelling(int n, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "Shared Person " + n;
            case 1 -> "shared  person " + n;
            default -> "SHARED PERSON " + n;
        };
    }

    private void countDuplicates(BenchContext context, String namespace) {
        try (var session = context.driver().session()) {
            long extra = session.run("""
                            MATCH (e:Entity {namespace: $namespace})
                            WITH e.nameKey AS key, count(*) AS copies
                            RETURN sum(copies - 1) AS extra, count(key) AS names
                            """, Map.of("namespace", namespace))
                    .single()
                    .get("extra")
                    .asLong();
            duplicates.addAndGet(extra);
        }
    }
}
