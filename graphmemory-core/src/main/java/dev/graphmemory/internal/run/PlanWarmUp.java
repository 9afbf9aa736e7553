package dev.graphmemory.internal.run;

import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.telemetry.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up every statement of the {@link StatementCatalogue} once, in the background, right after connecting (see
 * {@link StatementPlans#rehearse}): Neo4j plans a statement the first time it sees it, and that first call waits (a
 * tenth of a second to seconds while the server's planner is still cold). Warmed up here, each operation's first call
 * finds its plan in the cache. Plans already in the cache (another process made them) cost a cache lookup each.
 *
 * <p>Then it rehearses whole operations, as calls run them (the memory's {@code rehearsal}: a search): a statement run
 * once on its own leaves cold what a call does around it and the paths a real answer takes (a search's rounds, its
 * ranking), which made the first search of a process 150-300 ms slower than the next even after the warm-up.
 *
 * <p>One daemon thread, one session, statements in the catalogue's order (first use first). It starts its next
 * statement only while no call of the memory is running: on a cold server of few cores, a call that came early would
 * otherwise share the machine with the warm-up and wait longer than with no warm-up at all. It stops at {@link #close}
 * or at the first failure, which only means the first calls plan for themselves.
 */
final class PlanWarmUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanWarmUp.class);

    /** The longest closing waits for the statement being planned. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    /** A warm-up waits for calls to end for as long as it takes (or until it is closed). */
    private static final Duration UNTIL_CLOSED = Duration.ofDays(365);

    private final Thread thread;
    private volatile boolean closed;

    private PlanWarmUp(
            Sessions sessions,
            Supplier<List<StatementCatalogue.Entry>> entries,
            BooleanSupplier callsRunning,
            Runnable rehearsal) {
        this.thread = DaemonThreads.named("graphmemory-plan-warm-up")
                .newThread(() -> run(sessions, entries, callsRunning, rehearsal));
    }

    /**
     * Starts planning the statements of {@code entries} in the background. The catalogue is made there too: building
     * every operation's statements takes a tenth of a second or more in a cold JVM, which the memory's start does not
     * wait for. {@code callsRunning} says whether a call of the memory is running, which the warm-up waits for.
     * {@code rehearsal} runs last, once no call is running: whole operations, as calls run them, that touch no memory.
     */
    static PlanWarmUp start(
            Sessions sessions,
            Supplier<List<StatementCatalogue.Entry>> entries,
            BooleanSupplier callsRunning,
            Runnable rehearsal) {
        PlanWarmUp warmUp = new PlanWarmUp(sessions, entries, callsRunning, rehearsal);
        warmUp.thread.start();
        return warmUp;
    }

    private void run(
            Sessions sessions,
            Supplier<List<StatementCatalogue.Entry>> entries,
            BooleanSupplier callsRunning,
            Runnable rehearsal) {
        long started = System.nanoTime();
        try {
            List<StatementCatalogue.Entry> catalogue = entries.get();
            // asked before each statement: it waits there while calls are running
            int ran = StatementPlans.rehearse(sessions, catalogue, () -> closed || !waitFor(callsRunning));
            LOG.debug(
                    "Warmed up {} statements ({} run and rolled back, the others planned) in {} ms",
                    catalogue.size(),
                    ran,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.debug("Planning the statements ahead stopped; first calls plan their own: {}", e.toString());
            }
            return;
        }
        if (!waitFor(callsRunning)) { // closed meanwhile
            return;
        }
        long rehearsed = System.nanoTime();
        try {
            rehearsal.run();
            LOG.debug("Rehearsed the operations in {} ms", (System.nanoTime() - rehearsed) / 1_000_000);
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.debug("Rehearsing the operations failed; their first calls warm up their own: {}", e.toString());
            }
        }
    }

    /** Whether it is still going (warming up, or waiting for calls to end). */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits while calls are running; false if the warm-up was closed meanwhile. */
    private boolean waitFor(BooleanSupplier callsRunning) {
        return DaemonThreads.pauseWhile(() -> callsRunning.getAsBoolean() && !closed, UNTIL_CLOSED) && !closed;
    }

    /**
     * Stops after the statement being planned, waiting for it at most {@link #CLOSE_WAIT}: a connection closed while
     * the server is still answering makes the server log an error ("Response write failure").
     */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
