/**
 * {@code graphmemory migrate} on an original adapter's graph of many nodes ({@link dev.graphmemory.bench.migrate.MigrateRun}),
 * and its section of the report.
 */
package dev.graphmemory.bench.migrate;
