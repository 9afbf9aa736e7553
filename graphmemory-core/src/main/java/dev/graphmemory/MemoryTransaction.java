package dev.graphmemory;

/**
 * One explicit transaction: every operation in it commits together on {@link #commit()}, or none does. Closing it
 * without committing rolls it back. It is never retried: prefer {@link GraphMemory#inTransaction} unless the
 * transaction must span code that cannot be re-run.
 *
 * <pre>{@code
 * try (MemoryTransaction tx = memory.beginTransaction()) {
 *     Decision decision = tx.recordDecision(NewDecision.of("Ship on Friday", "The fix is verified"));
 *     Commitment commitment = tx.createCommitment(NewCommitment.of("Announce the release"));
 *     tx.linkNodes(NewLink.of(decision.id(), RelationshipType.LEADS_TO, commitment.id()));
 *     tx.commit();
 * }
 * }</pre>
 */
public interface MemoryTransaction extends MemoryOperations, AutoCloseable {

    /**
     * Commits everything done in this transaction.
     *
     * @throws dev.graphmemory.exceptions.CommitOutcomeUnknownException when the connection broke during the commit
     */
    void commit();

    /** Rolls back everything done in this transaction. */
    void rollback();

    /** Whether the transaction can still take operations (neither committed, rolled back nor failed). */
    boolean isOpen();

    /** Rolls back unless committed, then returns the connection. */
    @Override
    void close();
}
