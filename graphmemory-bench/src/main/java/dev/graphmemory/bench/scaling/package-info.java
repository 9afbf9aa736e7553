/**
 * One graphmemory process or several on one database: the same workload in one process and split between two
 * ({@link dev.graphmemory.bench.scaling.ProcessesRun}, the second a child JVM running
 * {@link dev.graphmemory.bench.scaling.Workload}), and its section of the report.
 */
package dev.graphmemory.bench.scaling;
