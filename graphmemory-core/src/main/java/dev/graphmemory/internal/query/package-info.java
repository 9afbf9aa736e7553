/**
 * The assistant's own Cypher ({@code queryGraph}): the plan check that keeps it read-only and inside its
 * namespace ({@link dev.graphmemory.internal.query.PlanGuard}), the check that refuses work the database cannot stop
 * ({@link dev.graphmemory.internal.query.ExpressionBounds}), and the conversion of any result into JSON-safe values
 * within a character budget.
 *
 * <p>May use {@code cypher} (which properties and labels are the library's own) and {@code work}.
 */
package dev.graphmemory.internal.query;
