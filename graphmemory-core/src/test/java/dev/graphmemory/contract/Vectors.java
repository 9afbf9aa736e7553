package dev.graphmemory.contract;

import dev.graphmemory.MemoryConfig;
import dev.graphmemory.model.Embedding;

/** Test embeddings of the default size: a unit vector on one axis, leaning towards the next one. */
final class Vectors {
    static final int DIMENSIONS = MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS;

    private Vectors() {}

    /** The vector along {@code axis}, leaning {@code lean} towards {@code axis + 1}: the larger, the farther. */
    static Embedding near(int axis, float lean) {
        float[] values = new float[DIMENSIONS];
        values[axis % DIMENSIONS] = 1f;
        values[(axis + 1) % DIMENSIONS] = lean;
        return Embedding.of(values);
    }
}
