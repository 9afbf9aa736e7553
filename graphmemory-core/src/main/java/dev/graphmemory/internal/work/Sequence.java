package dev.graphmemory.internal.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;

/**
 * Parts run one after another in one transaction (the chunks of an atomic batch, the kinds of a stored memory),
 * pipelined: every part is sent before the first one's rows come back. The server still runs them in the order given,
 * each seeing the writes of those before it; the client only stops waiting a round trip per part. So a part must not
 * depend on the result of another part of the same sequence: what does is a {@link Chain} after it.
 */
public record Sequence<T>(String name, AccessMode mode, List<? extends Work<? extends T>> parts)
        implements Work<List<T>> {

    @Override
    public List<T> run(StatementRunner runner) {
        return runner.runAll(parts);
    }

    @Override
    public CompletionStage<List<T>> runAsync(AsyncStatementRunner runner) {
        return pipelined(parts, runner);
    }

    /**
     * Sends every part at once and waits for all of them, so that no cursor is left unread when the transaction ends.
     * The failure of the earliest failing part is the one reported: after it the server ignores the rest.
     */
    static <T> CompletionStage<List<T>> pipelined(
            List<? extends Work<? extends T>> parts, AsyncStatementRunner runner) {
        List<CompletableFuture<? extends T>> started = new ArrayList<>(parts.size());
        for (Work<? extends T> part : parts) {
            started.add(part.runAsync(runner).toCompletableFuture());
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> {
                    List<T> results = new ArrayList<>(started.size());
                    for (CompletableFuture<? extends T> part : started) {
                        results.add(part.join()); // the first failed part in order throws its failure
                    }
                    return results;
                });
    }
}
