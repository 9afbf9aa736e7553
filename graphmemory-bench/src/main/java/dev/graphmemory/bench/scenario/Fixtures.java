package dev.graphmemory.bench.scenario;

import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the scenarios. */
final class Fixtures {
    private Fixtures() {}

    /** A scenario whose ratio is the library's throughput over the baseline's. */
    static ScenarioResult throughputRatio(
            String id,
            String work,
            String ratioName,
            Target target,
            VariantResult ours,
            VariantResult baseline,
            List<String> notes) {
        return new ScenarioResult(
                id, work, ratioName, ours.throughput() / baseline.throughput(), target, List.of(ours, baseline), notes);
    }

    /** What a call costs over the floor of any single write: one node created and committed, in-process. */
    static String floorNote(VariantResult ours, VariantResult floor) {
        return "A one-node write transaction inside the database (the commit's log flush, no Bolt) takes %s ms p50 here;"
                        .formatted(dev.graphmemory.bench.report.Numbers.millis(floor.p50Millis()))
                + " graphmemory's call %s ms.".formatted(dev.graphmemory.bench.report.Numbers.millis(ours.p50Millis()));
    }

    /** {@code count} entities named {@code <tag> person <i>}, distinct from any other tag's. */
    static List<NewEntity> entities(String tag, int count) {
        List<NewEntity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entities.add(NewEntity.of(tag + " person " + i, EntityType.PERSON));
        }
        return entities;
    }

    /** Names of {@link #entities}. */
    static List<String> names(List<NewEntity> entities) {
        return entities.stream().map(NewEntity::name).toList();
    }

    /** Work of one of several threads. */
    @FunctionalInterface
    interface ThreadWork {
        /** Does thread {@code thread}'s share. */
        void run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@code threads} threads at once and waits for all; the first failure is thrown. */
    static void onThreads(int threads, ThreadWork work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
