package dev.graphmemory;

import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A namespace's memories as plain values: read them all out, or write them into another namespace or database.
 * Reading is paged (each page a short read transaction, in id order), so a namespace of any size streams in flat
 * memory; writing is by chunk, each chunk one transaction, all or nothing.
 *
 * <pre>{@code
 * try (Stream<SnapshotNode> nodes = memory.snapshots().nodes()) {
 *     nodes.forEach(node -> copy.snapshots().importNodes(List.of(node)));
 * }
 * }</pre>
 */
public interface MemorySnapshots {

    /** How many memories and relationships the namespace holds now. */
    Counts counts();

    /** Every memory of the namespace, in id order, read page by page as the stream is consumed. */
    Stream<SnapshotNode> nodes();

    /** Every relationship of the namespace, grouped by start memory in id order, read page by page. */
    Stream<SnapshotRelationship> relationships();

    /**
     * Which of {@code ids} the namespace holds: one read by the namespace's id index (a resumed or repeated import
     * skips what is there). At most {@value dev.graphmemory.model.Limits#SNAPSHOT_IDS} ids per call.
     *
     * @throws dev.graphmemory.exceptions.InvalidInputException when {@code ids} is null, holds null or is too long
     */
    Set<String> existing(Collection<String> ids);

    /**
     * Writes memories in one transaction: each is created, or overwritten when its id exists in the namespace.
     *
     * @throws dev.graphmemory.exceptions.DatabaseException when a memory clashes with one stored under another id
     *     (an entity of the same name, a pattern of the same key)
     */
    void importNodes(List<SnapshotNode> nodes);

    /**
     * Writes memories the namespace does not hold, in one transaction, each created without looking for it first:
     * the faster way to fill a namespace that held none of them (an empty one, or after {@link #existing}).
     *
     * @throws dev.graphmemory.exceptions.DatabaseException when a memory's id is in the namespace already, or it
     *     clashes with one stored under another id (as {@link #importNodes}); then nothing of the list is written
     */
    void createNodes(List<SnapshotNode> nodes);

    /**
     * Writes relationships in one transaction; linking again does not duplicate.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException naming {@code relationships[i].from} or {@code .to} when an
     *     end is not in the namespace; then nothing of the list is written
     */
    void importRelationships(List<SnapshotRelationship> relationships);

    /**
     * Writes relationships the namespace does not hold, in one transaction, each created without a look for one of
     * the same type between the same memories: the faster way to fill a namespace that held no memory when the copy
     * began, from a list without repeats. A relationship that is there already would then be there twice: when that
     * can be, use {@link #importRelationships}.
     *
     * @throws dev.graphmemory.exceptions.NotFoundException as {@link #importRelationships}; then nothing of the list is
     *     written
     */
    void createRelationships(List<SnapshotRelationship> relationships);

    /**
     * The size of a namespace.
     *
     * @param nodes memories
     * @param relationships relationships between them
     */
    record Counts(long nodes, long relationships) {}
}
