package dev.graphmemory.internal.work;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;

/**
 * A unit of database work, written once and run by any executor: alone, in a shared session, inside a transaction
 * scope, or asynchronously. A work value holds its statements and parameters (including every pre-generated id),
 * so running it again after a lost commit acknowledgement leaves the graph as one run would.
 *
 * <p>A work value is interpreted twice, once blocking ({@link #run}) and once non-blocking ({@link #runAsync}), by
 * the same composition rules; executors only supply the transaction.
 *
 * @param <T> what the work returns
 */
public interface Work<T> {

    /** The operation's name, for transaction metadata, logs and metrics. */
    String name();

    /** Whether the work writes. */
    AccessMode mode();

    /** The transaction timeout this work asks for when it runs in a transaction of its own. */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /**
     * How many rows the driver fetches per round trip when this work runs in a session of its own; empty for the
     * driver's default. Work whose rows may be large asks for few, so that it never holds many at once.
     */
    default OptionalInt fetchSize() {
        return OptionalInt.empty();
    }

    /** Runs the work on a blocking transaction. */
    T run(StatementRunner runner);

    /** Runs the work on an asynchronous transaction. */
    CompletionStage<T> runAsync(AsyncStatementRunner runner);

    /** This work, then the work {@code next} makes of its result, in the same transaction. */
    default <R> Work<R> then(Function<? super T, ? extends Work<R>> next) {
        return new Chain<>(this, next);
    }

    /** This work with its result transformed. */
    default <R> Work<R> map(Function<? super T, ? extends R> mapper) {
        return new Chain<T, R>(this, result -> Work.done(name(), mapper.apply(result)));
    }

    /** Work that needs no statement and returns {@code value}. */
    static <T> Work<T> done(String name, T value) {
        return new Done<>(name, value);
    }

    /**
     * Runs the parts one after another in one transaction and returns their results in order. The parts are
     * pipelined (all sent before the first answers), so none may depend on another's result.
     */
    static <T> Work<List<T>> sequence(String name, AccessMode mode, List<? extends Work<? extends T>> parts) {
        return new Sequence<>(name, mode, List.copyOf(parts));
    }
}
