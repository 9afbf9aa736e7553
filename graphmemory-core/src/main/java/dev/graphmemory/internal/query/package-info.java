/**
 * The assistant's own Cypher ({@code queryGraph}): the plan check that keeps it read-only and inside its
 * namespace ({@link dev.graphmemory.internal.query.PlanGuard}), and the conversion of any result into JSON-safe values.
 *
 * <p>May use {@code cypher} (which properties and labels are the library's own) and {@code work}.
 */
package dev.graphmemory.internal.query;
