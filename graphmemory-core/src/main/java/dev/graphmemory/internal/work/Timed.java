package dev.graphmemory.internal.work;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.AccessMode;

/**
 * Work with its own transaction timeout, applied when it runs in a transaction of its own: the database ends the
 * transaction when it passes, and the executor stops waiting for it shortly after, whatever the database does.
 *
 * @param work the work
 * @param limit the timeout
 * @param rowsPerFetch rows fetched per round trip, 0 for the driver's default
 */
public record Timed<T>(Work<T> work, Duration limit, int rowsPerFetch) implements Work<T> {

    /** With the driver's default fetch size. */
    public Timed(Work<T> work, Duration limit) {
        this(work, limit, 0);
    }

    @Override
    public OptionalInt fetchSize() {
        return rowsPerFetch > 0 ? OptionalInt.of(rowsPerFetch) : OptionalInt.empty();
    }

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
