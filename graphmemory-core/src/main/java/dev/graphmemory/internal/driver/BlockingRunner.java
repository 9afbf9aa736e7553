package dev.graphmemory.internal.driver;

import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.StatementRunner;
import dev.graphmemory.internal.work.Work;
import java.util.List;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.async.AsyncQueryRunner;

/**
 * Runs statements on an asynchronous transaction and waits for each, interruptibly (see {@link Blocking}); independent
 * parts are sent all at once and awaited together.
 */
public final class BlockingRunner implements StatementRunner {
    private final AsyncDriverRunner runner;
    private final Runnable abandon;
    private final long deadline;

    public BlockingRunner(AsyncQueryRunner transaction, Runnable abandon, Telemetry telemetry, PlanKeeper plans) {
        this(transaction, abandon, 0, telemetry, plans);
    }

    /** With every wait bounded by {@code deadline} ({@link System#nanoTime()}; 0 for none). */
    public BlockingRunner(
            AsyncQueryRunner transaction, Runnable abandon, long deadline, Telemetry telemetry, PlanKeeper plans) {
        this.runner = new AsyncDriverRunner(transaction, () -> false, telemetry, plans);
        this.abandon = abandon;
        this.deadline = deadline;
    }

    @Override
    public <T> T run(Statement<T> statement) {
        return Blocking.await(runner.run(statement), abandon, deadline);
    }

    @Override
    public <T> List<T> runAll(List<? extends Work<? extends T>> parts) {
        Work<List<T>> pipelined = Work.sequence("parts", AccessMode.WRITE, parts);
        return Blocking.await(pipelined.runAsync(runner), abandon, deadline);
    }
}
