package dev.graphmemory.internal.cypher;

import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.SearchQuery;
import java.util.List;

/**
 * The labels that put a node in the full-text index, and when a write sets which (see {@code SearchIndexer}).
 *
 * <p>The write statements of the searchable kinds label a new node {@code SearchPending} ({@link #PENDING}); a
 * statement of {@link #DIRECT_ROWS} rows or more labels it {@code Searchable} ({@link #INDEXED}) at once, since the
 * index's per-transaction cost is small beside such a write.
 */
public final class SearchIndexing {
    /** The label the full-text index covers. */
    public static final String INDEXED = "Searchable";

    /** The label of a new node the full-text index does not cover yet. */
    public static final String PENDING = "SearchPending";

    /** The label of a searchable node whose text waits for its embedding. */
    public static final String EMBED_PENDING = "EmbedPending";

    /** The property holding a memory's embedding by the configured {@code Embedder}, made from its text. */
    public static final String TEXT_VECTOR = "textVector";

    /** From this many rows on, a write indexes its own nodes. */
    static final int DIRECT_ROWS = 100;

    /** The kinds the full-text index covers. */
    static final List<MemoryKind> KINDS =
            SearchQuery.SEARCHABLE.stream().sorted().toList();

    /** Indexes at most {@code $batch} pending nodes of any namespace but those in {@code $busy}. */
    public static final String INDEX_PENDING = """
            MATCH (n:SearchPending) WHERE NOT n.namespace IN $busy
            WITH n LIMIT $batch
            REMOVE n:SearchPending SET n:Searchable
            RETURN count(n) AS indexed
            """;

    /**
     * Indexes the pending nodes of {@code $namespace}, in a transaction of its own before a search. A full-text query
     * in the same transaction could miss a node the indexer relabelled meanwhile: the relabelling here is then a no-op
     * and the query's reader predates the indexer's commit (measured: 17 misses in 600 searches right after a write
     * in one statement, 5 in two statements of one transaction, 0 in two transactions).
     */
    public static final String INDEX_NAMESPACE = relabelNamespace() + "RETURN count(p) AS indexed\n";

    /**
     * The same, as a subquery to put first in a search inside a transaction scope, where it also indexes the
     * scope's own new memories (a full-text query sees its transaction's changes). The indexer leaves the namespace
     * alone while the scope is open (see {@code SearchIndexer.scopeOpened}).
     */
    static final String INDEX_NAMESPACE_FIRST = "CALL {\n" + relabelNamespace() + "}\n";

    private static final String PENDING_LABEL = ":" + PENDING;

    private SearchIndexing() {}

    /** Relabels the pending nodes of {@code $namespace}, as {@code p}. */
    private static String relabelNamespace() {
        return """
                MATCH (p:SearchPending) WHERE p.namespace = $namespace
                REMOVE p:SearchPending SET p:Searchable
                """;
    }

    /** A Cypher predicate: {@code variable} has the label of a searchable kind. */
    static String ofSearchableKind(String variable) {
        return KINDS.stream()
                .map(kind -> variable + ":" + kind.label())
                .collect(java.util.stream.Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code text} as written for {@code rows} rows: its new nodes pending, or indexed for a large write. */
    public static String forRows(String text, int rows) {
        return rows >= DIRECT_ROWS ? text.replace(PENDING_LABEL, ":" + INDEXED) : text;
    }

    /** Whether nodes of this kind are searchable. */
    public static boolean searchable(MemoryKind kind) {
        return KINDS.contains(kind);
    }
}
