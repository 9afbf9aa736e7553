/**
 * Work values: a unit of database work written once and run by any executor
 * ({@link dev.graphmemory.internal.work.Work}, {@link dev.graphmemory.internal.work.Statement} and their compositions),
 * set-based batches ({@link dev.graphmemory.internal.work.Batches}), statement parameters, and ids drawn before the
 * transaction ({@link dev.graphmemory.internal.work.Ids}).
 *
 * <p>Uses no other room: only the model, the exceptions and the driver's value types.
 */
package dev.graphmemory.internal.work;
