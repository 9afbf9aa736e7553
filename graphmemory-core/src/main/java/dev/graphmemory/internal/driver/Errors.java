package dev.graphmemory.internal.driver;

import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.CommitOutcomeUnknownException;
import dev.graphmemory.exceptions.DatabaseException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.exceptions.TransientMemoryException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.work.Statement;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ConnectionReadTimeoutException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The one place where driver exceptions become graphmemory's {@link MemoryException}s. Executors call
 * {@link #translate} on whatever escapes a transaction; statement runners call {@link #withinTransaction} so that a
 * failure the driver would otherwise retry, but which must not be retried (a lock wait that timed out), stops the
 * driver's retry loop at once.
 */
public final class Errors {
    static final String LOCK_TIMEOUT = "Neo.TransientError.Transaction.LockAcquisitionTimeout";
    private static final String TX_TIMEOUT_PREFIX = "Neo.ClientError.Transaction.TransactionTimedOut";
    private static final String TX_TIMEOUT_TRANSIENT = "Neo.TransientError.Transaction.TransactionTimedOut";
    private static final String NETTY_SIGNAL = "io.netty.util.Signal";

    private Errors() {}

    /**
     * The failure to raise for a failure of {@code statement}: a database error as the statement translates it (e.g. a
     * syntax error in an assistant's query), anything else as {@link #withinTransaction}.
     */
    public static RuntimeException ofStatement(Statement<?> statement, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof Neo4jException neo4j) {
            RuntimeException translated = statement.onError().apply(neo4j);
            if (translated != neo4j) {
                return translated;
            }
        }
        return withinTransaction(cause);
    }

    /** The outcome tag of a failure in metrics: its error code, or the class name of an unexpected failure. */
    public static String outcome(Throwable failure) {
        Throwable translated = translate(failure);
        return translated instanceof MemoryException memory
                ? memory.errorCode()
                : translated.getClass().getSimpleName();
    }

    /**
     * Called inside a transaction with a failure of one statement. Returns the failure to throw: our own timeout for
     * a lock wait that ran out (so the driver does not retry it), the driver's exception otherwise (so the driver can
     * classify and retry it).
     */
    public static RuntimeException withinTransaction(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Neo4jException neo4j && isTimeout(neo4j.code())) {
            return new MemoryTimeoutException(timeoutMessage(neo4j), neo4j);
        }
        if (cause instanceof Neo4jException neo4j && isMemoryLimit(neo4j.code())) {
            return memoryLimit(neo4j); // transient by its code, but the same work would hit the same limit again
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /**
     * Translates a failure of a unit of work: driver exceptions and interruptions become {@link MemoryException}s;
     * any other runtime exception (the caller's own, thrown from a transaction callback, or a usage error) is returned
     * unchanged, so that it reaches the caller as it was thrown.
     */
    public static RuntimeException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MemoryException memory) {
            return memory;
        }
        if (causedByInterruption(cause)) {
            // The driver's retry sleep, or our own wait, was interrupted: keep the flag for the caller.
            Thread.currentThread().interrupt();
            return new MemoryInterruptedException("Interrupted while waiting for the database", cause);
        }
        if (cause instanceof CancellationException) {
            return new MemoryInterruptedException("The operation was cancelled", cause);
        }
        if (cause instanceof Neo4jException neo4j) {
            if (Thread.currentThread().isInterrupted()) {
                return new MemoryInterruptedException("Interrupted while waiting for the database", cause);
            }
            return translateDriver(neo4j);
        }
        if (cause instanceof IllegalStateException closed && thrownByTheDriver(closed)) {
            // The driver was closed under the work (graphmemory is stopping): the database is out of reach.
            return new UnavailableException("The connection to the database is closed: " + closed.getMessage(), closed);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new DatabaseException("Unexpected failure: " + cause, null, cause);
    }

    private static boolean thrownByTheDriver(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("org.neo4j.");
    }

    /** Translates a failure of {@code COMMIT} in an explicit transaction, where a lost connection hides the outcome. */
    public static RuntimeException translateCommit(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
            return new CommitOutcomeUnknownException(
                    "The connection was lost while committing; the transaction may or may not have been committed",
                    cause);
        }
        return translate(cause);
    }

    private static MemoryException translateDriver(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        if (isTimeout(code)) {
            return new MemoryTimeoutException(timeoutMessage(e), e);
        }
        if (isMemoryLimit(code)) {
            return memoryLimit(e);
        }
        if (e instanceof ConnectionReadTimeoutException) {
            return new MemoryTimeoutException("The database stopped answering within the connection timeout", e);
        }
        if (isAcquisitionTimeout(e)) {
            return new BusyException("No database connection became free within the acquisition timeout", e);
        }
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            return new UnavailableException("The database is unavailable: " + e.getMessage(), e);
        }
        if (e instanceof TransientException) {
            return new TransientMemoryException(
                    "A transient database error outlasted the retry budget: " + e.getMessage(), e);
        }
        if (e instanceof TransactionTerminatedException) {
            return new MemoryTimeoutException("The transaction was terminated: " + e.getMessage(), e);
        }
        if (code.equals("Neo.DatabaseError.Transaction.TransactionLogError")) {
            return new DatabaseException(
                    "The database could not write its transaction log (is the disk full?); nothing of this"
                            + " transaction was stored, and the database stops until it is started again",
                    code,
                    e);
        }
        if (String.valueOf(e.getMessage()).contains("critical error, and needs to be restarted")) {
            return new DatabaseException(
                    "The database stopped after a critical error (a full disk, for example) and must be started"
                            + " again; what it acknowledged before is kept",
                    code,
                    e);
        }
        return new DatabaseException(
                (code.isEmpty() ? "" : code + ": ") + e.getMessage(), code.isEmpty() ? null : code, e);
    }

    /**
     * Timeouts of transactions and lock waits. A transaction that reaches its timeout while it waits for a lock is
     * reported as terminated, or as a stopped lock client, so those count as timeouts too.
     */
    private static boolean isTimeout(String code) {
        return code != null
                && (code.startsWith(TX_TIMEOUT_PREFIX)
                        || code.equals(LOCK_TIMEOUT)
                        || code.equals(TX_TIMEOUT_TRANSIENT)
                        || code.endsWith(".Transaction.Terminated")
                        || code.endsWith(".Transaction.LockClientStopped"));
    }

    /** The database refused memory to a transaction: over its own limit, or over the limit of all transactions. */
    public static boolean isMemoryLimit(String code) {
        return code != null
                && (code.equals("Neo.TransientError.General.TransactionMemoryLimit")
                        || code.equals("Neo.TransientError.General.MemoryPoolOutOfMemoryError")
                        || code.equals("Neo.TransientError.General.TransactionOutOfMemoryError")
                        || code.endsWith(".General.OutOfMemoryError"));
    }

    private static DatabaseException memoryLimit(Neo4jException e) {
        return new DatabaseException(
                "The transaction needed more memory than the database allows (db.memory.transaction.max) and was"
                        + " rolled back",
                e.code(),
                e);
    }

    private static String timeoutMessage(Neo4jException e) {
        if (LOCK_TIMEOUT.equals(e.code())) {
            return "Waiting for a lock took longer than the lock acquisition timeout";
        }
        if (e.code().endsWith(".Terminated") || e.code().endsWith(".LockClientStopped")) {
            return "The transaction was terminated (it reached its timeout, or was stopped) and was rolled back";
        }
        return "The transaction ran longer than its timeout and was rolled back";
    }

    /** Whether the failure is the driver giving up waiting for a pooled connection. */
    static boolean isAcquisitionTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientException && String.valueOf(t.getMessage()).contains("acquire connection")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure inside the wrappers of asynchronous work. A netty {@code Signal} (an {@link Error} without a stack
     * that netty's decoders use for control flow, e.g. {@code ReplayingDecoder#REPLAY}) that escapes the driver when a
     * connection breaks while an answer is read comes back as the lost connection it is, so that it is retried or
     * reported like one rather than thrown to the caller as an error of the JVM.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error && NETTY_SIGNAL.equals(cause.getClass().getName())) {
            return new ServiceUnavailableException(
                    "The connection to the database broke while its answer was read (" + cause + ")", cause);
        }
        return cause;
    }
}
