package dev.graphmemory.app;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory a command works on, and the embedded Neo4j under it when no URI is configured. Closing it closes both,
 * the memory first.
 */
final class MemoryRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryRuntime.class);

    private final EmbeddedNeo4j embedded;
    private final GraphMemory memory;

    private MemoryRuntime(EmbeddedNeo4j embedded, GraphMemory memory) {
        this.embedded = embedded;
        this.memory = memory;
    }

    static MemoryRuntime start(ConnectionOptions options) {
        return start(options, System.getenv(), null);
    }

    /**
     * For a one-shot command that does not search by meaning: the embedding model is not loaded (seconds of CPU that
     * the command would wait for when it closes). The memories it writes wait for their vectors, as every write does,
     * until a process with the model embeds them ({@code serve}, or the next search).
     */
    static MemoryRuntime startWithoutEmbedder(ConnectionOptions options) {
        return start(options, System.getenv(), null, config -> config.embeddings(Embeddings.off()));
    }

    /** With metrics recorded into {@code meterRegistry} (a Micrometer registry), if not {@code null}. */
    static MemoryRuntime start(ConnectionOptions options, Map<String, String> environment, Object meterRegistry) {
        return start(options, environment, meterRegistry, UnaryOperator.identity());
    }

    /** Like {@link #start(ConnectionOptions, Map, Object)}, with the settings adjusted by the command. */
    static MemoryRuntime start(
            ConnectionOptions options,
            Map<String, String> environment,
            Object meterRegistry,
            UnaryOperator<MemoryConfig.Builder> adjust) {
        MemoryConfig config = adjust.apply(
                        options.config(environment).toBuilder().meterRegistry(meterRegistry))
                .build();
        if (config.uri().isPresent()) {
            LOG.info(
                    "Connecting to {} (database {}, namespace {})",
                    config.uri().get(),
                    config.database(),
                    config.namespace());
            return new MemoryRuntime(null, GraphMemory.connect(config));
        }
        LOG.info("No NEO4J_URI given: starting the embedded Neo4j in {}", options.dataDirectory());
        EmbeddedNeo4j embedded =
                EmbeddedNeo4j.builder().dataDirectory(options.dataDirectory()).start();
        try {
            MemoryConfig local = config.toBuilder().uri(embedded.boltUri()).build();
            return new MemoryRuntime(embedded, GraphMemory.connect(local));
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    GraphMemory memory() {
        return memory;
    }

    /**
     * Calls {@code listener} when the embedded database stops working (a full disk): it refuses every transaction
     * from then on, until the process starts it again. Nothing happens with a Neo4j server ({@code NEO4J_URI}), which
     * restarts itself.
     */
    void onFailure(Consumer<EmbeddedNeo4j.Failure> listener) {
        if (embedded != null) {
            embedded.onFailure(listener);
        }
    }

    @Override
    public void close() {
        try {
            memory.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
