package dev.graphmemory.bench.merge;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.bench.BenchContext;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures {@code mergeEntities}: per round, a fresh namespace with two entities of {@code relationships} commitments
 * each (the first {@code shared} commitments involving both), set up with the library's batches, then one merge
 * timed from the call to its answer.
 */
public final class MergeRun {
    private static final Logger LOG = LoggerFactory.getLogger(MergeRun.class);

    private MergeRun() {}

    public static MergeSection measure(BenchContext context, int rounds, int relationships) {
        int shared = relationships / 10;
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            GraphMemory memory = context.memory(context.namespace("merge"));
            String from =
                    memory.createEntity(NewEntity.of("Bob", EntityType.PERSON)).id();
            String into = memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON))
                    .id();
            int commitments = 2 * relationships - shared;
            List<String> ids = memory
                    .createCommitments(
                            Collections.nCopies(commitments, NewCommitment.of("Follow up")), BatchMode.ATOMIC)
                    .values()
                    .stream()
                    .map(Commitment::id)
                    .toList();
            List<NewLink> links = new ArrayList<>();
            for (int i = 0; i < relationships; i++) {
                links.add(NewLink.of(ids.get(i), RelationshipType.INVOLVES, from));
                links.add(NewLink.of(
                        ids.get(i < shared ? i : relationships - shared + i), RelationshipType.INVOLVES, into));
            }
            memory.linkNodes(links, BatchMode.ATOMIC);
            long start = System.nanoTime();
            memory.mergeEntities("Bob", "Robert Smith");
            double took = (System.nanoTime() - start) / 1e6;
            LOG.info("merge round {}: {} ms", round, Math.round(took));
            millis.add(took);
            memory.forgetNamespace();
        }
        return new MergeSection(relationships, shared, millis);
    }
}
