package dev.graphmemory.internal.driver;

import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.StatementRunner;
import dev.graphmemory.internal.work.Work;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransaction;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managed transactions for the blocking API: begin, run the body, commit; on a failure the driver classifies as
 * retryable (a deadlock or another transient error, a lost connection, an expired session) roll back, wait and run the
 * whole body again, until the retry budget is spent. Everything else (syntax, constraints, access mode, validation,
 * not found, timeouts) is tried exactly once.
 *
 * <p>The first wait is short because the common transient failure here is a deadlock between concurrent writers,
 * which clears at once; the wait doubles (with jitter, so that the writers do not collide again) up to
 * {@value #MAX_DELAY_MILLIS} ms, which also rides out a cluster leader election within the budget.
 */
public final class Retries {
    static final long INITIAL_DELAY_MILLIS = 10;
    static final long MAX_DELAY_MILLIS = 2_000;
    /** How much longer than a work's own timeout the client waits before it gives up on the work. */
    public static final Duration GRACE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    private final Duration budget;
    private final Telemetry telemetry;
    private final PlanKeeper plans;

    /** @param plans what text each statement is sent as (with its plan kept, or as it is) */
    public Retries(Duration budget, Telemetry telemetry, PlanKeeper plans) {
        this.budget = budget;
        this.telemetry = telemetry;
        this.plans = plans;
    }

    /**
     * Runs {@code body} in a transaction of the session, retrying it as a whole on retryable failures. The budget
     * starts at the first failure and bounds the retries, waits included: a retry that would still be waiting (for a
     * connection, say) when it runs out is abandoned, and the failure that started the retries is reported.
     */
    public <T> T run(AsyncSession session, TransactionConfig config, String name, Function<StatementRunner, T> body) {
        return run(session, config, name, body, Sessions.Limit.NONE);
    }

    /**
     * Runs one operation's unit of work in a transaction of the session, with the transaction's settings and limit
     * for {@code namespace} (see {@link Sessions#transaction} and {@link Sessions#limit}).
     */
    public <T> T run(Sessions sessions, AsyncSession session, Work<T> work, String namespace) {
        TransactionConfig transaction = sessions.transaction(work, namespace);
        return run(session, transaction, work.name(), work::run, sessions.limit(work, transaction));
    }

    /**
     * Like {@link #run(AsyncSession, TransactionConfig, String, Function)}, within {@code limit}: the whole run, retries
     * included, ends {@link #GRACE} after the limit's timeout at the latest. When it passes, the work is abandoned (its
     * session closed), the limit terminates its transaction on the server, and a {@link MemoryTimeoutException} is
     * thrown. The grace lets the database's own timeout, which says more, normally come first.
     */
    public <T> T run(
            AsyncSession session,
            TransactionConfig config,
            String name,
            Function<StatementRunner, T> body,
            Sessions.Limit limit) {
        long started = System.nanoTime();
        try {
            T result = retried(session, config, name, body, limit, started);
            telemetry.operation(name, System.nanoTime() - started, "success");
            return result;
        } catch (RuntimeException failure) {
            telemetry.operation(name, System.nanoTime() - started, Errors.outcome(failure));
            throw failure;
        }
    }

    private <T> T retried(
            AsyncSession session,
            TransactionConfig config,
            String name,
            Function<StatementRunner, T> body,
            Sessions.Limit limit,
            long started) {
        long limitDeadline = limit.isSet() ? started + limit.timeout().toNanos() + GRACE.toNanos() : 0;
        long deadline = 0;
        long delay = INITIAL_DELAY_MILLIS;
        RuntimeException first = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(session, config, body, earliest(deadline, limitDeadline), telemetry, plans);
            } catch (Blocking.DeadlineExceeded exceeded) {
                if (limitDeadline != 0 && System.nanoTime() - limitDeadline >= 0) {
                    limit.terminate().run();
                    throw new MemoryTimeoutException(
                            name + " ran longer than its timeout of " + seconds(limit.timeout())
                                    + "; it was stopped and rolled back",
                            first);
                }
                throw first;
            } catch (RuntimeException failure) {
                if (!(failure instanceof RetryableException)) {
                    // A pool that ran dry while retrying says less than the failure that started the retries.
                    throw first != null && Errors.isAcquisitionTimeout(failure) ? first : failure;
                }
                if (first == null) {
                    first = failure;
                    deadline = System.nanoTime() + budget.toNanos();
                }
                if (System.nanoTime() + delay * 1_000_000 > earliest(deadline, limitDeadline)) {
                    throw failure;
                }
                long wait = jitter(delay);
                LOG.debug("{} failed on attempt {} ({}); retrying in {} ms", name, attempt, failure.getMessage(), wait);
                telemetry.retry(name);
                sleep(wait);
                delay = Math.min(MAX_DELAY_MILLIS, delay * 2);
            }
        }
    }

    private static <T> T once(
            AsyncSession session,
            TransactionConfig config,
            Function<StatementRunner, T> body,
            long deadline,
            Telemetry telemetry,
            PlanKeeper plans) {
        Runnable abandon = () -> session.closeAsync();
        AsyncTransaction transaction = Blocking.await(session.beginTransactionAsync(config), abandon, deadline);
        T result;
        try {
            result = body.apply(new BlockingRunner(transaction, abandon, deadline, telemetry, plans));
        } catch (Blocking.DeadlineExceeded abandoned) {
            // The session is closing already; a rollback would wait for the statement that is still running.
            throw abandoned;
        } catch (RuntimeException | Error failure) {
            rollbackQuietly(transaction);
            throw failure;
        }
        Blocking.await(transaction.commitAsync(), abandon, deadline);
        return result;
    }

    /** The earlier of two deadlines ({@link System#nanoTime()}), where 0 means none. */
    static long earliest(long one, long other) {
        if (one == 0) {
            return other;
        }
        if (other == 0) {
            return one;
        }
        return one - other <= 0 ? one : other;
    }

    private static String seconds(java.time.Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void rollbackQuietly(AsyncTransaction transaction) {
        try {
            transaction.rollbackAsync().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The transaction is gone already (the failure broke it, or the connection); nothing to undo.
            LOG.trace("Rollback after a failure failed too", e);
        }
    }

    private static long jitter(long delay) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.round(delay * factor));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryInterruptedException("Interrupted while waiting to retry", e);
        }
    }
}
