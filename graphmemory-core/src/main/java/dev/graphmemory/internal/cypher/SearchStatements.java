package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
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
    /**
     * Whether {@code node} passes a search's filters: this namespace, the kinds, the time window (when a turn was said,
     * else when the memory was stored), superseded decisions and facts that no longer hold, and the entity it is about.
     */
    static final String FILTER = """
            node.namespace = $namespace AND node:Memory
              AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
              AND ($since IS NULL OR coalesce(node.saidAt, node.createdAt) >= $since)
              AND ($until IS NULL OR coalesce(node.saidAt, node.createdAt) < $until)
              AND ($includeSuperseded OR node.supersededAt IS NULL)
              AND ($includeSuperseded OR node.validUntil IS NULL OR node.validUntil > datetime())
              AND ($about IS NULL OR EXISTS { MATCH (ak:EntityKey {namespace: $namespace, key: $about})
                USING INDEX ak:EntityKey(namespace, key)
                WHERE ak.entityId = node.id
                  OR EXISTS { (node)-[:INVOLVES|SAID_BY]->(a:Entity) WHERE a.id = ak.entityId } })""";

    /**
     * A hit's node as a map without its vectors, which a search never shows: a hundred hits of 384 numbers each were
     * most of what a search's answer carried over Bolt and the driver decoded (labels are returned beside it).
     */
    static final String SHOWN = "node {.*, textVector: null, embedding: null}";

    /** One hit of {@code node} with its {@code score}, in the shape {@link Candidates#round} reads. */
    private static String hit(String score) {
        return "{node: " + SHOWN + ", labels: labels(node), score: " + score + ", about: " + ABOUT + "}";
    }

    /** The entities {@code node} involves or was said by (their keys), for the entity signal. */
    static final String ABOUT = "[(node)-[:INVOLVES|SAID_BY]->(e:Entity) | e.name]";

    /** From this many rows of Lucene's answer on, a search by words that needs more asks for all of it. */
    static final int WORDS_MAX_K = 10_000;

    /**
     * The best {@code $limit} memories by the full-text relevance of the query's words, among the {@code $k} best of
     * Lucene's answer (whose query already requires the namespace), with how many Lucene gave: fewer than {@code $k}
     * means it had no more. Lucene ranks and cuts its answer itself, so a common word over a large namespace costs
     * {@code $k} rows, not one per memory that has it.
     */
    public static final String WORDS = """
            CALL db.index.fulltext.queryNodes('gm_search_text', $lucene, {limit: $k}) YIELD node, score
            WITH count(*) AS seen, collect(CASE WHEN %s THEN {node: node, score: score} END) AS hits
            UNWIND CASE WHEN size(hits) = 0 THEN [null] ELSE hits END AS hit
            WITH seen, hit, hit.node AS node
            ORDER BY hit.score DESC, node.createdAt DESC, node.id DESC
            LIMIT $limit
            RETURN seen, collect(CASE WHEN node IS NOT NULL
                THEN %s END) AS hits
            """.formatted(FILTER, hit("hit.score"));

    /**
     * The {@code $k} memories of the database nearest to the query's embedding, of which those passing the filters
     * (at most {@code $limit}) are returned, with how many the index gave: fewer than {@code $k} means it had no more
     * (see {@link VectorStatements} on why the search deepens). Vectors of another model than the query's (left from
     * a change of embedder, until they are made again) are not compared.
     */
    public static final String MEANING = """
            CALL db.index.vector.queryNodes('%s', $k, $vector) YIELD node, score
            WITH count(*) AS seen,
                collect(CASE WHEN %s AND node.textModel = $model THEN {node: node, score: score} END) AS hits
            UNWIND CASE WHEN size(hits) = 0 THEN [null] ELSE hits[0..$limit] END AS hit
            WITH seen, hit, hit.node AS node
            RETURN seen, collect(CASE WHEN node IS NOT NULL
                THEN %s END) AS hits
            """.formatted(EmbeddingStatements.INDEX, FILTER, hit("hit.score"));

    /**
     * The best {@code $limit} memories of the namespace passing the filters, compared with the query's embedding one
     * by one: the last round of a search by meaning when the vector index gave all it had (fewer than {@code $k}) and
     * too few of them passed. The index is approximate (HNSW): among many similar or identical vectors, or after many
     * updates, it can miss a vector altogether; an index that small makes the exact comparison cheap (the id predicate
     * lets the namespace's {@code (namespace, id)} index answer).
     */
    public static final String MEANING_EXACT = """
            MATCH (node:Memory) WHERE node.namespace = $namespace AND node.id IS NOT NULL
              AND node.textVector IS NOT NULL AND node.textModel = $model AND %s
            WITH node, vector.similarity.cosine(node.textVector, $vector) AS score
            ORDER BY score DESC, node.id
            LIMIT $limit
            RETURN count(*) AS seen, collect(%s) AS hits
            """.formatted(FILTER, hit("score"));

    /**
     * What a search needs to know before it ranks: which of the query's word groups name entities of the namespace,
     * and the memories passing the filters still waiting for their embedding (at most {@code $inline}), which the
     * search embeds itself. A memory waits until the embedder's second step ({@link EmbeddingStatements#FINISH}) (a
     * search relies on the vector index only for finished ones), so one whose vector is stored but not finished is
     * among them, with that vector when it was made by {@code $model} (the search compares it without making it
     * again).
     */
    static final String CONTEXT = """
            WITH true AS ready
            CALL (ready) {
              MATCH (k:EntityKey) USING INDEX k:EntityKey(namespace, key)
              WHERE k.namespace = $namespace AND k.key IN $grams
              MATCH (e:Entity:Memory {namespace: $namespace, id: k.entityId}) USING INDEX e:Memory(namespace, id)
              RETURN collect(DISTINCT e.nameKey) AS mentioned
            }
            CALL (mentioned) {
              MATCH (node:EmbedPending) USING INDEX node:EmbedPending(namespace)
              WHERE node.namespace = $namespace AND %s
              WITH node LIMIT $inline
              RETURN collect({node: node, text: %s, about: %s,
                vector: CASE WHEN node.textModel = $model THEN node.textVector END}) AS pending
            }
            RETURN mentioned, pending
            """.formatted(FILTER, EmbeddingStatements.text("node"), ABOUT);

    /** A quoted phrase (an unclosed quote runs to the end) or a run of non-space characters. */
    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    /** Lucene's English stop words, which the index's analyzer leaves out. */
    private static final Set<String> ENGLISH_STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    /** Function words a question is full of, left out of its words when others remain (see {@link #contentWords}). */
    private static final Set<String> QUERY_STOP_WORDS = Set.of(
            "a",
            "about",
            "after",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "been",
            "before",
            "being",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "during",
            "each",
            "ever",
            "for",
            "from",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "kind",
            "may",
            "me",
            "might",
            "more",
            "most",
            "must",
            "my",
            "no",
            "not",
            "of",
            "on",
            "or",
            "other",
            "our",
            "ours",
            "own",
            "same",
            "shall",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "to",
            "too",
            "up",
            "us",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "yours");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

    private SearchStatements() {}

    /** The parameters every search statement filters with. */
    static Params filtered(String namespace, SearchQuery query) {
        return Params.in(namespace)
                .with("labels", labels(query.kinds()))
                .with("since", moment(query.since()))
                .with("until", moment(query.until()))
                .with("includeSuperseded", query.includeSuperseded())
                .with("about", query.aboutKey());
    }

    /**
     * The context of a search (see {@link #CONTEXT}); inside a transaction scope ({@code indexFirst}) it first indexes
     * the namespace's memories waiting for the full-text index, the scope's own new ones among them.
     */
    public static Statement<Candidates.Context> context(
            String namespace, SearchQuery query, List<String> grams, int inline, String model, boolean indexFirst) {
        var params = filtered(namespace, query)
                .with("grams", grams)
                .with("inline", inline)
                .with("model", model);
        Statement.Mapper<Candidates.Context> mapper = rows -> Candidates.context(rows.single());
        return indexFirst
                ? Statement.write(
                        "searchMemory",
                        PinnedPlans.pinned(SearchIndexing.INDEX_NAMESPACE_FIRST + CONTEXT),
                        params.map(),
                        mapper)
                : Statement.read("searchMemory", PinnedPlans.pinned(CONTEXT), params.map(), mapper);
    }

    /**
     * The best {@code depth} memories by words: Lucene's best {@code k}, then more while too few of them pass the
     * filters and Lucene has more (eight times as many each round, then all of them).
     */
    public static Work<List<Candidates.Candidate>> words(String namespace, SearchQuery query, int depth, int k) {
        var params = filtered(namespace, query)
                .with("lucene", lucene(namespace, query))
                .with("k", k)
                .with("limit", depth);
        Statement<Candidates.Round> round = Statement.read(
                        "searchMemory", WORDS, params.map(), rows -> Candidates.round(rows.single()))
                .onClientError(SearchStatements::queryError);
        return round.then(found -> found.hits().size() >= depth || found.seen() < k || k == Integer.MAX_VALUE
                ? Work.done("searchMemory", found.hits())
                : words(namespace, query, depth, k >= WORDS_MAX_K ? Integer.MAX_VALUE : k * 8));
    }

    /** The best {@code depth} memories by words, starting from Lucene's best {@code 4 × depth}. */
    public static Work<List<Candidates.Candidate>> words(String namespace, SearchQuery query, int depth) {
        return words(namespace, query, depth, 4 * depth);
    }

    /**
     * The best {@code depth} memories by meaning, starting from the index's {@code 2 × depth} nearest. The index spans
     * every namespace and the filters are checked after it answers, so a first round of exactly {@code depth} came
     * back a few short whenever another namespace held a near neighbour, and the search paid a second, eight times
     * deeper round: over 100,000 turns, a first round of {@code 2 × depth} took a search by meaning from 48-52 ms to
     * 29-30 ms p50 (one of {@code 1.25 × depth}, 33-35 ms).
     */
    public static Work<List<Candidates.Candidate>> meaning(
            String namespace, SearchQuery query, String model, List<Double> vector, int depth) {
        return meaning(namespace, query, model, vector, depth, 2 * depth);
    }

    /**
     * The best {@code depth} memories by meaning: a round of {@code k} neighbours, then deeper rounds while too few of
     * them pass the filters and the index has more; when it has no more, one exact round over the namespace.
     */
    public static Work<List<Candidates.Candidate>> meaning(
            String namespace, SearchQuery query, String model, List<Double> vector, int depth, int k) {
        var params = filtered(namespace, query)
                .with("model", model)
                .with("vector", vector)
                .with("k", k)
                .with("limit", depth);
        Statement<Candidates.Round> round =
                Statement.read("searchMemory", MEANING, params.map(), rows -> Candidates.round(rows.single()));
        return round.then(found -> {
            if (found.hits().size() >= depth) {
                return Work.done("searchMemory", found.hits());
            }
            if (found.seen() < k) { // the whole index is smaller than k
                return exactly(params.map());
            }
            return k >= VectorStatements.MAX_K
                    ? Work.done("searchMemory", found.hits())
                    : meaning(namespace, query, model, vector, depth, Math.min(VectorStatements.MAX_K, k * 8));
        });
    }

    /** The best {@code depth} memories of the namespace by meaning, compared one by one (see {@link #MEANING_EXACT}). */
    public static Work<List<Candidates.Candidate>> meaningExactly(
            String namespace, SearchQuery query, String model, List<Double> vector, int depth) {
        return exactly(filtered(namespace, query)
                .with("model", model)
                .with("vector", vector)
                .with("limit", depth)
                .map());
    }

    /** The last round when the index had no more: every embedded memory of the namespace compared (see above). */
    private static Work<List<Candidates.Candidate>> exactly(java.util.Map<String, Object> params) {
        return Statement.read("searchMemory", MEANING_EXACT, params, rows -> Candidates.round(rows.single()))
                .then(found -> Work.done("searchMemory", found.hits()));
    }

    /** The Lucene query: the namespace required, the caller's terms applied to every text property. */
    static String lucene(String namespace, SearchQuery query) {
        String terms = query.luceneSyntax() ? query.query() : contentWords(query.query());
        StringBuilder lucene = new StringBuilder();
        if (!onlyStopWords(namespace)) { // the analyzer would leave nothing of it, and nothing would match
            lucene.append("+namespace:\"").append(namespace).append("\"^0 ");
        }
        lucene.append("+(");
        for (String property : Schema.TEXT_PROPERTIES) {
            lucene.append(property).append(":(").append(terms).append(") ");
        }
        return lucene.append(')').toString();
    }

    /** Whether the English analyzer of the index leaves nothing of a namespace (as of {@code it} or {@code the-a}). */
    static boolean onlyStopWords(String namespace) {
        for (String token : namespace.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (!token.isEmpty() && !ENGLISH_STOP_WORDS.contains(token)) {
                return false;
            }
        }
        return true;
    }

    /** Plain words and phrases as Lucene terms that cannot be operators or syntax. */
    static String words(String text) {
        return String.join(" ", terms(text));
    }

    /**
     * The words of a question without its function words ({@code what}, {@code did}, {@code she}, …), unless nothing
     * else is left. The index leaves out only Lucene's English stop words; the rest of the function words would match
     * most of what was ever said (measured on LoCoMo, search by words alone: recall@10 of a question's evidence 57.2
     * with them, 61.9 without).
     */
    static String contentWords(String text) {
        List<String> terms = terms(text);
        List<String> content =
                terms.stream().filter(term -> !QUERY_STOP_WORDS.contains(term)).toList();
        return String.join(" ", content.isEmpty() ? terms : content);
    }

    private static List<String> terms(String text) {
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
        return terms;
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
        List<SearchHit> hits = new ArrayList<>(memories.size());
        for (int i = 0; i < memories.size(); i++) {
            hits.add(new SearchHit(memories.get(i), scores.get(i), false));
        }
        return result(hits, limit, maxChars);
    }

    /**
     * Ranked hits, best first, as a result: at most {@code limit} of them (more makes it truncated), their texts
     * fitted to {@code maxChars}.
     */
    public static SearchResult result(List<SearchHit> ranked, int limit, int maxChars) {
        boolean more = ranked.size() > limit;
        List<SearchHit> kept = ranked.subList(0, Math.min(limit, ranked.size()));
        TextBudget.Fit fit = TextBudget.fit(kept.stream().map(SearchHit::memory).toList(), maxChars);
        List<SearchHit> hits = new ArrayList<>(fit.items().size());
        for (int i = 0; i < fit.items().size(); i++) {
            TextBudget.Fitted item = fit.items().get(i);
            SearchHit hit = kept.get(i);
            hits.add(new SearchHit(item.memory(), hit.score(), item.truncated(), hit.why()));
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
