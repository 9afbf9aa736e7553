package dev.graphmemory.internal;

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
 * A single write that {@link Coalescer} may merge with others of its kind: the operation alone, and the batch
 * operation that runs many of them as one set-based statement. The batch is planned best-effort, so that an item the
 * statement itself refuses (a link to a missing memory) fails alone while the others are written.
 *
 * @param name the operation, in metrics
 * @param key what two writes of one batch must not share, because the batch statement would merge them into one row
 *     (the same entity name, pattern or link): such a write waits for the next batch and then sees the first one
 *     committed, exactly as if it had run alone after it; {@code null} when writes never share anything
 * @param alone the work of one write, made (and its input checked, its ids drawn) before it is queued
 * @param together the batch of many writes
 * @param <I> the input of one write
 * @param <T> its result
 */
record Coalescible<I, T>(
        String name,
        Function<I, Object> key,
        BiFunction<Operations, I, Work<T>> alone,
        BiFunction<Operations, List<I>, Batches<T>> together) {

    static final Coalescible<NewEntity, Entity> CREATE_ENTITY = new Coalescible<>(
            "createEntity",
            NewEntity::nameKey,
            Operations::createEntity,
            (operations, items) -> operations.createEntities(items, BatchMode.BEST_EFFORT));

    static final Coalescible<NewLink, Link> LINK_NODES = new Coalescible<>(
            "linkNodes",
            link -> List.of(link.fromId(), link.relationship(), link.toId()),
            (operations, link) -> operations.linkNodes(link),
            (operations, items) -> operations.linkNodes(items, BatchMode.BEST_EFFORT));

    static final Coalescible<NewCommitment, Commitment> CREATE_COMMITMENT = new Coalescible<>(
            "createCommitment",
            null,
            Operations::createCommitment,
            (operations, items) -> operations.createCommitments(items, BatchMode.BEST_EFFORT));

    static final Coalescible<NewDecision, Decision> RECORD_DECISION = new Coalescible<>(
            "recordDecision",
            null,
            Operations::recordDecision,
            (operations, items) -> operations.recordDecisions(items, BatchMode.BEST_EFFORT));

    static final Coalescible<PatternObservation, Pattern> RECORD_PATTERN = new Coalescible<>(
            "recordPattern",
            PatternStatements::key,
            Operations::recordPattern,
            (operations, items) -> operations.recordPatterns(items, BatchMode.BEST_EFFORT));

    /** What a write of this kind must not share with another of its batch, or {@code null}. */
    Object keyOf(I input) {
        return key == null ? null : key.apply(input);
    }
}
