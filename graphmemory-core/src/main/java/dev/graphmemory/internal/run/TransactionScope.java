package dev.graphmemory.internal.run;

import dev.graphmemory.internal.work.StatementRunner;
import dev.graphmemory.internal.work.Work;

/**
 * The operations handed to a transaction callback: every operation runs as statements of the one transaction. It
 * stops working when the callback returns, so that it cannot be used, by mistake, outside its transaction.
 */
public final class TransactionScope extends BlockingFacade {
    private final StatementRunner runner;
    private boolean finished;

    public TransactionScope(OperationTable operations, StatementRunner runner) {
        super(operations, false);
        this.runner = runner;
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
