/**
 * Work behind the writes that keeps memories findable: the search indexer moves new memories into the full-text
 * index once per tick, so that small writes do not each pay Lucene's cost
 * ({@link dev.graphmemory.internal.search.SearchIndexer}).
 *
 * <p>May use {@code cypher} (the labels and relabelling statements), {@code driver} (its own sessions), {@code work} and
 * {@code telemetry}.
 */
package dev.graphmemory.internal.search;
