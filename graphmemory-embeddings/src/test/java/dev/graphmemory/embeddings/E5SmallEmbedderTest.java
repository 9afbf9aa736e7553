package dev.graphmemory.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in model, loaded from the class path: vectors of its size, normalized, close for close meanings. */
class E5SmallEmbedderTest {
    private static E5SmallEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = E5SmallEmbedder.load(1, 16);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void shouldMakeUnitVectorsOfItsSize() {
        List<float[]> vectors = embedder.embedPassages(List.of("Alice prefers morning meetings", "x"));

        assertThat(vectors).hasSize(2).allSatisfy(vector -> {
            assertThat(vector).hasSize(E5SmallEmbedder.DIMENSIONS);
            assertThat(length(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        assertThat(embedder.model()).isEqualTo("e5-small-v2-q");
    }

    @Test
    void shouldPutAParaphraseNearerThanAnUnrelatedText() {
        float[] query = embedder.embedQuery("Who is relocating to Germany?");
        List<float[]> passages = embedder.embedPassages(
                List.of("Bob is moving to Berlin next month", "The quarterly budget review is on Friday"));

        assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)) + 0.05);
    }

    @Test
    void shouldEmbedATextAloneAsItDoesInABatch() {
        String text = "Melanie painted a sunrise over the lake last summer";
        float[] alone = embedder.embedPassages(List.of(text)).get(0);
        float[] batched = embedder.embedPassages(List.of(
                        "a much longer text that makes the batch padded and quantized differently from the rest",
                        text,
                        "short"))
                .get(1);

        assertThat(cosine(alone, batched)).isGreaterThan(0.98);
        assertThat(embedder.embedPassages(List.of(text)).get(0)).containsExactly(alone);
    }

    @Test
    void shouldCutATextLongerThanTheModelTakes() {
        String longText = "word ".repeat(2_000);

        assertThat(embedder.embedPassages(List.of(longText)).get(0)).hasSize(E5SmallEmbedder.DIMENSIONS);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (length(a) * length(b));
    }

    static double length(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
