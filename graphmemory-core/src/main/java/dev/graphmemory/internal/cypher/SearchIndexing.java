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
 *
 * <p>A pending node enters the index in two steps, in two transactions: it is first labelled {@code Searchable}
 * (keeping {@code SearchPending}), and only a later transaction removes {@code SearchPending}. Neo4j updates its
 * indexes one after another while a transaction commits, so a reader may see a node already gone from the index of
 * pending nodes but not yet in the full-text index; with one step, a search that indexes its namespace's pending
 * nodes and then queries could miss a node another indexer was relabelling at that moment (measured: 3 misses in 150
 * searches inside transactions, with a second {@code GraphMemory} indexing the same namespace). With two steps a
 * node leaves {@code SearchPending} only after the commit that put it in the full-text index has ended, so a search
 * finds every node either pending (and indexes it itself) or in the index.
 */
public final class SearchIndexing {
    /** The label the full-text index covers. */
    public static final String INDEXED = "Searchable";

    /** The label of a new node the full-text index does not cover yet. */
    public static final String PENDING = "SearchPending";

    /** The label of a searchable node whose text waits for its embedding. */
    public static final String EMBED_PENDING = "EmbedPending";

    /** From this many rows on, a write indexes its own nodes. */
    public static final int DIRECT_ROWS = 100;

    /** The kinds the full-text index covers. */
    static final List<MemoryKind> KINDS =
            SearchQuery.SEARCHABLE.stream().sorted().toList();

    /**
     * The first step: labels at most {@code $batch} pending nodes of any namespace but those in {@code $busy}
     * {@code Searchable}, which puts them in the full-text index. Another process's indexer may be labelling the same
     * nodes: taking each node's write lock first (a property set and removed) waits for it, and the label read after the
     * lock tells whether it already did the work, so that no node is counted twice.
     */
    public static final String INDEX_PENDING = PinnedPlans.pinned("""
            MATCH (n:SearchPending) USING INDEX n:SearchPending(namespace)
            WHERE NOT n:Searchable AND NOT n.namespace IN $busy
            WITH n LIMIT $batch
            SET n._indexing = true REMOVE n._indexing
            WITH n WHERE NOT n:Searchable
            SET n:Searchable
            RETURN count(n) AS indexed
            """);

    /**
     * The second step: at most {@code $batch} nodes of any namespace but those in {@code $busy} that an earlier
     * transaction indexed stop being pending.
     */
    public static final String FINISH_PENDING = PinnedPlans.pinned("""
            MATCH (n:SearchPending) USING INDEX n:SearchPending(namespace)
            WHERE n:Searchable AND NOT n.namespace IN $busy
            WITH n LIMIT $batch
            REMOVE n:SearchPending
            RETURN count(n) AS finished
            """);

    /**
     * How many nodes of the database are pending, from the count store (no node is read). The indexer asks first and
     * does nothing more when none is: listing the server's transactions for {@link #OPEN_SCOPES} costs the server a
     * walk over every lock that each running transaction holds, which a large import holds by the ten thousand.
     */
    public static final String COUNT_PENDING =
            PinnedPlans.pinned("MATCH (n:" + PENDING + ") RETURN count(n) AS pending\n");

    /**
     * The namespaces with a transaction scope open in any process on this database: graphmemory's scopes name
     * themselves in their transaction metadata (see {@code Sessions}). A search inside a scope relabels its
     * namespace's pending nodes itself and must find them still pending (see {@code SearchIndexer.scopeOpened}).
     */
    public static final String OPEN_SCOPES = """
            SHOW TRANSACTIONS YIELD metaData
            WHERE metaData.app = 'graphmemory' AND metaData.operation IN ['inTransaction', 'beginTransaction']
            RETURN collect(DISTINCT metaData.namespace) AS namespaces
            """;

    /**
     * Indexes the pending nodes of {@code $namespace}, in a transaction of its own before a search: those not yet in
     * the full-text index are labelled {@code Searchable} (the first step), those in it stop being pending (the
     * second). Both are writes to the node, so each waits for the lock of a transaction still committing a change to
     * it (another indexer's): once the search's own step is done, every node it saw pending is in the full-text index
     * or in its own changes, whatever another indexer was doing. A step that only read the labels could read them
     * between that other commit's update of the node and its update of the full-text index, and miss the node
     * (measured with one step that read: 4 misses in 150 searches in transactions beside a second indexer).
     */
    public static final String INDEX_NAMESPACE = indexNamespace() + "RETURN count(p) AS indexed\n";

    /**
     * The same, as a subquery to put first in a search inside a transaction scope, where it also indexes the
     * scope's own new memories (a full-text query sees its transaction's changes). The indexer leaves the namespace
     * alone while the scope is open (see {@code SearchIndexer.scopeOpened}), so that it does not wait for the
     * scope's locks.
     */
    static final String INDEX_NAMESPACE_FIRST = "CALL {\n" + indexNamespace() + "}\n";

    private static final String PENDING_LABEL = ":" + PENDING;

    private SearchIndexing() {}

    /** The search's step over the pending nodes of {@code $namespace}, as {@code p} (see {@link #INDEX_NAMESPACE}). */
    private static String indexNamespace() {
        return """
                MATCH (p:SearchPending) USING INDEX p:SearchPending(namespace) WHERE p.namespace = $namespace
                FOREACH (_ IN CASE WHEN p:Searchable THEN [1] ELSE [] END | REMOVE p:SearchPending)
                FOREACH (_ IN CASE WHEN p:Searchable THEN [] ELSE [1] END | SET p:Searchable)
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
