package dev.graphmemory;

/**
 * How memories are embedded for search by meaning. Every searchable memory (turns, commitments, decisions, patterns,
 * ended conversations' summaries, entities and their notes) gets a vector of its text behind the writes: a write never
 * waits for the model; a background embedder takes new memories in batches, and a search first embeds the few its
 * namespace still waits for (at most {@link #inlineLimit()}), so a memory is found by meaning right after it is
 * written.
 *
 * <pre>{@code
 * MemoryConfig.builder().embeddings(Embeddings.defaults().withThreads(2));   // the built-in model, two threads
 * MemoryConfig.builder().embeddings(Embeddings.defaults().withEmbedder(mine)); // an embedder of the application's
 * MemoryConfig.builder().embeddings(Embeddings.off());                         // words only
 * }</pre>
 *
 * @param enabled whether memories are embedded at all
 * @param embedder the embedder to use, or {@code null} for the built-in one found by {@link EmbedderProvider} (the
 *     application closes an embedder it gives; graphmemory closes one it made)
 * @param threads threads the built-in model computes with (1 to 64; 1 leaves a core for the rest of the work)
 * @param batchSize texts embedded together by the background embedder (1 to 1,024)
 * @param inlineLimit most memories a search embeds itself when the background embedder has not reached them yet (0
 *     to 10,000); beyond it the rest are found by words until the background embedder has done them
 */
public record Embeddings(boolean enabled, Embedder embedder, int threads, int batchSize, int inlineLimit) {
    /** The default number of threads of the built-in model: 1. */
    public static final int DEFAULT_THREADS = 1;
    /**
     * The default batch of the background embedder: 64 texts, stored in one transaction (each transaction that adds
     * vectors costs the vector index a segment of its own, so fewer and larger ones keep up better).
     */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** The default number of memories a search embeds itself: 64. */
    public static final int DEFAULT_INLINE_LIMIT = 64;

    /** Checks the settings. */
    public Embeddings {
        between("threads", threads, 1, 64);
        between("batchSize", batchSize, 1, 1_024);
        between("inlineLimit", inlineLimit, 0, 10_000);
    }

    /** On, with the built-in embedder, one thread, batches of 64, up to 64 memories embedded by a search. */
    public static Embeddings defaults() {
        return new Embeddings(true, null, DEFAULT_THREADS, DEFAULT_BATCH_SIZE, DEFAULT_INLINE_LIMIT);
    }

    /** Off: memories are found by words only. */
    public static Embeddings off() {
        return new Embeddings(false, null, DEFAULT_THREADS, DEFAULT_BATCH_SIZE, DEFAULT_INLINE_LIMIT);
    }

    /** The same settings with this embedder. */
    public Embeddings withEmbedder(Embedder value) {
        return new Embeddings(enabled, value, threads, batchSize, inlineLimit);
    }

    /** The same settings with this many threads for the built-in model. */
    public Embeddings withThreads(int value) {
        return new Embeddings(enabled, embedder, value, batchSize, inlineLimit);
    }

    /** The same settings with this background batch size. */
    public Embeddings withBatchSize(int value) {
        return new Embeddings(enabled, embedder, threads, value, inlineLimit);
    }

    /** The same settings with this bound on what a search embeds itself. */
    public Embeddings withInlineLimit(int value) {
        return new Embeddings(enabled, embedder, threads, batchSize, value);
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "embeddings " + name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
