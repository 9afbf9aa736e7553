/**
 * The growth run: one namespace grown from empty to 200,000 memories by single calls, every call timed, with Neo4j's
 * re-plans counted ({@link dev.graphmemory.bench.growth.GrowthRun}), and its section of the report.
 */
package dev.graphmemory.bench.growth;
