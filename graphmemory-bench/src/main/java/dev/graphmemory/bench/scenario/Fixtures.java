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
}
