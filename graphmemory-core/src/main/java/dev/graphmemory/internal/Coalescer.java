package dev.graphmemory.internal;

import dev.graphmemory.Coalescing;
import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.CoalescedBatch.Pending;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write coalescing: concurrent single writes wait in one bounded FIFO queue; one dispatcher thread takes them in
 * rounds and hands each round's batches (one per kind and namespace) to a few runner threads, each batch one
 * set-based transaction (see {@link CoalescedBatch}).
 *
 * <p>A round starts when the oldest queued write has waited the window, when a full batch is queued, or at once while
 * closing; it starts only while fewer than {@code concurrency} batches run. The dispatcher then walks the queue in
 * order and puts each write into its kind's batch, unless the write must wait for a later round:
 * <ul>
 *   <li>its caller (the calling thread) has a write in a batch still running, or one that already waits: so a
 *       caller's later write never runs before, nor in the same transaction as, an earlier write of another kind;
 *   <li>its caller already has a write of another kind in this round (the two batches run in parallel);
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
    private int batchesRunning;
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
        this.runners = Executors.newFixedThreadPool(settings.concurrency(), daemons(name + "-batch-"));
        this.completions = Executors.newCachedThreadPool(daemons(name + "-callback-"));
        this.dispatcher = daemons(name + "-dispatcher").newThread(this::dispatch);
        dispatcher.start();
    }

    /** Queues the write and waits for its own result. */
    <I, T> T call(Coalescible<I, T> kind, Operations operations, WorkExecutor executor, I input) {
        CompletableFuture<T> promise = new CompletableFuture<>();
        submit(kind, operations, executor, input, promise, null);
        try {
            return promise.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemoryInterruptedException("Interrupted while waiting for a coalesced write", e);
        } catch (ExecutionException e) {
            throw Errors.translate(e.getCause());
        }
    }

    /**
     * Queues the write; the stage completes on a thread of its own (never one that runs batches, which a blocking
     * call in a callback could otherwise hold up). A stage cancelled before its batch starts is not written.
     */
    <I, T> CompletionStage<T> callAsync(Coalescible<I, T> kind, Operations operations, WorkExecutor executor, I input) {
        CompletableFuture<T> promise = new CompletableFuture<>();
        try {
            submit(kind, operations, executor, input, promise, completions);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Errors.translate(e));
        }
        return promise;
    }

    private <I, T> void submit(
            Coalescible<I, T> kind,
            Operations operations,
            WorkExecutor executor,
            I input,
            CompletableFuture<T> promise,
            java.util.concurrent.Executor handOver) {
        Work<T> alone = kind.alone().apply(operations, input); // checks the input before it is queued
        Pending<I, T> pending = new Pending<>(
                kind,
                operations,
                executor,
                input,
                alone,
                kind.keyOf(input),
                Thread.currentThread().getId(),
                System.nanoTime(),
                promise,
                handOver);
        lock.lock();
        try {
            if (closed) {
                throw new UnavailableException("The memory is closed", null);
            }
            if (queue.size() >= settings.queueCapacity()) {
                telemetry.coalescingRejected(kind.name());
                throw new BusyException(
                        "Too many writes are waiting (" + settings.queueCapacity() + "); try again shortly", null);
            }
            queue.addLast(pending);
            if (idle || queue.size() >= settings.maxBatch()) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        lock.lock();
        try {
            while (!closed || !queue.isEmpty() || batchesRunning > 0) {
                if (queue.isEmpty() || batchesRunning >= settings.concurrency()) {
                    awaitChange();
                    continue;
                }
                gather();
                List<CoalescedBatch<?, ?>> round = takeRound();
                if (round.isEmpty()) { // every queued write waits for an earlier one of its caller
                    awaitChange();
                    continue;
                }
                start(round);
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

    /** Waits until the oldest write has waited the window, or a full batch is queued, or the memory is closing. */
    private void gather() throws InterruptedException {
        long deadline = queue.peekFirst().enqueued() + settings.window().toNanos();
        long left;
        while (!closed && queue.size() < settings.maxBatch() && (left = deadline - System.nanoTime()) > 0) {
            changed.awaitNanos(left);
        }
    }

    /** Takes the writes of the next round out of the queue, in batches (see the class comment for who waits). */
    private List<CoalescedBatch<?, ?>> takeRound() {
        List<CoalescedBatch<?, ?>> round = new ArrayList<>();
        Map<Long, CoalescedBatch<?, ?>> callers = new HashMap<>();
        Set<Long> waiting = new HashSet<>();
        int free = settings.concurrency() - batchesRunning;
        for (Iterator<Pending<?, ?>> it = queue.iterator(); it.hasNext(); ) {
            Pending<?, ?> pending = it.next();
            if (pending.promise().isDone()) { // cancelled before it started
                it.remove();
                continue;
            }
            long caller = pending.caller();
            CoalescedBatch<?, ?> batch = waiting.contains(caller) || running.containsKey(caller)
                    ? null
                    : batchFor(pending, round, callers.get(caller), free);
            if (batch == null) {
                waiting.add(caller);
            } else {
                batch.add(pending);
                callers.put(caller, batch);
                it.remove();
            }
        }
        return round;
    }

    /** The batch of the round the write joins, a new one if it may start one, or {@code null} if it must wait. */
    private CoalescedBatch<?, ?> batchFor(
            Pending<?, ?> pending, List<CoalescedBatch<?, ?>> round, CoalescedBatch<?, ?> callersBatch, int free) {
        int max = settings.maxBatch();
        if (callersBatch != null) {
            return callersBatch.accepts(pending, max) ? callersBatch : null;
        }
        for (CoalescedBatch<?, ?> batch : round) {
            if (batch.accepts(pending, max)) {
                return batch;
            }
        }
        if (round.size() == free) {
            return null;
        }
        CoalescedBatch<?, ?> batch = newBatch(pending);
        round.add(batch);
        return batch;
    }

    private static <I, T> CoalescedBatch<I, T> newBatch(Pending<I, T> pending) {
        return new CoalescedBatch<>(pending.kind(), pending.operations().namespace());
    }

    private void start(List<CoalescedBatch<?, ?>> round) {
        for (CoalescedBatch<?, ?> batch : round) {
            batchesRunning++;
            batch.items().forEach(item -> running.merge(item.caller(), 1, Integer::sum));
        }
        lock.unlock();
        try {
            round.forEach(batch -> runners.execute(() -> run(batch)));
        } finally {
            lock.lock();
        }
    }

    /** Runs one batch; its callers' later writes may go once it ended, before the callers hear of it. */
    private void run(CoalescedBatch<?, ?> batch) {
        List<Runnable> handOver;
        try {
            handOver = batch.run(telemetry);
        } catch (RuntimeException | Error e) {
            LOG.error("A coalesced batch failed unexpectedly", e);
            RuntimeException failure = Errors.translate(e);
            handOver = batch.items().stream().map(item -> item.fail(failure)).toList();
        } finally {
            finished(batch);
        }
        handOver.forEach(Runnable::run);
    }

    private void finished(CoalescedBatch<?, ?> batch) {
        lock.lock();
        try {
            batchesRunning--;
            batch.items().forEach(item -> running.computeIfPresent(item.caller(), (c, n) -> n == 1 ? null : n - 1));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
            LOG.warn("Writes still queued after {}: failing them", drainLimit);
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

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
