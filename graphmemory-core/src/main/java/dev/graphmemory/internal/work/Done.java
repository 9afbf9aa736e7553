package dev.graphmemory.internal.work;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;

/** A result known without a statement. */
public record Done<T>(String name, T value) implements Work<T> {

    @Override
    public AccessMode mode() {
        return AccessMode.READ;
    }

    @Override
    public T run(StatementRunner runner) {
        return value;
    }

    @Override
    public CompletionStage<T> runAsync(AsyncStatementRunner runner) {
        return CompletableFuture.completedFuture(value);
    }
}
