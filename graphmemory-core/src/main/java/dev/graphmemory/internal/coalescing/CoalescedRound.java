package dev.graphmemory.internal.coalescing;

import dev.graphmemory.internal.coalescing.CoalescedBatch.Pending;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.neo4j.driver.AccessMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of one round in one namespace, run as one transaction: one set-based statement per kind, one commit for
 * them all. Each caller has writes in one batch of a round at most, so the order of the statements does not matter
 * to anyone's order of writes.
 *
 * <p>If the transaction fails as a whole for a reason a write could cause, each batch runs in a transaction of its own
 * (where, failing again, its writes run alone: see {@link CoalescedBatch}).
 */
final class CoalescedRound {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescedRound.class);
    /** The operation name of a transaction holding several kinds (one kind alone goes by its batch operation). */
    static final String NAME = "coalesced";

    private final String namespace;
    private final List<CoalescedBatch<?, ?>> batches = new ArrayList<>();
    private long started;

    CoalescedRound(String namespace) {
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    /** Notes when the round was handed to a runner. */
    void start() {
        started = System.nanoTime();
    }

    long started() {
        return started;
    }

    List<CoalescedBatch<?, ?>> batches() {
        return batches;
    }

    /** The batch of its kind the write joins (a new one if its kind has none yet), or {@code null} if it must wait. */
    CoalescedBatch<?, ?> batchFor(Pending<?, ?> pending, int maxBatch) {
        for (CoalescedBatch<?, ?> batch : batches) {
            if (batch.holds(pending)) {
                return batch.accepts(pending, maxBatch) ? batch : null;
            }
        }
        CoalescedBatch<?, ?> batch = newBatch(pending);
        batches.add(batch);
        return batch;
    }

    private static <I, T> CoalescedBatch<I, T> newBatch(Pending<I, T> pending) {
        return new CoalescedBatch<>(pending.kind(), pending.namespace());
    }

    /** Runs the round; returns how to hand each write its outcome. */
    List<Runnable> run(Telemetry telemetry) {
        long started = System.nanoTime();
        batches.forEach(batch -> batch.measure(telemetry, started));
        if (batches.size() == 1) {
            return batches.get(0).run(telemetry);
        }
        String name = batches.stream().map(CoalescedBatch::name).collect(Collectors.joining("+"));
        List<Object> results;
        try {
            List<Work<Object>> statements =
                    batches.stream().map(CoalescedBatch::work).toList();
            Coalescer.WorkExecutor executor =
                    batches.get(0).items().get(0).write().executor();
            results = executor.execute(Work.sequence(NAME, AccessMode.WRITE, statements));
            LOG.debug(
                    "{}: {} writes in one transaction, {} µs",
                    name,
                    batches.stream().mapToInt(batch -> batch.items().size()).sum(),
                    CoalescedBatch.micros(started));
        } catch (RuntimeException e) {
            RuntimeException failure = Errors.translate(e);
            if (CoalescedBatch.sharedByAll(failure)) {
                return batches.stream()
                        .flatMap(batch -> batch.failAll(failure).stream())
                        .toList();
            }
            LOG.debug("{} failed together ({}); running each kind apart", name, failure);
            return batches.stream()
                    .flatMap(batch -> batch.run(telemetry).stream())
                    .toList();
        }
        List<Runnable> handOver = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            handOver.addAll(batches.get(i).handOver(results.get(i)));
        }
        return handOver;
    }
}
