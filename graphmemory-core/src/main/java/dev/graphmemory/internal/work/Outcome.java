package dev.graphmemory.internal.work;

import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.model.BatchResult;

/**
 * What happened to one item of a batch, keeping the exception of a failure so that an atomic batch can throw it.
 *
 * @param collateral whether the item failed only because another item of its atomic batch did
 */
public record Outcome<T>(int index, BatchResult.Status status, T value, MemoryException failure, boolean collateral) {

    public BatchResult.Item<T> item() {
        return failure == null
                ? new BatchResult.Item<>(index, status, value, null, null)
                : new BatchResult.Item<>(index, status, null, failure.errorCode(), failure.getMessage());
    }
}
