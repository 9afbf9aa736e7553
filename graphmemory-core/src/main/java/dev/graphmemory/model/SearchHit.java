package dev.graphmemory.model;

import java.util.List;

/**
 * One memory a search or a similarity search found.
 *
 * @param memory the memory; its texts may be shortened to fit the result budget (they then end in {@code …})
 * @param score how well it matches, higher is better: for a search by words the full-text relevance (not bounded),
 *     for a search by meaning or a similarity search the cosine similarity from -1 to 1, for the default search the
 *     fused score of every signal
 * @param truncated whether any of its texts was shortened
 * @param why the signals that made it match, strongest first (empty for a similarity search)
 */
public record SearchHit(MemoryNode memory, double score, boolean truncated, List<Signal> why) {

    /** Copies the signals. */
    public SearchHit {
        why = why == null ? List.of() : List.copyOf(why);
    }

    /** A hit without signals. */
    public SearchHit(MemoryNode memory, double score, boolean truncated) {
        this(memory, score, truncated, List.of());
    }

    /**
     * One reason a memory matched a search.
     *
     * @param signal what matched: {@code words} (the full-text relevance of the query's words), {@code meaning} (the
     *     cosine similarity of the query's embedding and the memory's), {@code entity} (the memory is, involves or was
     *     said by an entity the query names), {@code context} (a turn said next to a strong hit)
     * @param score the signal's own score (for {@code words} and {@code meaning}: the raw relevance or similarity)
     * @param rank the memory's place in that signal's own ranking (1 = first), or 0 where it has none
     * @param detail what it refers to: the entity's name, or the id of the neighbouring turn; otherwise {@code null}
     */
    public record Signal(String signal, double score, int rank, String detail) {}
}
