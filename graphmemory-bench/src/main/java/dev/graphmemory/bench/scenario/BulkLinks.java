package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;

/**
 * S4: 10,000 links between existing nodes in one call ({@code linkNodes}, atomic) against the raw driver sending the
 * same UNWIND statement in chunks of the same size. Each round first stores (untimed) 100 commitments and 100
 * entities in a fresh namespace; the work is every commitment INVOLVES every entity.
 */
public final class BulkLinks implements Scenario {
    static final int SIDE = 100;

    @Override
    public List<String> ids() {
        return List.of("S4");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int count = SIDE * SIDE;
        Contender ours = Contender.of("graphmemory", true, round -> {
            GraphMemory memory = context.memory(context.namespace("s4-ours"));
            List<NewLink> links = new ArrayList<>(count);
            for (String[] pair : pairs(memory)) {
                links.add(NewLink.of(pair[0], RelationshipType.INVOLVES, pair[2]));
            }
            return recorder -> recorder.time(count, () -> {
                long created = memory.linkNodes(links, BatchMode.ATOMIC).values().stream()
                        .filter(link -> link.created())
                        .count();
                check(created, count);
            });
        });
        Contender raw = Contender.of("raw driver", false, round -> {
            GraphMemory memory = context.memory(context.namespace("s4-raw"));
            List<String[]> links = pairs(memory);
            return recorder ->
                    recorder.time(count, () -> check(context.raw().linkNodes(memory.namespace(), links), count));
        });
        Contender limit = Contender.of("limit: in-process", false, round -> {
            GraphMemory memory = context.memory(context.namespace("s4-limit"));
            List<String[]> links = pairs(memory);
            return recorder ->
                    recorder.time(count, () -> check(context.limit().linkNodes(memory.namespace(), links), count));
        });
        List<VariantResult> results = SideBySide.run(
                List.of(ours, raw, limit),
                context.options().warmups(),
                context.options().pick(2, 5),
                "links");
        return List.of(Fixtures.throughputRatio(
                        "S4",
                        "10,000 links between existing nodes in one call",
                        "ours / raw driver UNWIND",
                        Target.atLeast(0.9),
                        results.get(0),
                        results.get(1),
                        List.of())
                .withLimit(results.get(2)));
    }

    /** Stores the nodes of a round and returns (commitment id, INVOLVES, entity id) for every pair. */
    private static List<String[]> pairs(GraphMemory memory) {
        List<NewCommitment> commitments = new ArrayList<>();
        for (int i = 0; i < SIDE; i++) {
            commitments.add(NewCommitment.of("Commitment " + i));
        }
        List<Commitment> from =
                memory.createCommitments(commitments, BatchMode.ATOMIC).values();
        List<Entity> to = memory.createEntities(Fixtures.entities(memory.namespace(), SIDE), BatchMode.ATOMIC)
                .values();
        List<String[]> pairs = new ArrayList<>(SIDE * SIDE);
        for (Commitment commitment : from) {
            for (Entity entity : to) {
                pairs.add(new String[] {commitment.id(), "INVOLVES", entity.id()});
            }
        }
        return pairs;
    }

    private static void check(long written, int expected) {
        if (written != expected) {
            throw new IllegalStateException("linked " + written + " of " + expected);
        }
    }
}
