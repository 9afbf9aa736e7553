package dev.graphmemory.model;

import java.util.List;
import java.util.Objects;

/**
 * What a batch did with each item, in the order the items were given.
 *
 * @param items one result per input item
 * @param <T> what a stored item is
 */
public record BatchResult<T>(List<Item<T>> items) {

    /** Copies the list. */
    public BatchResult {
        items = List.copyOf(items);
    }

    /** What happened to one item. */
    public enum Status {
        /** The item was stored as a new memory. */
        CREATED,
        /** The item matched a stored memory (same entity name, same pattern, same link), which was updated. */
        UPDATED,
        /** The item was not stored; {@link Item#failure()} says why. */
        FAILED
    }

    /**
     * The result of one item.
     *
     * @param index the item's position in the input
     * @param status created, updated or failed
     * @param value the stored memory, or {@code null} when failed
     * @param errorCode the {@code MemoryException#errorCode()} of the failure, or {@code null}
     * @param failure why it failed, or {@code null}
     * @param <T> what a stored item is
     */
    public record Item<T>(int index, Status status, T value, String errorCode, String failure) {
        /** Checks that a failed item has a reason and a stored one a value. */
        public Item {
            Objects.requireNonNull(status, "status");
            if ((status == Status.FAILED) != (value == null)) {
                throw new IllegalArgumentException("a failed item has no value, a stored one has");
            }
        }

        /** Whether the item was stored. */
        public boolean stored() {
            return status != Status.FAILED;
        }
    }

    /** The stored values, in input order, without the failed items. */
    public List<T> values() {
        return items.stream().filter(Item::stored).map(Item::value).toList();
    }

    /** How many items have this status. */
    public long count(Status status) {
        return items.stream().filter(item -> item.status() == status).count();
    }

    /** The failed items. */
    public List<Item<T>> failures() {
        return items.stream().filter(item -> !item.stored()).toList();
    }

    /** Whether every item was stored. */
    public boolean allStored() {
        return items.stream().allMatch(Item::stored);
    }
}
