/** The merge of two entities with many relationships each, in one transaction. */
package dev.graphmemory.bench.merge;
