/**
 * Write coalescing: concurrent single writes merged into set-based transactions, one round at a time
 * ({@link dev.graphmemory.internal.coalescing.Coalescer}).
 *
 * <p>It knows a write only as a {@link dev.graphmemory.internal.coalescing.Coalescer.Write} (a kind, a namespace, the work
 * alone and the batch of many), so it never depends on the operation table. May use {@code driver} (to translate
 * failures), {@code work} and {@code telemetry}.
 */
package dev.graphmemory.internal.coalescing;
