package dev.graphmemory.exceptions;

/**
 * Marks a failure that may succeed when tried again unchanged (a transient database condition, a busy pool, an
 * unreachable server). Managed operations already retried it within the configured retry budget.
 */
public sealed interface RetryableException permits TransientMemoryException, UnavailableException, BusyException {}
