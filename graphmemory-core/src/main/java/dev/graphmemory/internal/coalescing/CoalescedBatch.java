package dev.graphmemory.internal.coalescing;

import dev.graphmemory.exceptions.BusyException;
import dev.graphmemory.exceptions.CommitOutcomeUnknownException;
import dev.graphmemory.exceptions.MemoryInterruptedException;
import dev.graphmemory.exceptions.TransientMemoryException;
import dev.graphmemory.exceptions.UnavailableException;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Outcome;
import dev.graphmemory.internal.work.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes of one kind and one namespace that {@link Coalescer} runs as one set-based transaction.
 *
 * <p>The batch statement is planned best-effort, so an item that the statement itself refuses (a link to a missing
 * memory) fails alone and the rest are written in the same transaction. When the transaction fails as a whole for a
 * reason one item could cause (invalid data, a constraint, a timeout), nothing of it was committed, and each write
 * then runs alone, in order, so that only the bad one fails: a <em>fallback</em>. When it fails for a reason that
 * every write would meet alone too (the database unavailable, the pool exhausted, the retry budget spent, an
 * interruption), every write fails with it at once.
 *
 * <p>The batch is rebuilt from the inputs with ids of its own; a retry of its transaction replays those ids, and a
 * fallback runs each write's own work, made with its ids when it was queued. Both are idempotent, and they never both
 * commit, since a fallback only follows a transaction that failed.
 */
final class CoalescedBatch<I, T> {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescedBatch.class);

    private final Coalescible<I, T> kind;
    private final String namespace;
    private final List<Pending<I, T>> items = new ArrayList<>();
    private final Set<Object> keys = new HashSet<>();

    /**
     * One queued write.
     *
     * @param write what to write, and how
     * @param key what it must not share with another write of its batch, or {@code null}
     * @param caller the thread that called it: its later writes never run before this one has
     * @param completions where its result is handed over ({@code null}: on the thread that ran the batch)
     */
    record Pending<I, T>(
            Coalescer.Write<I, T> write,
            Object key,
            long caller,
            long enqueued,
            CompletableFuture<T> promise,
            Executor completions) {

        Coalescible<I, T> kind() {
            return write.kind();
        }

        String namespace() {
            return write.namespace();
        }

        Runnable succeed(T value) {
            return handOver(() -> promise.complete(value));
        }

        Runnable fail(RuntimeException failure) {
            return handOver(() -> promise.completeExceptionally(failure));
        }

        /** Runs the write in a transaction of its own; returns how to hand its outcome over. */
        Runnable runAlone() {
            try {
                return succeed(write.executor().execute(write.alone()));
            } catch (RuntimeException e) {
                return fail(Errors.translate(e));
            }
        }

        private Runnable handOver(Runnable completion) {
            return completions == null
                    ? completion
                    : () -> {
                        try {
                            completions.execute(completion);
                        } catch (RejectedExecutionException closing) { // the coalescer has stopped its callback threads
                            completion.run();
                        }
                    };
        }
    }

    CoalescedBatch(Coalescible<I, T> kind, String namespace) {
        this.kind = kind;
        this.namespace = namespace;
    }

    /** Whether the write may join this batch: same kind and namespace, room left, nothing shared with the others. */
    boolean accepts(Pending<?, ?> pending, int maxBatch) {
        return holds(pending) && items.size() < maxBatch && (pending.key() == null || !keys.contains(pending.key()));
    }

    /** Whether the write is of this batch's kind and namespace. */
    boolean holds(Pending<?, ?> pending) {
        return pending.kind() == kind && pending.namespace().equals(namespace);
    }

    String name() {
        return kind.name();
    }

    @SuppressWarnings("unchecked") // accepts() checked that the write is of this batch's kind
    void add(Pending<?, ?> pending) {
        Pending<I, T> item = (Pending<I, T>) pending;
        items.add(item);
        if (item.key() != null) {
            keys.add(item.key());
        }
    }

    List<Pending<I, T>> items() {
        return items;
    }

    /** Records how long the writes waited and how many run together. */
    void measure(Telemetry telemetry, long now) {
        items.forEach(item -> telemetry.coalescingWait(kind.name(), now - item.enqueued()));
        telemetry.coalesced(kind.name(), items.size());
    }

    /** The batch statement of the writes, to run in a transaction with other batches of the same round. */
    Work<Object> work() {
        List<I> inputs = items.stream().map(item -> item.write().input()).toList();
        Batches<T> batch = items.get(0).write().together().apply(inputs);
        return batch.outcomesInOneTransaction().map(outcomes -> outcomes);
    }

    /** Runs the batch in a transaction of its own; returns how to hand each write its outcome. */
    List<Runnable> run(Telemetry telemetry) {
        long started = System.nanoTime();
        Object outcomes;
        try {
            outcomes = items.get(0).write().executor().execute(work());
            LOG.debug("{}: {} writes in one transaction, {} µs", kind.name(), items.size(), micros(started));
        } catch (RuntimeException e) {
            RuntimeException failure = Errors.translate(e);
            if (items.size() == 1 || sharedByAll(failure)) {
                return failAll(failure);
            }
            LOG.debug("{}: {} writes failed together ({}); running them alone", kind.name(), items.size(), failure);
            telemetry.coalescingFallback(kind.name());
            return items.stream().map(Pending::runAlone).toList();
        }
        return handOver(outcomes);
    }

    /** Every write fails with the same failure. */
    List<Runnable> failAll(RuntimeException failure) {
        return items.stream().map(item -> item.fail(failure)).toList();
    }

    /**
     * Each write's own outcome, from what {@link #work()} returned; a write the statement reported nothing for runs
     * alone.
     */
    @SuppressWarnings("unchecked") // work() made it
    List<Runnable> handOver(Object result) {
        List<Outcome<T>> outcomes = (List<Outcome<T>>) result;
        Map<Integer, Outcome<T>> byIndex = new HashMap<>();
        outcomes.forEach(outcome -> byIndex.put(outcome.index(), outcome));
        List<Runnable> completions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Pending<I, T> item = items.get(i);
            Outcome<T> outcome = byIndex.get(i);
            if (outcome == null) {
                completions.add(item.runAlone());
            } else if (outcome.failure() != null) {
                completions.add(item.fail(outcome.failure()));
            } else {
                completions.add(item.succeed(Objects.requireNonNull(outcome.value(), "value")));
            }
        }
        return completions;
    }

    static long micros(long since) {
        return (System.nanoTime() - since) / 1_000;
    }

    /** Whether every write would have met this failure alone, so that running them alone would not help. */
    static boolean sharedByAll(RuntimeException failure) {
        return failure instanceof UnavailableException
                || failure instanceof BusyException
                || failure instanceof TransientMemoryException
                || failure instanceof MemoryInterruptedException
                || failure instanceof CommitOutcomeUnknownException;
    }
}
