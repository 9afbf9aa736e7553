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
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * S1: one {@code createEntity} at a time, each in its own transaction, against the raw driver sending the same
 * statement through {@code session.executeWrite}, the two taking turns call by call. Each round writes new entities
 * into fresh namespaces.
 */
public final class SingleEntity implements Scenario {

    @Override
    public List<String> ids() {
        return List.of("S1");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int count = context.options().pick(80, 500);
        Contender ours = Contender.ofCalls("graphmemory", true, round -> {
            String namespace = context.namespace("s1-ours");
            GraphMemory memory = context.memory(namespace);
            List<Recorder.Call> calls = new ArrayList<>();
            for (NewEntity entity : Fixtures.entities(namespace, count)) {
                calls.add(() -> memory.createEntity(entity));
            }
            return calls;
        });
        Contender raw = Contender.ofCalls("raw driver", false, round -> {
            String namespace = context.namespace("s1-raw");
            List<Recorder.Call> calls = new ArrayList<>();
            for (NewEntity entity : Fixtures.entities(namespace, count)) {
                calls.add(() -> context.raw().createEntity(namespace, entity));
            }
            return calls;
        });
        Contender limit = Contender.ofCalls("limit: in-process", false, round -> {
            String namespace = context.namespace("s1-limit");
            List<Recorder.Call> calls = new ArrayList<>();
            for (NewEntity entity : Fixtures.entities(namespace, count)) {
                calls.add(() -> context.limit().createEntity(namespace, entity));
            }
            return calls;
        });
        Contender floor = Contender.ofCalls("floor: a one-node write transaction, in-process", false, round -> {
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(() -> context.limit().emptyWrite());
            }
            return calls;
        });
        List<VariantResult> results = SideBySide.interleaved(
                List.of(ours, raw, limit, floor),
                context.options().warmups(),
                context.options().rounds(),
                "entities");
        return List.of(Fixtures.throughputRatio(
                        "S1",
                        "single createEntity, %,d per round".formatted(count),
                        "ours / raw driver",
                        Target.atLeast(0.9),
                        results.get(0),
                        results.get(1),
                        List.of(Fixtures.floorNote(results.get(0), results.get(3))))
                .withLimit(results.get(2)));
    }
}
