package dev.graphmemory;

/**
 * Makes the default {@link Embedder} when the configuration names none: graphmemory looks for an implementation with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.graphmemory.EmbedderProvider} file), as
 * {@code graphmemory-embeddings} provides one. Without a provider on the class path, memories are found by words only.
 */
public interface EmbedderProvider {

    /**
     * A new embedder made with these settings (threads, batch size); the {@link GraphMemory} that asked for it closes
     * it. May take seconds (loading a model): it is called on a background thread.
     */
    Embedder create(Embeddings settings);
}
