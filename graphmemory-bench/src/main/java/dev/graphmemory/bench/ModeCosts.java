package dev.graphmemory.bench;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemorySession;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cost of the execution modes, side by side in one run on one database: N entity creations alone, in one
 * session, in one transaction, and as one batch. Each variant is warmed up, then repeated; the median is reported.
 */
public final class ModeCosts {
    private ModeCosts() {}

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().start();
                GraphMemory base = GraphMemory.connect(
                        MemoryConfig.builder().uri(neo4j.boltUri()).build())) {
            Map<String, Consumer<GraphMemory>> variants = new LinkedHashMap<>();
            variants.put(
                    "alone: a transaction per call",
                    memory -> entities(items, "a").forEach(memory::createEntity));
            variants.put("one session, a transaction per call", memory -> {
                try (MemorySession session = memory.openSession()) {
                    entities(items, "s").forEach(session::createEntity);
                }
            });
            variants.put(
                    "one transaction (inTransaction)",
                    memory -> memory.inTransaction(tx -> {
                        entities(items, "t").forEach(tx::createEntity);
                        return null;
                    }));
            variants.put(
                    "one batch (createEntities)",
                    memory -> memory.createEntities(entities(items, "b"), BatchMode.ATOMIC));

            Map<String, Double> medians = new LinkedHashMap<>();
            int round = 0;
            for (var variant : variants.entrySet()) {
                double[] millis = new double[rounds];
                for (int r = -2; r < rounds; r++) { // two warm-up rounds
                    GraphMemory memory = base.withNamespace("bench-" + round++);
                    long start = System.nanoTime();
                    variant.getValue().accept(memory);
                    if (r >= 0) {
                        millis[r] = (System.nanoTime() - start) / 1e6;
                    }
                }
                Arrays.sort(millis);
                medians.put(variant.getKey(), millis[rounds / 2]);
            }
            double slowest = medians.values().iterator().next();
            System.out.printf("%d entity creations, median of %d rounds, %s%n", items, rounds, Machine.describe());
            medians.forEach((name, ms) -> System.out.printf("  %-40s %9.1f ms   %6.1fx%n", name, ms, slowest / ms));
        }
    }

    private static List<NewEntity> entities(int count, String prefix) {
        List<NewEntity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entities.add(NewEntity.of(prefix + " person " + i, EntityType.PERSON));
        }
        return entities;
    }
}
