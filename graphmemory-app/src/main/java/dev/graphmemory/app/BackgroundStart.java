package dev.graphmemory.app;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.exceptions.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of a server that answers its clients before its database has started. The runtime starts on a thread
 * of its own; {@link #get()} gives its memory, waiting for the start for at most {@link #wait} and then answering
 * with an {@link UnavailableException} that says why (still starting, or the start failed), which a tool call turns
 * into a clear error. A failed start is logged once, in one line, and the server goes on answering.
 */
final class BackgroundStart implements Supplier<GraphMemory>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundStart.class);

    private final CompletableFuture<MemoryRuntime> runtime = new CompletableFuture<>();
    private final Duration wait;

    private BackgroundStart(Duration wait) {
        this.wait = wait;
    }

    /**
     * Starts the runtime on the thread {@code graphmemory-start}.
     *
     * @param start starts the runtime (it may block for seconds: an embedded Neo4j, the schema)
     * @param wait how long a caller of {@link #get()} waits for the start
     * @param ready called on the starting thread once the runtime has started, before any caller gets the memory
     */
    static BackgroundStart begin(Supplier<MemoryRuntime> start, Duration wait, Consumer<MemoryRuntime> ready) {
        BackgroundStart background = new BackgroundStart(wait);
        Thread thread = new Thread(
                () -> {
                    long begun = System.nanoTime();
                    MemoryRuntime started = null;
                    try {
                        started = start.get();
                        ready.accept(started);
                        background.runtime.complete(started);
                        LOG.info(
                                "The memory is ready (namespace {}): started in {} ms",
                                started.memory().namespace(),
                                (System.nanoTime() - begun) / 1_000_000);
                    } catch (RuntimeException | Error e) {
                        LOG.error("The memory could not start: {}", Failures.describe(e));
                        LOG.debug("The memory could not start", e);
                        if (started != null) {
                            started.close();
                        }
                        background.runtime.completeExceptionally(e);
                    }
                },
                "graphmemory-start");
        thread.start();
        return background;
    }

    /**
     * The memory, once started.
     *
     * @throws UnavailableException while it is still starting after {@link #wait}, or when its start failed
     */
    @Override
    public GraphMemory get() {
        try {
            return runtime.get(wait.toMillis(), TimeUnit.MILLISECONDS).memory();
        } catch (TimeoutException e) {
            throw new UnavailableException(
                    "The memory is still starting after " + wait.toSeconds() + " s more; try again in a moment", null);
        } catch (ExecutionException e) {
            throw new UnavailableException(
                    "The memory could not start (" + Failures.describe(e.getCause())
                            + "); the server must be restarted once the cause is fixed",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while waiting for the memory to start", e);
        }
    }

    /**
     * Closes the runtime: waits for a start in progress to end (an embedded Neo4j cannot be stopped halfway), then
     * closes what started. Nothing to close when the start failed.
     */
    @Override
    public void close() {
        MemoryRuntime started;
        try {
            started = runtime.get();
        } catch (ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        started.close();
    }
}
