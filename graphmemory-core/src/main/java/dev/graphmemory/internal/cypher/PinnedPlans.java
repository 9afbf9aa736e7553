package dev.graphmemory.internal.cypher;

/**
 * Statements whose plan Neo4j keeps once it has made it ({@code CYPHER replan=skip}), however the counts it planned
 * for drift.
 *
 * <p>Neo4j plans a cached statement again when a count its plan used has changed by more than a threshold since, at most
 * once per ten seconds per statement. The labels of memories waiting for an index ({@code SearchPending},
 * {@code EmbedPending}) hold a handful of nodes one moment and none the next, so every statement that reads them was
 * planned again every ten seconds while writes came (measured in the growth run: most of Neo4j's re-plans, and a
 * search's context step taking 250 to 450 ms instead of 10 each time), for the same plan: each of these statements
 * names the index every one of its matches starts from ({@code USING INDEX}), and the rest of its plan follows from
 * there (or, for the count of waiting nodes, reads the count store only). Pinning is therefore kept to such
 * statements: a plan made while a label had no node is kept for good, and must not depend on the counts.
 * {@code StatementPlanIT} checks that every statement over the waiting labels is pinned and names its indexes.
 */
public final class PinnedPlans {
    private static final String SKIP = "CYPHER replan=skip\n";
    private static final String FORCE_EXPLAIN = "CYPHER replan=force EXPLAIN ";

    private PinnedPlans() {}

    /** {@code text}, planned once and kept. */
    static String pinned(String text) {
        return SKIP + text;
    }

    /** Whether {@code text} is pinned. */
    public static boolean isPinned(String text) {
        return text.startsWith(SKIP);
    }

    /**
     * {@code EXPLAIN} of {@code text} planned afresh, pinned or not (Neo4j refuses {@code replan=force} beside the
     * pinned statement's own {@code replan=skip}, so the statement is planned without it: the same plan).
     */
    public static String explainAfresh(String text) {
        return FORCE_EXPLAIN + (isPinned(text) ? text.substring(SKIP.length()) : text);
    }
}
