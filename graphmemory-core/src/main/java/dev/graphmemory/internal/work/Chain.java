package dev.graphmemory.internal.work;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;

/** Two steps in one transaction: the second is made from the first one's result. */
public record Chain<A, T>(Work<A> first, Function<? super A, ? extends Work<T>> next) implements Work<T> {

    @Override
    public String name() {
        return first.name();
    }

    @Override
    public AccessMode mode() {
        return first.mode();
    }

    @Override
    public Optional<Duration> timeout() {
        return first.timeout();
    }

    @Override
    public T run(StatementRunner runner) {
        return next.apply(first.run(runner)).run(runner);
    }

    @Override
    public CompletionStage<T> runAsync(AsyncStatementRunner runner) {
        return first.runAsync(runner).thenCompose(result -> next.apply(result).runAsync(runner));
    }
}
