package dev.graphmemory.model;

/**
 * One memory a search or a similarity search found.
 *
 * @param memory the memory; its texts may be shortened to fit the result budget (they then end in {@code …})
 * @param score how well it matches: the full-text relevance (higher is better, not bounded), or the vector
 *     similarity from 0 to 1
 * @param truncated whether any of its texts was shortened
 */
public record SearchHit(MemoryNode memory, double score, boolean truncated) {}
