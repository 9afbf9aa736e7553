/**
 * The first call of each tool in a fresh process ({@link dev.graphmemory.bench.startup.StartupRun}, which starts
 * {@link dev.graphmemory.bench.startup.FirstCalls} as a child JVM per configuration), and its section of the report.
 */
package dev.graphmemory.bench.startup;
