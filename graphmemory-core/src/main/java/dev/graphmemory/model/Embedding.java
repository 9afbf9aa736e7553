package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * A vector that stands for a memory's meaning, made by an embedding model of the caller's choice (graphmemory bundles
 * none). Memories with embeddings can be found by similarity; every embedding in one database must have the number of
 * dimensions the vector index was made with ({@code MemoryConfig.embeddingDimensions()}).
 *
 * <pre>{@code
 * float[] vector = model.embed("Send Alice the pilot proposal"); // your embedding model
 * memory.setEmbedding(commitment.id(), Embedding.of(vector));
 * }</pre>
 *
 * @param values the components: 1 to {@value Limits#MAX_EMBEDDING_DIMENSIONS} finite numbers, not all zero (a
 *     zero vector has no direction to compare)
 */
public record Embedding(float[] values) {

    /** Checks and copies the values. */
    public Embedding {
        if (values == null || values.length == 0) {
            throw new InvalidInputException("embedding", "is required and must have at least one dimension");
        }
        if (values.length > Limits.MAX_EMBEDDING_DIMENSIONS) {
            throw new InvalidInputException(
                    "embedding",
                    "must have at most " + Limits.MAX_EMBEDDING_DIMENSIONS + " dimensions (had " + values.length + ")");
        }
        boolean zero = true;
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidInputException("embedding", "must hold finite numbers (position " + i + " is not)");
            }
            zero &= values[i] == 0f;
        }
        if (zero) {
            throw new InvalidInputException("embedding", "must not be all zeros");
        }
        values = values.clone();
    }

    /** An embedding of these values. */
    public static Embedding of(float... values) {
        return new Embedding(values);
    }

    /** An embedding of these numbers (e.g. parsed from JSON), each narrowed to a {@code float}. */
    public static Embedding of(List<? extends Number> values) {
        if (values == null) {
            return new Embedding(null);
        }
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            Number value = values.get(i);
            if (value == null) {
                throw new InvalidInputException("embedding", "must hold numbers (position " + i + " is null)");
            }
            floats[i] = value.floatValue();
        }
        return new Embedding(floats);
    }

    /** A copy of the values. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of dimensions. */
    public int dimensions() {
        return values.length;
    }

    /** The values as doubles, the form Cypher parameters take. */
    public List<Double> asDoubles() {
        Double[] doubles = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = (double) values[i];
        }
        return List.of(doubles);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding embedding && Arrays.equals(values, embedding.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + " dimensions]";
    }
}
