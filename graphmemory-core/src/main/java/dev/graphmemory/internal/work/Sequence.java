package dev.graphmemory.internal.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;

/** Parts run one after another in one transaction (the chunks of an atomic batch). */
public record Sequence<T>(String name, AccessMode mode, List<? extends Work<T>> parts) implements Work<List<T>> {

    @Override
    public List<T> run(StatementRunner runner) {
        List<T> results = new ArrayList<>(parts.size());
        for (Work<T> part : parts) {
            results.add(part.run(runner));
        }
        return results;
    }

    @Override
    public CompletionStage<List<T>> runAsync(AsyncStatementRunner runner) {
        CompletionStage<List<T>> results = CompletableFuture.completedFuture(new ArrayList<>(parts.size()));
        for (Work<T> part : parts) {
            results = results.thenCompose(done -> part.runAsync(runner).thenApply(result -> {
                done.add(result);
                return done;
            }));
        }
        return results;
    }
}
