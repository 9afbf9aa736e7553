package dev.graphmemory.internal.work;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;

/** Work with its own transaction timeout, applied when it runs in a transaction of its own. */
public record Timed<T>(Work<T> work, Duration limit) implements Work<T> {

    @Override
    public String name() {
        return work.name();
    }

    @Override
    public AccessMode mode() {
        return work.mode();
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.of(limit);
    }

    @Override
    public T run(StatementRunner runner) {
        return work.run(runner);
    }

    @Override
    public CompletionStage<T> runAsync(AsyncStatementRunner runner) {
        return work.runAsync(runner);
    }
}
