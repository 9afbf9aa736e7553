package dev.graphmemory.internal.coalescing;

import dev.graphmemory.Coalescing;
import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.coalescing.CoalescedBatch.Pending;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.telemetry.DaemonThreads;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Work;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write coalescing: concurrent single writes wait in one bounded FIFO queue; one dispatcher thread takes them in
 * rounds and hands each round (the writes of one namespace) to a runner thread, which runs it as one transaction with
 * one set-based statement per kind (see {@link CoalescedRound} and {@link CoalescedBatch}).
 *
 * <p>Fewer, larger transactions are the point, so a round normally starts only when none runs: one window after the
 * oldest write arrived, but not before the callers of the last round, writing again at once, are back (as many writes
 * queued as that round had), or a short while after it ended has passed (see {@link #returning}). While a round runs, another starts beside it (up to {@code concurrency}) only for
 * writes that have waited longer than rounds usually take (see {@link #stall()}), so that one slow transaction (a lock
 * wait, a re-plan) does not hold up
 * everyone. A full batch, or closing, starts a round at once. The dispatcher then walks the queue in order and puts
 * each write into its kind's batch, unless the write must wait for a later round:
 * <ul>
 *   <li>its caller (the calling thread) has a write in a round still running, or one that already waits: so a
 *       caller's later write never runs before an earlier one has;
 *   <li>its caller already has a write of another kind in this round: so a caller's writes never depend on the order
 *       of the statements within one transaction;
 *   <li>its batch is full, or already has a write with the same key (the same entity name, pattern or link), which
 *       the batch statement would merge: the second one then runs after the first committed, as it would alone.
 * </ul>
 * Writes of one caller in one batch keep their order in it (the batch statements sort rows stably), so the last of
 * them wins, as it would alone. A blocking caller has at most one write queued, so for it all this is automatic.
 *
 * <p>The queue is bounded: a write that finds it full fails at once with a {@link BusyException}. {@link #close()}
 * stops taking writes, runs what is queued without waiting for the window, and, if that takes longer than the drain
 * limit, fails what is left with an {@link UnavailableException} and interrupts the batches still running.
 */
public final class Coalescer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Coalescer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** The least the oldest write waits for a running round before another one starts beside it. */
    static final Duration MIN_STALL = Duration.ofMillis(20);

    private static final long MAX_STALL_NANOS = Duration.ofSeconds(1).toNanos();
    /** The longest a round waits for the callers of the last one to write again. */
    static final Duration MAX_RETURN = Duration.ofMillis(10);

    /** Runs work in a transaction of its own, retried like any operation called alone. */
    @FunctionalInterface
    public interface WorkExecutor {
        /** Runs the work; throws a {@code MemoryException} on failure. */
        <T> T execute(Work<T> work);
    }

    private final Coalescing settings;
    private final Duration drainLimit;
    private final Telemetry telemetry;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<?, ?>> queue = new ArrayDeque<>();
    private final Map<Long, Integer> running = new HashMap<>(); // callers with writes in running batches
    private int roundsRunning;
    private long lastFinished = System.nanoTime();
    private double usualRoundNanos; // a moving average of how long rounds take
    private int lastRoundWrites; // the writes of the round that ended last
    private boolean closed;
    private boolean idle; // the dispatcher waits for any change, not for the window to end
    private final ExecutorService runners;
    private final ExecutorService completions;
    private final Thread dispatcher;

    /**
     * Starts the dispatcher.
     *
     * @param drainLimit how long {@link #close()} lets queued writes run before it fails them
     */
    public Coalescer(Coalescing settings, Duration drainLimit, Telemetry telemetry) {
        this.settings = settings;
        this.drainLimit = drainLimit;
        this.telemetry = telemetry;
        String name = "graphmemory-coalescer-" + INSTANCES.incrementAndGet();
        this.runners = Executors.newFixedThreadPool(settings.concurrency(), DaemonThreads.named(name + "-batch-"));
        this.completions = Executors.newCachedThreadPool(DaemonThreads.named(name + "-callback-"));
        this.dispatcher = DaemonThreads.named(name + "-dispatcher").newThread(this::dispatch);
        dispatcher.start();
    }

    /**
     * One write handed to the coalescer.
     *
     * @param kind what kind of write it is
     * @param namespace the namespace it writes in: a round holds the writes of one namespace
     * @param input its input, checked already
     * @param alone its own work (its ids drawn), run when it must run alone
     * @param together the batch statement of many inputs of this kind, planned best-effort
     * @param executor runs a transaction alone, retried
     */
    public record Write<I, T>(
            Coalescible<I, T> kind,
            String namespace,
            I input,
            Work<T> alone,
            Function<List<I>, Batches<T>> together,
            WorkExecutor executor) {}

    /** Queues the write and waits for its own result; an interrupt while it is still queued withdraws it. */
    public <I, T> T call(Write<I, T> write) {
        CompletableFuture<T> promise = new CompletableFuture<>();
        submit(write, promise, null);
        try {
            return promise.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            promise.cancel(false); // not written if it still waits in the queue
            throw new MemoryInterruptedException("Interrupted while waiting for a coalesced write", e);
        } catch (ExecutionException e) {
            throw Errors.translate(e.getCause());
        }
    }

    /**
     * Queues the write; the stage completes on a thread of its own (never one that runs batches, which a blocking
     * call in a callback could otherwise hold up). A stage cancelled before its batch starts is not written.
     */
    public <I, T> CompletionStage<T> callAsync(Write<I, T> write) {
        CompletableFuture<T> promise = new CompletableFuture<>();
        try {
            submit(write, promise, completions);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
        return promise;
    }

    private <I, T> void submit(Write<I, T> write, CompletableFuture<T> promise, Executor handOver) {
        Pending<I, T> pending = new Pending<>(
                write,
                write.kind().keyOf(write.input()),
                Thread.currentThread().getId(),
                System.nanoTime(),
                promise,
                handOver);
        String kind = write.kind().name();
        lock.lock();
        try {
            if (closed) {
                throw new UnavailableException("The memory is closed", null);
            }
            if (queue.size() >= settings.queueCapacity()) {
                telemetry.coalescingRejected(kind);
                throw new BusyException(
                        "Too many writes are waiting (" + settings.queueCapacity() + "); try again shortly", null);
            }
            queue.addLast(pending);
            if (idle || queue.size() >= settings.maxBatch() || queue.size() == lastRoundWrites) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        lock.lock();
        try {
            while (!closed || !queue.isEmpty() || roundsRunning > 0) {
                if (queue.isEmpty() || roundsRunning >= settings.concurrency()) {
                    awaitChange();
                    continue;
                }
                if (!gathered()) {
                    continue;
                }
                List<CoalescedRound> rounds = takeRounds();
                if (rounds.isEmpty()) { // every queued write waits for an earlier one of its caller
                    awaitChange();
                    continue;
                }
                start(rounds);
            }
        } catch (InterruptedException e) {
            failQueued(); // close() gave up draining
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange() throws InterruptedException {
        idle = true;
        try {
            changed.await();
        } finally {
            idle = false;
        }
    }

    /**
     * Waits (once) for the moment the next round may start, and says whether it has come. When no round runs: as soon
     * as the callers of the last round are back, else one window after the oldest write's arrival but not before
     * {@link #returning} after the last round ended. While one runs: {@link #stall()} after the oldest write's arrival.
     * At once when a full batch is queued or the memory is closing.
     */
    private boolean gathered() throws InterruptedException {
        if (closed || queue.size() >= settings.maxBatch()) {
            return true;
        }
        long oldest = queue.peekFirst().enqueued();
        long window = settings.window().toNanos();
        long deadline;
        if (roundsRunning > 0) {
            deadline = oldest + Math.max(stall(), window);
        } else if (lastRoundWrites > 1 && queue.size() >= lastRoundWrites) {
            return true; // the callers of the last round are all back
        } else {
            deadline = Math.max(oldest + window, lastFinished + returning(window));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return true;
        }
        changed.awaitNanos(left);
        return false;
    }

    /**
     * How long after a round ended the next waits for that round's callers to write again: the window, or a quarter
     * of the usual round time if longer (a busy machine takes a while to run the callers' threads again), at most
     * {@link #MAX_RETURN}.
     */
    private long returning(long window) {
        return Math.max(window, Math.min(MAX_RETURN.toNanos(), (long) (usualRoundNanos / 4)));
    }

    /**
     * How long the oldest write waits for a running round before another starts beside it: four times as long as
     * rounds usually take, at least {@link #MIN_STALL} and at most a second. On a machine whose cores are all busy,
     * rounds side by side only share them and each gets fewer writes; a round stuck much longer than usual (waiting
     * for a lock, say) should not hold up the others.
     */
    private long stall() {
        return Math.min(MAX_STALL_NANOS, Math.max(MIN_STALL.toNanos(), (long) (4 * usualRoundNanos)));
    }

    /** Takes the writes of the next rounds out of the queue, a round per namespace (see the class comment). */
    private List<CoalescedRound> takeRounds() {
        Map<String, CoalescedRound> rounds = new LinkedHashMap<>();
        Map<Long, CoalescedBatch<?, ?>> callers = new HashMap<>();
        Set<Long> waiting = new HashSet<>();
        int free = settings.concurrency() - roundsRunning;
        for (Iterator<Pending<?, ?>> it = queue.iterator(); it.hasNext(); ) {
            Pending<?, ?> pending = it.next();
            if (pending.promise().isDone()) { // cancelled before it started
                it.remove();
                continue;
            }
            long caller = pending.caller();
            CoalescedBatch<?, ?> batch = waiting.contains(caller) || running.containsKey(caller)
                    ? null
                    : batchFor(pending, rounds, callers.get(caller), free);
            if (batch == null) {
                waiting.add(caller);
            } else {
                batch.add(pending);
                callers.put(caller, batch);
                it.remove();
            }
        }
        return new ArrayList<>(rounds.values());
    }

    /** The batch the write joins, in a new round if it may start one, or {@code null} if it must wait. */
    private CoalescedBatch<?, ?> batchFor(
            Pending<?, ?> pending, Map<String, CoalescedRound> rounds, CoalescedBatch<?, ?> callersBatch, int free) {
        if (callersBatch != null) {
            return callersBatch.accepts(pending, settings.maxBatch()) ? callersBatch : null;
        }
        String namespace = pending.write().namespace();
        CoalescedRound round = rounds.get(namespace);
        if (round == null) {
            if (rounds.size() == free) {
                return null;
            }
            round = new CoalescedRound(namespace);
            rounds.put(namespace, round);
        }
        return round.batchFor(pending, settings.maxBatch());
    }

    private void start(List<CoalescedRound> rounds) {
        for (CoalescedRound round : rounds) {
            roundsRunning++;
            round.start();
            callers(round).forEach(caller -> running.merge(caller, 1, Integer::sum));
        }
        lock.unlock();
        try {
            rounds.forEach(round -> runners.execute(() -> run(round)));
        } finally {
            lock.lock();
        }
    }

    /** Runs one round; its callers' later writes may go once it ended, before the callers hear of it. */
    private void run(CoalescedRound round) {
        List<Runnable> handOver;
        try {
            handOver = round.run(telemetry);
        } catch (RuntimeException | Error e) {
            LOG.error("A coalesced transaction failed unexpectedly: {}", e.toString());
            LOG.debug("A coalesced transaction failed unexpectedly", e);
            RuntimeException failure = Errors.translate(e);
            handOver = round.batches().stream()
                    .flatMap(batch -> batch.failAll(failure).stream())
                    .toList();
        } finally {
            finished(round);
        }
        handOver.forEach(Runnable::run);
    }

    private void finished(CoalescedRound round) {
        lock.lock();
        try {
            roundsRunning--;
            lastFinished = System.nanoTime();
            long took = lastFinished - round.started();
            lastRoundWrites = round.batches().stream()
                    .mapToInt(batch -> batch.items().size())
                    .sum();
            usualRoundNanos = usualRoundNanos == 0 ? took : 0.8 * usualRoundNanos + 0.2 * took;
            callers(round).forEach(caller -> running.computeIfPresent(caller, (c, n) -> n == 1 ? null : n - 1));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static List<Long> callers(CoalescedRound round) {
        return round.batches().stream()
                .flatMap(batch -> batch.items().stream())
                .map(Pending::caller)
                .toList();
    }

    private void failQueued() {
        UnavailableException closedFirst = new UnavailableException("The memory was closed before the write ran", null);
        queue.forEach(pending -> pending.fail(closedFirst).run());
        queue.clear();
    }

    /**
     * Stops taking writes and runs those queued; after the drain limit, fails what is still queued and interrupts the
     * batches still running. Returns when every thread of the coalescer has ended.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        try {
            dispatcher.join(drainLimit.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (dispatcher.isAlive()) {
            LOG.warn("Coalesced writes still queued or running after {}: failing them", drainLimit);
            dispatcher.interrupt();
        }
        interrupted |= stop(dispatcher, runners);
        interrupted |= stop(null, completions);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the threads; returns whether this thread was interrupted meanwhile. */
    private static boolean stop(Thread thread, ExecutorService pool) {
        try {
            if (thread != null) {
                thread.join();
            }
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
            return false;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            return true;
        }
    }
}
