/**
 * Running work: the executors and the operation table.
 *
 * <p>{@link dev.graphmemory.internal.run.OperationTable} turns each memory operation into a unit of work (inputs checked,
 * ids drawn). The facades implement the public operation interfaces over an executor:
 * {@link dev.graphmemory.internal.run.BlockingFacade} (alone in {@link dev.graphmemory.internal.run.DefaultGraphMemory},
 * in a {@link dev.graphmemory.internal.run.SessionScope}, a {@link dev.graphmemory.internal.run.TransactionScope} or an
 * {@link dev.graphmemory.internal.run.ExplicitTransaction}) and {@link dev.graphmemory.internal.run.AsyncFacade}. They
 * decide only the transaction a unit of work runs in, never what it does. Also here: export and import, the health
 * check, and which single writes may be coalesced.
 *
 * <p>May use every other room; no room uses this one. The public API reaches it only through {@code GraphMemory.connect}
 * and {@code GraphMemory.open}.
 */
package dev.graphmemory.internal.run;
