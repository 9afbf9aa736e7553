package dev.graphmemory.internal.run;

import dev.graphmemory.internal.coalescing.Coalescer;
import dev.graphmemory.internal.coalescing.Coalescible;
import dev.graphmemory.internal.cypher.PatternStatements;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The single writes that may be coalesced, listed once: each with its work alone and the batch operation that runs many
 * of them as one set-based statement, planned best-effort so that an item the statement itself refuses (a link to a
 * missing memory) fails alone while the others are written. The facades run every one of them through
 * {@link BlockingFacade#write} or {@link AsyncFacade#write}, which the memory of a {@code GraphMemory} sends to its
 * {@link Coalescer} when coalescing is on.
 *
 * @param name the operation, in metrics
 * @param key what two writes of one batch must not share (see {@link Coalescible#keyOf}), or {@code null}
 * @param alone the work of one write
 * @param together the batch of many writes
 * @param <I> the input of one write
 * @param <T> its result
 */
record CoalescibleWrite<I, T>(
        String name,
        Function<I, Object> key,
        BiFunction<OperationTable, I, Work<T>> alone,
        BiFunction<OperationTable, List<I>, Batches<T>> together)
        implements Coalescible<I, T> {

    static final CoalescibleWrite<NewEntity, Entity> CREATE_ENTITY = new CoalescibleWrite<>(
            "createEntity",
            NewEntity::nameKey,
            OperationTable::createEntity,
            (table, items) -> table.createEntities(items, BatchMode.BEST_EFFORT));

    static final CoalescibleWrite<NewLink, Link> LINK_NODES = new CoalescibleWrite<>(
            "linkNodes",
            link -> List.of(link.fromId(), link.relationship(), link.toId()),
            OperationTable::linkNodes,
            (table, items) -> table.linkNodes(items, BatchMode.BEST_EFFORT));

    static final CoalescibleWrite<NewCommitment, Commitment> CREATE_COMMITMENT = new CoalescibleWrite<>(
            "createCommitment",
            null,
            OperationTable::createCommitment,
            (table, items) -> table.createCommitments(items, BatchMode.BEST_EFFORT));

    static final CoalescibleWrite<NewDecision, Decision> RECORD_DECISION = new CoalescibleWrite<>(
            "recordDecision",
            null,
            OperationTable::recordDecision,
            (table, items) -> table.recordDecisions(items, BatchMode.BEST_EFFORT));

    static final CoalescibleWrite<PatternObservation, Pattern> RECORD_PATTERN = new CoalescibleWrite<>(
            "recordPattern",
            PatternStatements::key,
            OperationTable::recordPattern,
            (table, items) -> table.recordPatterns(items, BatchMode.BEST_EFFORT));

    @Override
    public Object keyOf(I input) {
        return key == null ? null : key.apply(input);
    }

    /** The write of {@code input} in the table's namespace: its own work made now, which checks the input. */
    Coalescer.Write<I, T> of(OperationTable table, I input, Coalescer.WorkExecutor executor) {
        return new Coalescer.Write<>(
                this,
                table.namespace(),
                input,
                alone.apply(table, input),
                inputs -> together.apply(table, inputs),
                executor);
    }
}
