package dev.graphmemory.internal;

/**
 * The operations handed to a transaction callback: every operation runs as statements of the one transaction. It
 * stops working when the callback returns, so that it cannot be used, by mistake, outside its transaction.
 */
final class TransactionScope extends SyncOperations {
    private final Operations operations;
    private final StatementRunner runner;
    private boolean finished;

    TransactionScope(Operations operations, StatementRunner runner) {
        this.operations = operations;
        this.runner = runner;
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
        if (finished) {
            throw new IllegalStateException("This transaction has ended; use the operations only inside the callback");
        }
        return work.run(runner);
    }

    void finish() {
        finished = true;
    }
}
