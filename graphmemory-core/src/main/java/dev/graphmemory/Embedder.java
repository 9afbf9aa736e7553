package dev.graphmemory;

import java.util.List;

/**
 * Turns texts into vectors whose cosine similarity says how close their meanings are. graphmemory embeds every
 * searchable memory's text behind the writes and each search's query, and ranks memories by meaning as well as by
 * words (see {@link MemoryConfig.Builder#embeddings(Embeddings)}).
 *
 * <p>The built-in embedder (module {@code graphmemory-embeddings}: e5-small-v2, quantized, run in the JVM by ONNX
 * Runtime) is found on the class path by {@link EmbedderProvider}; an application may plug its own, such as a client of
 * a remote service. Implementations must be thread-safe, return vectors of {@link #dimensions()} numbers in input
 * order, and must not log the texts they are given (they are the user's memories).
 *
 * <pre>{@code
 * MemoryConfig config = MemoryConfig.builder()
 *         .uri(boltUri)
 *         .embeddings(Embeddings.defaults().withEmbedder(myEmbedder))
 *         .build();
 * }</pre>
 */
public interface Embedder extends AutoCloseable {

    /**
     * The model's name, stored with the embeddings: starting with an embedder of another name makes every memory be
     * embedded again (in the background).
     */
    String model();

    /** The length of every vector. */
    int dimensions();

    /** The vectors of memories' texts (passages), in input order. */
    List<float[]> embedPassages(List<String> texts);

    /** The vector of a search query. */
    float[] embedQuery(String text);

    /** Releases what the embedder holds (a model, a connection); the default does nothing. */
    @Override
    default void close() {}
}
