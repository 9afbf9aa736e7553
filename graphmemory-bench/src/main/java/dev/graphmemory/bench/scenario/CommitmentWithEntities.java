package dev.graphmemory.bench.scenario;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.bench.Contender;
import dev.graphmemory.bench.Recorder;
import dev.graphmemory.bench.Scenario;
import dev.graphmemory.bench.SideBySide;
import dev.graphmemory.bench.baseline.SpringDataBaseline;
import dev.graphmemory.bench.baseline.StoreMemoryParameters;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Target;
import dev.graphmemory.bench.report.VariantResult;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;

/**
 * S8: a commitment with 3 related entities (new ones each time), stored 1,000 times: the library's
 * {@code storeMemory} against Spring Data Neo4j's {@code Neo4jTemplate.save} of the same aggregate, each call its own
 * transaction, on the same database, the two taking turns call by call.
 */
public final class CommitmentWithEntities implements Scenario {

    @Override
    public List<String> ids() {
        return List.of("S8");
    }

    @Override
    public List<ScenarioResult> run(BenchContext context) throws Exception {
        int count = context.options().pick(60, 1_000);
        Contender ours = Contender.ofCalls("graphmemory", true, round -> {
            String namespace = context.namespace("s8-ours");
            GraphMemory memory = context.memory(namespace);
            List<Recorder.Call> calls = new ArrayList<>(count);
            for (int i = 0; i < size(round, count); i++) {
                NewMemory.Builder builder = NewMemory.builder()
                        .commitment("c", NewCommitment.of("Commitment " + i).toWhom("Client " + i));
                List<String> names = names(namespace, i);
                for (int j = 0; j < names.size(); j++) {
                    builder.entity("e" + j, NewEntity.of(names.get(j), EntityType.PERSON))
                            .link("c", RelationshipType.INVOLVES, "e" + j);
                }
                NewMemory stored = builder.build();
                calls.add(() -> memory.storeMemory(stored));
            }
            return calls;
        });
        SpringDataBaseline spring =
                new SpringDataBaseline(context.driver(), context.neo4j().databaseName());
        Contender sdn = Contender.ofCalls("Spring Data Neo4j", false, round -> {
            String namespace = context.namespace("s8-sdn");
            List<Recorder.Call> calls = new ArrayList<>(count);
            for (int i = 0; i < size(round, count); i++) {
                List<String> names = names(namespace, i);
                String content = "Commitment " + i;
                calls.add(() -> spring.saveCommitment(namespace, content, names));
            }
            return calls;
        });
        Contender limit = Contender.ofCalls("limit: in-process", false, round -> {
            String namespace = context.namespace("s8-limit");
            List<Recorder.Call> calls = new ArrayList<>(count);
            for (int i = 0; i < size(round, count); i++) {
                StoreMemoryParameters memory = StoreMemoryParameters.commitmentWithEntities(
                        namespace, "Commitment " + i, "Client " + i, names(namespace, i));
                calls.add(() -> context.limit().storeMemory(memory));
            }
            return calls;
        });
        String database = context.neo4j().databaseName();
        SpringDataBaseline.createIndexes(context.driver(), database);
        List<VariantResult> results;
        try {
            results = SideBySide.interleaved(List.of(ours, sdn, limit), 1, 2, "commitments");
        } finally {
            SpringDataBaseline.dropIndexes(context.driver(), database);
        }
        return List.of(Fixtures.throughputRatio(
                        "S8",
                        "a commitment with 3 related entities, %,d times per round".formatted(count),
                        "ours / Spring Data Neo4j",
                        Target.atLeast(3),
                        results.get(0),
                        results.get(1),
                        List.of("Spring Data Neo4j looks nodes up by their primary label: it gets indexes on"
                                + " (:Commitment).id and (:Entity).id for this scenario, which the library's writes maintain"
                                + " too."))
                .withLimit(results.get(2)));
    }

    /** Warm-up rounds are shorter: 200 calls. */
    private static int size(int round, int count) {
        return round < 0 ? Math.min(200, count) : count;
    }

    private static List<String> names(String namespace, int i) {
        return List.of(
                namespace + " person " + i + "a", namespace + " person " + i + "b", namespace + " person " + i + "c");
    }
}
