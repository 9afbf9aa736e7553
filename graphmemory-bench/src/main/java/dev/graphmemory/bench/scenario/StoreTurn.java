package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Recorder;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.baseline.OriginalAdapter;
import dev.graphmemory.bench.baseline.StoreMemoryParameters;
import dev.graphmemory.bench.baseline.Turn;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.NewMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * S2 and S2b: a conversation turn (1 commitment, 1 decision, 3 entities, 4 links) stored with {@code storeMemory},
 * against the original adapter (nine operations, each a session and an auto-commit) and, for S2b, against the raw
 * driver sending the one composed statement {@code storeMemory} used to send (whose speed the split into cheaper
 * statements was not to give up). A fourth variant, the raw driver sending the library's own statement, shows what
 * the library adds to it. Each database holds the background graph and what earlier rounds wrote, so the original's
 * label-less lookups scan a graph of the same size as the library's indexes cover.
 */
public final class StoreTurn implements Scenario {

    @Override
    public List<String> ids() {
        return List.of("S2", "S2b");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int count = context.options().pick(12, 40); // quick: the original takes ~0.3 s per memory
        Contender ours = Contender.ofCalls("graphmemory", true, round -> {
            String namespace = context.namespace("s2-ours");
            GraphMemory memory = context.memory(namespace);
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                NewMemory turn = Turn.number(namespace, i).asNewMemory();
                calls.add(() -> memory.storeMemory(turn));
            }
            return calls;
        });
        OriginalAdapter adapter = new OriginalAdapter(context.originalDriver(), context.originalDatabase());
        Contender original = Contender.ofCalls("original", false, round -> {
            String tag = context.namespace("s2-original");
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Turn turn = Turn.number(tag, i);
                calls.add(() -> adapter.storeTurn(turn));
            }
            return calls;
        });
        Contender raw = Contender.ofCalls("raw driver, the library's statement", false, round -> {
            String namespace = context.namespace("s2-raw");
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StoreMemoryParameters turn = StoreMemoryParameters.of(namespace, Turn.number(namespace, i));
                calls.add(() -> context.raw().storeMemory(turn));
            }
            return calls;
        });
        Contender composed = Contender.ofCalls("raw driver, one composed statement (before)", false, round -> {
            String namespace = context.namespace("s2-composed");
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StoreMemoryParameters turn = StoreMemoryParameters.of(namespace, Turn.number(namespace, i));
                calls.add(() -> context.raw().storeMemoryComposed(turn));
            }
            return calls;
        });
        Contender limit = Contender.ofCalls("limit: in-process", false, round -> {
            String namespace = context.namespace("s2-limit");
            List<Recorder.Call> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StoreMemoryParameters turn = StoreMemoryParameters.of(namespace, Turn.number(namespace, i));
                calls.add(() -> context.limit().storeMemory(turn));
            }
            return calls;
        });
        List<VariantResult> results = SideBySide.interleaved(
                List.of(ours, original, raw, composed, limit),
                context.options().warmups(),
                context.options().rounds(),
                "memories");
        String work = "storeMemory (1 commitment, 1 decision, 3 entities, 4 links), %,d per round".formatted(count);
        return List.of(
                Fixtures.throughputRatio(
                                "S2",
                                work,
                                "ours / original",
                                Target.atLeast(10),
                                results.get(0),
                                results.get(1),
                                List.of("The original makes nine calls per memory, each a session and a commit."))
                        .withLimit(results.get(4)),
                new ScenarioResult(
                        "S2b",
                        work,
                        "ours / composed statement",
                        results.get(0).throughput() / results.get(3).throughput(),
                        Target.atLeast(0.9),
                        List.of(results.get(0), results.get(3), results.get(2)),
                        List.of("The composed statement is the one storeMemory sent before (2 to 5 s to plan on the"
                                + " first machine), by the raw driver. The raw driver also sends the library's own"
                                + " statement (one per memory, the link types given as data), in no ratio."),
                        results.get(4)));
    }
}
