package dev.graphmemory.contract;

import dev.graphmemory.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of the {@link Embedder} interface (a unit seam, not the database): each word maps to a fixed random
 * direction and a text to the normalized sum of its words' directions, so texts sharing words are similar and others
 * nearly orthogonal. It counts the texts it embedded, and needs no model, so tests of what happens around embeddings
 * (freshness, storage, model changes) run in the core module. The built-in model is tested in graphmemory-embeddings.
 */
final class WordEmbedder implements Embedder {
    private final String model;
    private final int dimensions;
    private final AtomicInteger passages = new AtomicInteger();

    WordEmbedder(String model, int dimensions) {
        this.model = model;
        this.dimensions = dimensions;
    }

    /** The embedder most tests share: one model name, one size, so that they do not re-embed each other's memories. */
    static WordEmbedder standard() {
        return new WordEmbedder("test-words", 384);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        passages.addAndGet(texts.size());
        List<float[]> vectors = new ArrayList<>(texts.size());
        texts.forEach(text -> vectors.add(embed(text)));
        return vectors;
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(text);
    }

    /** How many memories' texts it embedded. */
    int passages() {
        return passages.get();
    }

    private float[] embed(String text) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Random random = new Random(word.hashCode());
            for (int i = 0; i < dimensions; i++) {
                vector[i] += (float) random.nextGaussian();
            }
        }
        double length = 0;
        for (float value : vector) {
            length += value * value;
        }
        if (length == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= (float) Math.sqrt(length);
        }
        return vector;
    }
}
