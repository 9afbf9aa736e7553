package dev.graphmemory.model;

import java.util.List;

/**
 * The hits of a search or a similarity search, best first, within the result budget.
 *
 * @param hits the hits
 * @param truncated whether something was left out: more hits than the limit, hits dropped or texts shortened to fit
 *     the character budget
 */
public record SearchResult(List<SearchHit> hits, boolean truncated) {

    /** Copies the list. */
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
