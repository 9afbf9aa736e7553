package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Full-text search through the {@code gm_search_text} index.
 *
 * <p>Before a search, its namespace's nodes still waiting for the {@code SearchIndexer} (labelled
 * {@code SearchPending}) are indexed, so that it finds every memory written before it: in a transaction of their own
 * when the search has its own, else by the search statement itself (see {@link SearchIndexing#INDEX_NAMESPACE}).
 *
 * <p>Namespace scoping is done twice. The Lucene query requires the namespace ({@code +namespace:"…"^0}, boost 0 so
 * that it does not change the ranking), so Lucene only ranks this tenant's memories however many other tenants the
 * database holds. That clause is a phrase over the analyzed namespace, which other namespaces can contain as well
 * ({@code alice} inside {@code alice-work}), so the exact filter {@code node.namespace = $namespace} after the call
 * is what guarantees isolation. The caller's terms are applied to the text properties only, never to the namespace
 * field, so that a word that happens to be a namespace does not match every memory.
 *
 * <p>Plain-words queries are rebuilt term by term: each word is escaped and lower-cased (so {@code AND}, {@code OR}
 * and {@code NOT} are words, not operators) and each {@code "phrase"} kept as a phrase; no text an assistant sends can
 * be a syntax error. Lucene-syntax queries are passed as given, and a parse error becomes an
 * {@link InvalidInputException} naming {@code query}.
 */
public final class SearchStatements {
    static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('gm_search_text', $lucene) YIELD node, score
            WHERE node.namespace = $namespace AND node:Memory
              AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
              AND ($since IS NULL OR node.createdAt >= $since)
              AND ($until IS NULL OR node.createdAt < $until)
              AND ($includeSuperseded OR node.supersededAt IS NULL)
            RETURN node, score
            ORDER BY score DESC, node.createdAt DESC, node.id DESC
            LIMIT $limit
            """;

    /** A quoted phrase (an unclosed quote runs to the end) or a run of non-space characters. */
    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

    private SearchStatements() {}

    public static Statement<SearchResult> search(String namespace, SearchQuery query, boolean indexFirst) {
        var params = Params.in(namespace)
                .with("lucene", lucene(namespace, query))
                .with("labels", labels(query.kinds()))
                .with("since", moment(query.since()))
                .with("until", moment(query.until()))
                .with("includeSuperseded", query.includeSuperseded())
                .with("limit", query.limit() + 1);
        Statement.Mapper<SearchResult> mapper = rows -> {
            List<MemoryNode> memories = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Record record : rows.records()) {
                memories.add(Nodes.memory(record.get("node").asNode()));
                scores.add(record.get("score").asDouble());
            }
            return result(memories, scores, query.limit(), query.maxChars());
        };
        Statement<SearchResult> statement = indexFirst
                ? Statement.write("searchMemory", SearchIndexing.INDEX_NAMESPACE_FIRST + SEARCH, params.map(), mapper)
                : Statement.read("searchMemory", SEARCH, params.map(), mapper);
        return statement.onClientError(SearchStatements::queryError);
    }

    /** The Lucene query: the namespace required, the caller's terms applied to every text property. */
    static String lucene(String namespace, SearchQuery query) {
        String terms = query.luceneSyntax() ? query.query() : words(query.query());
        StringBuilder lucene =
                new StringBuilder("+namespace:\"").append(namespace).append("\"^0 +(");
        for (String property : Schema.TEXT_PROPERTIES) {
            lucene.append(property).append(":(").append(terms).append(") ");
        }
        return lucene.append(')').toString();
    }

    /** Plain words and phrases as Lucene terms that cannot be operators or syntax. */
    static String words(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = TERM.matcher(text);
        while (matcher.find()) {
            String phrase = matcher.group(1);
            String term = phrase != null ? phrase : matcher.group(2);
            if (!WORD.matcher(term).find()) {
                continue; // punctuation alone: the analyzer would drop it, leaving an empty clause
            }
            terms.add(
                    phrase != null
                            ? '"' + phrase.replace("\\", "\\\\").toLowerCase(java.util.Locale.ROOT) + '"'
                            : escape(term.toLowerCase(java.util.Locale.ROOT)));
        }
        if (terms.size() > Limits.SEARCH_TERMS) {
            throw new InvalidInputException(
                    "query",
                    "must have at most " + Limits.SEARCH_TERMS + " words and phrases (had " + terms.size() + ")");
        }
        return String.join(" ", terms);
    }

    private static String escape(String word) {
        StringBuilder escaped = new StringBuilder(word.length() + 8);
        for (char c : word.toCharArray()) {
            if (LUCENE_SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A query Lucene cannot parse or run is the caller's to fix; anything else stays a database failure. */
    private static RuntimeException queryError(ClientException error) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("ParseException")) {
            // Lucene's own message points into the query as wrapped here, which would only confuse the caller.
            return new InvalidInputException(
                    "query",
                    "is not valid Lucene syntax; check brackets, quotes and operators, or search with plain words",
                    error);
        }
        if (message.contains("TooManyClauses") || message.contains("too many clauses")) {
            return new InvalidInputException(
                    "query", "expands to too many terms (wildcards or fuzzy terms); make it more specific", error);
        }
        return error;
    }

    /** The result of ranked memories: at most {@code limit}, fitted to {@code maxChars}. */
    static SearchResult result(List<MemoryNode> memories, List<Double> scores, int limit, int maxChars) {
        boolean more = memories.size() > limit;
        TextBudget.Fit fit = TextBudget.fit(memories.subList(0, Math.min(limit, memories.size())), maxChars);
        List<SearchHit> hits = new ArrayList<>(fit.items().size());
        for (int i = 0; i < fit.items().size(); i++) {
            TextBudget.Fitted item = fit.items().get(i);
            hits.add(new SearchHit(item.memory(), scores.get(i), item.truncated()));
        }
        return new SearchResult(hits, more || fit.truncated());
    }

    static List<String> labels(Set<MemoryKind> kinds) {
        return kinds.stream().map(MemoryKind::label).sorted().toList();
    }

    static ZonedDateTime moment(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }
}
