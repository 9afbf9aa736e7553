package dev.graphmemory.internal.run;

import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.internal.driver.Blocking;
import dev.graphmemory.internal.driver.BlockingRunner;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.driver.PlanKeeper;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.StatementRunner;
import dev.graphmemory.internal.work.Work;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;

/**
 * A {@link MemoryTransaction}: one explicit driver transaction, committed or rolled back by the caller, never
 * retried. The session and its connection are released on every path out: commit, rollback, close, or a failure to
 * begin.
 */
public final class ExplicitTransaction extends BlockingFacade implements MemoryTransaction {
    private final AsyncSession session;
    private final AsyncTransaction transaction;
    private final StatementRunner runner;
    private final Telemetry telemetry;
    private final Runnable ended; // tells the search indexer the scope is over
    private boolean finished;
    private boolean failed;

    public ExplicitTransaction(
            Sessions sessions, OperationTable operations, Telemetry telemetry, PlanKeeper plans, Runnable ended) {
        super(operations, false);
        this.telemetry = telemetry;
        this.ended = ended;
        try {
            this.session = sessions.openAsync(AccessMode.WRITE);
        } catch (RuntimeException e) {
            ended.run();
            throw Errors.translate(e);
        }
        try {
            this.transaction = Blocking.await(
                    session.beginTransactionAsync(sessions.transaction(
                            "beginTransaction", operations().namespace())),
                    this::abandon);
        } catch (RuntimeException e) {
            session.closeAsync();
            ended.run();
            throw Errors.translate(e);
        }
        this.runner = new BlockingRunner(transaction, this::abandon, telemetry, plans);
    }

    @Override
    protected <T> T execute(Work<T> work) {
        if (!isOpen()) {
            throw new IllegalStateException("This transaction is no longer open");
        }
        long started = System.nanoTime();
        try {
            T result = work.run(runner);
            telemetry.operation(work.name(), System.nanoTime() - started, "success");
            return result;
        } catch (RuntimeException e) {
            RuntimeException translated = Errors.translate(e);
            telemetry.operation(work.name(), System.nanoTime() - started, Errors.outcome(translated));
            if (!(translated instanceof dev.graphmemory.exceptions.NotFoundException
                    || translated instanceof dev.graphmemory.exceptions.InvalidInputException)) {
                failed = true; // the server ended the transaction; only rollback or close remain
            }
            throw translated;
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("This transaction has already ended");
        }
        try {
            Blocking.await(transaction.commitAsync(), this::abandon);
        } catch (RuntimeException e) {
            throw Errors.translateCommit(e);
        } finally {
            end();
        }
    }

    @Override
    public void rollback() {
        if (finished) {
            return;
        }
        try {
            Blocking.await(transaction.rollbackAsync(), this::abandon);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            end();
        }
    }

    @Override
    public boolean isOpen() {
        return !finished && !failed;
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                Blocking.await(transaction.closeAsync(), this::abandon); // rolls back when not committed
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            } finally {
                end();
            }
        }
    }

    private void end() {
        finished = true;
        try {
            Blocking.await(session.closeAsync(), () -> {});
        } finally {
            ended.run();
        }
    }

    /** An interrupted wait: the session is closed in the background, which rolls the transaction back. */
    private void abandon() {
        finished = true;
        session.closeAsync();
        ended.run();
    }
}
