package dev.graphmemory.internal;

import dev.graphmemory.MemoryTransaction;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * A {@link MemoryTransaction}: one explicit driver transaction, committed or rolled back by the caller, never
 * retried. The session and its connection are released on every path out: commit, rollback, close, or a failure to
 * begin.
 */
final class ExplicitTransaction extends SyncOperations implements MemoryTransaction {
    private final Operations operations;
    private final Session session;
    private final Transaction transaction;
    private final StatementRunner runner;
    private boolean finished;

    ExplicitTransaction(Sessions sessions, Operations operations) {
        this.operations = operations;
        this.session = sessions.open(AccessMode.WRITE);
        try {
            this.transaction =
                    session.beginTransaction(sessions.transaction("beginTransaction", operations.namespace()));
        } catch (RuntimeException e) {
            session.close();
            throw Errors.translate(e);
        }
        this.runner = new DriverRunner(transaction);
    }

    @Override
    protected Operations operations() {
        return operations;
    }

    @Override
    protected boolean ownsTransactions() {
        return false;
    }

    @Override
    protected <T> T execute(Work<T> work) {
        if (!isOpen()) {
            throw new IllegalStateException("This transaction is no longer open");
        }
        try {
            return work.run(runner);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public void commit() {
        if (finished) {
            throw new IllegalStateException("This transaction has already ended");
        }
        try {
            transaction.commit();
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
            transaction.rollback();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            end();
        }
    }

    @Override
    public boolean isOpen() {
        return !finished && transaction.isOpen();
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                transaction.close(); // rolls back when not committed
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            } finally {
                end();
            }
        }
    }

    private void end() {
        finished = true;
        session.close();
    }
}
