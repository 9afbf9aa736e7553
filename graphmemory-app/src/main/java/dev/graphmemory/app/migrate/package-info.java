/**
 * {@code graphmemory migrate}: reading a graph the original Python adapter wrote ({@link OriginalGraph}), converting
 * each node and relationship to graphmemory's model ({@link Conversion}), and writing them through the snapshot import
 * in bounded batches ({@link Migration}), with what was converted, merged or skipped in a {@link MigrationReport}.
 */
package dev.graphmemory.app.migrate;
