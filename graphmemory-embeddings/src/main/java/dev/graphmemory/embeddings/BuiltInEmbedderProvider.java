package dev.graphmemory.embeddings;

import dev.graphmemory.Embedder;
import dev.graphmemory.EmbedderProvider;
import dev.graphmemory.Embeddings;

/**
 * Provides the built-in {@link E5SmallEmbedder} to every {@code GraphMemory} whose configuration names no embedder:
 * having this module on the class path is all it takes.
 */
public final class BuiltInEmbedderProvider implements EmbedderProvider {

    @Override
    public Embedder create(Embeddings settings) {
        return E5SmallEmbedder.load(settings.threads(), settings.batchSize());
    }
}
