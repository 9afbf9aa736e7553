package dev.graphmemory.embeddings;

import dev.graphmemory.Embedder;
import dev.graphmemory.EmbedderProvider;
import dev.graphmemory.Embeddings;

/**
 * Provides the built-in {@link E5SmallEmbedder} to every {@code GraphMemory} whose configuration names no embedder:
 * having this module on the class path is all it takes.
 */
public final class BuiltInEmbedderProvider implements EmbedderProvider {

    /** The model computes at most this many texts at once, however many a batch holds (more costs more per text). */
    static final int MODEL_BATCH = 32;

    @Override
    public Embedder create(Embeddings settings) {
        return E5SmallEmbedder.load(settings.threads(), Math.min(MODEL_BATCH, settings.batchSize()));
    }
}
