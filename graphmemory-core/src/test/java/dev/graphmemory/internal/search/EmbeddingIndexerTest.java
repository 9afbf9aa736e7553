package dev.graphmemory.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.Embedder;
import dev.graphmemory.Embeddings;
import dev.graphmemory.internal.search.EmbeddingIndexer.Made;
import dev.graphmemory.internal.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * How searches of one process share the vectors they make for memories still waiting (a unit seam: the model is a test
 * double, no database is involved).
 */
class EmbeddingIndexerTest {
    /** A slow model that keeps the texts it embedded. */
    private static final class SlowModel implements Embedder {
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String model() {
            return "slow";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            texts.addAll(passages);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<float[]> vectors = new ArrayList<>();
            passages.forEach(text -> vectors.add(new float[] {text.length(), 1}));
            return vectors;
        }

        @Override
        public float[] embedQuery(String text) {
            return new float[] {text.length(), 1};
        }
    }

    private static EmbeddingIndexer indexer() {
        return new EmbeddingIndexer(null, Embeddings.off(), Telemetry.NONE);
    }

    @Test
    void shouldEmbedEachWaitingMemoryOnceForSearchesAtTheSameTime() throws Exception {
        SlowModel model = new SlowModel();
        List<Made> waiting = List.of(new Made("ns", "a", "alpha", null), new Made("ns", "b", "beta gamma", null));
        ExecutorService searches = Executors.newFixedThreadPool(4);
        try (EmbeddingIndexer indexer = indexer()) {
            CountDownLatch start = new CountDownLatch(1);
            Callable<List<Made>> search = () -> {
                start.await();
                return indexer.embedWaiting(model, "ns", waiting);
            };
            List<Future<List<Made>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(searches.submit(search));
            }
            start.countDown();

            for (Future<List<Made>> result : results) {
                assertThat(result.get()).extracting(made -> made.vector()[0]).containsExactly(5f, 10f);
            }
            assertThat(model.texts).containsExactlyInAnyOrder("alpha", "beta gamma");
        } finally {
            searches.shutdownNow();
        }
    }

    @Test
    void shouldShareAVectorMadeBeforeAndEmbedAChangedTextAgain() {
        SlowModel model = new SlowModel();
        try (EmbeddingIndexer indexer = indexer()) {
            indexer.embedWaiting(model, "ns", List.of(new Made("ns", "a", "alpha", null)));
            indexer.embedWaiting(model, "ns", List.of(new Made("ns", "a", "alpha", null)));
            indexer.embedWaiting(model, "other", List.of(new Made("other", "a", "alpha", null)));
            List<Made> changed = indexer.embedWaiting(model, "ns", List.of(new Made("ns", "a", "alphabet", null)));

            assertThat(model.texts).containsExactly("alpha", "alpha", "alphabet");
            assertThat(changed.get(0).vector()[0]).isEqualTo(8f);
        }
    }
}
