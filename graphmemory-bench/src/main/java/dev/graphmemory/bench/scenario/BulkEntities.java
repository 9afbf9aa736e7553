package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.baseline.EmbeddedCeiling;
import dev.graphmemory.bench.baseline.OriginalAdapter;
import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * S3, S3b and S5: 10,000 entities in one call ({@code createEntities}, atomic: one transaction of five UNWIND
 * statements) against the raw driver (the same statements through {@code executeWrite}), the original adapter (a
 * loop of 10,000 statements in one transaction, on its own schema-less database, emptied before each round, so
 * that its index-less MERGE scans only the round's own entities) and the
 * embedded ceiling (the same statements inside the database, no Bolt).
 */
public final class BulkEntities implements Scenario {
    static final int COUNT = 10_000;

    @Override
    public List<String> ids() {
        return List.of("S3", "S3b", "S5");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        Contender ours = Contender.of("graphmemory", true, round -> {
            String namespace = context.namespace("s3-ours");
            GraphMemory memory = context.memory(namespace);
            List<NewEntity> entities = Fixtures.entities(namespace, COUNT);
            return recorder ->
                    recorder.time(COUNT, () -> check(memory.createEntities(entities, BatchMode.ATOMIC), COUNT));
        });
        Contender raw = Contender.of("raw driver", false, round -> {
            String namespace = context.namespace("s3-raw");
            List<NewEntity> entities = Fixtures.entities(namespace, COUNT);
            return recorder ->
                    recorder.time(COUNT, () -> check(context.raw().createEntities(namespace, entities), COUNT));
        });
        Contender pipelined = Contender.of("raw driver, chunks pipelined", false, round -> {
            String namespace = context.namespace("s3-pipelined");
            List<NewEntity> entities = Fixtures.entities(namespace, COUNT);
            return recorder -> recorder.time(
                    COUNT, () -> check(context.raw().createEntitiesPipelined(namespace, entities), COUNT));
        });
        OriginalAdapter adapter = new OriginalAdapter(context.originalDriver(), context.originalDatabase());
        int originalCount = context.options().pick(1_500, COUNT);
        Contender original = Contender.of("original", false, round -> {
            adapter.clear();
            int count = round < 0 ? 500 : originalCount; // its cost grows with the square of the size
            String tag = context.namespace("s3-original");
            List<String> names = Fixtures.names(Fixtures.entities(tag, count));
            return recorder -> recorder.time(count, () -> check(adapter.createEntities(names, "person"), count));
        });
        EmbeddedCeiling embedded = new EmbeddedCeiling(context.neo4j().database(), BenchContext.CHUNK);
        Contender ceiling = Contender.of("embedded", false, round -> {
            String namespace = context.namespace("s3-embedded");
            List<NewEntity> entities = Fixtures.entities(namespace, COUNT);
            return recorder -> recorder.time(COUNT, () -> check(embedded.createEntities(namespace, entities), COUNT));
        });
        List<VariantResult> fast = SideBySide.run(
                List.of(ours, raw, ceiling, pipelined), 1, context.options().pick(2, 6), "entities");
        List<VariantResult> slow = SideBySide.run(List.of(ours, original), 1, 2, "entities");
        List<VariantResult> results = List.of(fast.get(0), fast.get(1), slow.get(1), fast.get(2), slow.get(0));
        String work = "10,000 entities in one call";
        return List.of(
                new ScenarioResult(
                                "S3",
                                work,
                                "ours / raw driver UNWIND",
                                results.get(0).throughput() / results.get(1).throughput(),
                                Target.atLeast(0.9),
                                List.of(results.get(0), results.get(1), fast.get(3)),
                                List.of("The library sends the five chunks of a batch pipelined (all at once, one round"
                                        + " trip); the raw driver, through the blocking API, one after another. The raw"
                                        + " driver sending them pipelined through the async API, in no ratio: %s"
                                                .formatted(Numbers.throughput(
                                                        fast.get(3).throughput()))
                                        + " entities/s."))
                        .withLimit(results.get(3)),
                Fixtures.throughputRatio(
                        "S3b",
                        work,
                        "ours / original",
                        Target.atLeast(50),
                        results.get(4),
                        results.get(2),
                        originalNotes(originalCount, results)),
                Fixtures.throughputRatio(
                                "S5",
                                "bulk entities over Bolt (" + work + ")",
                                "ours / embedded ceiling",
                                Target.atLeast(0.6),
                                results.get(0),
                                results.get(3),
                                List.of())
                        .withLimit(results.get(3)));
    }

    private static List<String> originalNotes(int count, List<VariantResult> results) {
        List<String> notes = new ArrayList<>();
        notes.add("The original sends one statement per entity, each a round trip and a scan of every entity for"
                + " its MERGE (it has no index); its database is emptied before each round.");
        if (count != COUNT) {
            notes.add("In the quick mode its batch is %,d entities: its cost per entity grows with the batch, so this"
                            .formatted(count)
                    + " flatters it.");
        }
        double ceiling = results.get(3).throughput() / results.get(2).throughput();
        notes.add("The original is measured next to graphmemory in rounds of its own (two, it is slow); graphmemory's"
                + " numbers on this line are from those rounds.");
        notes.add("The same statements inside the database (the embedded ceiling) are %s× the original here."
                .formatted(Numbers.ratio(ceiling)));
        return notes;
    }

    private static void check(BatchResult<?> result, int count) {
        check(result.values().size(), count);
    }

    private static void check(int written, int count) {
        if (written != count) {
            throw new IllegalStateException("wrote " + written + " of " + count);
        }
    }
}
