package dev.graphmemory.internal;

import org.neo4j.driver.async.AsyncQueryRunner;

/** Runs statements on an asynchronous transaction and waits for each, interruptibly (see {@link Blocking}). */
final class BlockingRunner implements StatementRunner {
    private final AsyncDriverRunner runner;
    private final Runnable abandon;

    BlockingRunner(AsyncQueryRunner transaction, Runnable abandon) {
        this.runner = new AsyncDriverRunner(transaction, () -> false);
        this.abandon = abandon;
    }

    @Override
    public <T> T run(Statement<T> statement) {
        return Blocking.await(runner.run(statement), abandon);
    }
}
