package dev.graphmemory.app.ui;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.QueryResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reads the library has no typed operation for: one memory by id (of any kind, a kind newer than this inspector
 * included), its links, and the long lists, each a page after a cursor. They are read-only queries through
 * {@link GraphMemory#queryGraph}, so they get its guarantees: a read-only plan pinned to the namespace, a timeout and
 * a row cap. Each is bounded on its own: pages follow an index's order from a cursor (the last value shown, and how
 * many rows with it were), at most {@link #MAX_PAGE} rows, and long texts are cut in the query ({@code left}), so a page costs
 * the same on the first page as on the thousandth and whatever a memory holds.
 */
final class Reads {
    /** The most rows of one page. */
    static final int MAX_PAGE = 100;

    /** How many characters of a memory's text a list shows. */
    static final int LISTED_TEXT = 300;

    /** The properties {@link dev.graphmemory.model.MemoryNode#title()} reads, in its order. */
    static final List<String> TITLE_KEYS =
            List.of("content", "description", "text", "name", "summary", "agent", "level");

    /** Labels that are not a memory's kind: the common label and the indexers' bookkeeping. */
    private static final Set<String> NOT_KINDS = Set.of("Memory", "Searchable", "SearchPending", "EmbedPending");

    private static final String TITLE = "left(toString(coalesce("
            + String.join(", ", TITLE_KEYS.stream().map(key -> "n." + key).toList())
            + ", n.id)), " + LISTED_TEXT + ")";

    private static final String MEMORY = """
            MATCH (n:Memory) WHERE n.namespace = $namespace AND n.id = $id
            RETURN n
            """;

    private static final String LINKS = """
            MATCH (m:Memory) WHERE m.namespace = $namespace AND m.id = $id
            MATCH (m)-[r]-(n:Memory) WHERE n.namespace = $namespace
            RETURN type(r) AS type, startNode(r) = m AS outgoing, n.id AS id, labels(n) AS labels, %s AS title
            SKIP $skip LIMIT $limit
            """.formatted(TITLE);

    // A list reads its page in the index's order, (namespace, time) or (namespace, strength), newest or strongest
    // first:
    // the planner provides that order only when the ORDER BY names the namespace too. Rows with the same time or
    // strength keep the index's order among them, so a cursor is the last value shown and how many rows with that
    // value were shown (SKIP), not a second sort key, which would make the database sort every row with that value.

    private static final String COMMITMENTS = """
            MATCH (n:Commitment)
            WHERE n.namespace = $namespace AND n.createdAt <= datetime($before)
              AND n.status = 'pending' AND (NOT $overdueOnly OR n.dueAt < datetime())
            RETURN n.id AS id, left(n.content, %d) AS content, n.toWhom AS toWhom, toString(n.deadline) AS deadline,
                   n.dueAt < datetime() AS overdue, n.priority AS priority, toString(n.createdAt) AS createdAt
            ORDER BY n.namespace DESC, n.createdAt DESC SKIP $skip LIMIT $limit
            """.formatted(LISTED_TEXT);

    private static final String PATTERNS = """
            MATCH (n:Pattern)
            WHERE n.namespace = $namespace AND n.strength <= $below
            RETURN n.id AS id, left(n.description, %d) AS description, n.type AS type, n.domain AS domain,
                   n.frequency AS frequency, n.strength AS strength, n.observations AS observations,
                   toString(n.lastObserved) AS lastObserved
            ORDER BY n.namespace DESC, n.strength DESC SKIP $skip LIMIT $limit
            """.formatted(LISTED_TEXT);

    /** A memory as the inspector shows it: its kind's label (any label, known to this build or not) and properties. */
    record Shown(String id, String kind, Map<String, Object> properties) {
        /** The memory's text, as {@link dev.graphmemory.model.MemoryNode#title()} picks it. */
        String title() {
            for (String key : TITLE_KEYS) {
                Object value = properties.get(key);
                if (value != null) {
                    return value.toString();
                }
            }
            return id;
        }
    }

    /** A link of a memory to another, and which way it points. */
    record Link(String type, boolean outgoing, String id, String kind, String title) {}

    /** One page of a list, and whether more follow it. */
    record Slice<T>(List<T> items, boolean more) {}

    private final GraphMemory memory;

    Reads(GraphMemory memory) {
        this.memory = memory;
    }

    /** The memory with this id in the namespace, if there is one. */
    Optional<Shown> memory(String id) {
        QueryResult result = run(MEMORY, Map.of("id", id));
        if (result.rows().isEmpty() || !(result.rows().get(0).get("n") instanceof Map<?, ?> node)) {
            return Optional.empty();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        node.forEach((key, value) -> properties.put(key.toString(), value));
        Object labels = properties.remove("_labels");
        properties.remove("namespace");
        return Optional.of(new Shown(id, kind(labels), properties));
    }

    /**
     * The links of a memory after the first {@code skip}, in the order the database keeps them (not sorted: sorting
     * would read every link of a memory linked to thousands).
     */
    Slice<Link> links(String id, int skip, int limit) {
        QueryResult result = run(LINKS, Map.of("id", id, "skip", skip, "limit", limit + 1));
        List<Link> links = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            links.add(new Link(
                    (String) row.get("type"),
                    Boolean.TRUE.equals(row.get("outgoing")),
                    (String) row.get("id"),
                    kind(row.get("labels")),
                    (String) row.get("title")));
        }
        return slice(links, limit, result.truncated());
    }

    /**
     * Pending commitments (only the overdue ones if asked), newest first, from the cursor: created at {@code before}
     * (ISO-8601) or earlier, less the first {@code skip} of those created at {@code before}.
     */
    Slice<Map<String, Object>> commitments(boolean overdueOnly, String before, int skip, int limit) {
        return rows(
                run(
                        COMMITMENTS,
                        Map.of("overdueOnly", overdueOnly, "before", before, "skip", skip, "limit", limit + 1)),
                limit);
    }

    /** Patterns, strongest first, from the cursor: {@code below} or weaker, less the first {@code skip} as strong. */
    Slice<Map<String, Object>> patterns(double below, int skip, int limit) {
        return rows(run(PATTERNS, Map.of("below", below, "skip", skip, "limit", limit + 1)), limit);
    }

    private QueryResult run(String query, Map<String, Object> parameters) {
        return memory.queryGraph(GraphQuery.of(query, parameters).maxChars(Limits.MAX_CHARS));
    }

    private static Slice<Map<String, Object>> rows(QueryResult result, int limit) {
        return slice(result.rows(), limit, result.truncated());
    }

    /** A page of at most {@code limit} rows; more follow if there was one more, or the answer's budget left some out. */
    private static <T> Slice<T> slice(List<T> rows, int limit, boolean truncated) {
        return rows.size() > limit
                ? new Slice<>(rows.subList(0, limit), true)
                : new Slice<>(rows, truncated && !rows.isEmpty());
    }

    /** The kind among a node's labels: a kind this build knows, else any label but the common and bookkeeping ones. */
    static String kind(Object labels) {
        if (!(labels instanceof List<?> list)) {
            return "Memory";
        }
        for (Object label : list) {
            if (MemoryKind.fromLabel(String.valueOf(label)).isPresent()) {
                return String.valueOf(label);
            }
        }
        for (Object label : list) {
            if (!NOT_KINDS.contains(String.valueOf(label))) {
                return String.valueOf(label);
            }
        }
        return "Memory";
    }
}
