package dev.graphmemory.contract;

import dev.graphmemory.Embedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A test double of the {@link Embedder} interface (a unit seam, not the database): each word maps to a fixed random
 * direction and a text to the normalized sum of its words' directions, so texts sharing words are similar and others
 * nearly orthogonal. It keeps the texts it embedded, and needs no model, so tests of what happens around embeddings
 * (freshness, storage, model changes) run in the core module. The built-in model is tested in graphmemory-embeddings.
 */
final class WordEmbedder implements Embedder {
    private final String model;
    private final int dimensions;
    private final List<String> texts = Collections.synchronizedList(new ArrayList<>());
    private final Duration delay;

    WordEmbedder(String model, int dimensions) {
        this(model, dimensions, Duration.ZERO);
    }

    private WordEmbedder(String model, int dimensions, Duration delay) {
        this.model = model;
        this.dimensions = dimensions;
        this.delay = delay;
    }

    /** The embedder most tests share: one model name, one size, so that they do not re-embed each other's memories. */
    static WordEmbedder standard() {
        return new WordEmbedder("test-words", 384);
    }

    /** The standard embedder, taking {@code delay} for each batch of passages (as a real model takes its time). */
    static WordEmbedder slow(Duration delay) {
        return new WordEmbedder("test-words", 384, delay);
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
        this.texts.addAll(texts);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        texts.forEach(text -> vectors.add(embed(text)));
        return vectors;
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(text);
    }

    /**
     * How many of the texts it embedded contain {@code part}. One embedder serves the whole database, so it also embeds
     * what other tests' namespaces left waiting: a test counts its own texts.
     */
    int passages(String part) {
        synchronized (texts) {
            return (int) texts.stream().filter(text -> text.contains(part)).count();
        }
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
