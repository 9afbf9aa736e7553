package dev.graphmemory;

/**
 * Work done in one atomic transaction by {@link GraphMemory#inTransaction}. It may be called more than once: the
 * transaction is retried as a whole on transient failures, so it should only touch the database through the
 * operations it is given. Ids of memories it creates are the same on every attempt, so a retry after a commit whose
 * acknowledgement was lost does not duplicate anything.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /** Does the work with operations bound to the transaction. */
    T execute(MemoryOperations transaction);
}
