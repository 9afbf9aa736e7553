package dev.graphmemory.internal.search;

import dev.graphmemory.Embedder;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.cypher.Candidates.Candidate;
import dev.graphmemory.internal.cypher.Candidates.Context;
import dev.graphmemory.internal.cypher.Candidates.Pending;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.cypher.SearchStatements;
import dev.graphmemory.internal.search.EmbeddingIndexer.Made;
import dev.graphmemory.internal.work.Sequence;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchQuery.Mode;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.neo4j.driver.AccessMode;

/**
 * The default search: words, meaning and the graph's signals, fused (see {@link Ranking}).
 *
 * <p>A search runs in three steps, the same in every execution mode. {@link #prepare} checks the query and embeds it
 * (in the caller's thread, before any transaction). {@link #context} is one statement: it indexes the namespace's
 * memories waiting for the full-text index, finds the entities the query names, and reads the memories still waiting
 * for their embedding. The search embeds those itself ({@link #embedPending}, at most
 * {@link dev.graphmemory.Embeddings#inlineLimit()}) and hands the vectors to the background embedder, which stores them.
 * {@link #ranked} then reads the best memories by words and by meaning and fuses them. Run alone, the context step is a
 * transaction of its own, committed before the ranking reads the full-text index (see
 * {@link dev.graphmemory.internal.cypher.SearchIndexing}); inside a transaction both are statements of that
 * transaction, and the full-text index sees the transaction's own changes.
 */
public final class HybridSearch {
    /** How many memories each signal contributes at least before fusion. */
    static final int DEPTH = 100;
    /** How long a search waits for the model to load after the memory started. */
    static final Duration MODEL_WAIT = Duration.ofSeconds(60);

    private static final HybridSearch WORDS_ONLY = new HybridSearch(null, 0);

    private final EmbeddingIndexer embeddings; // null: words only
    private final int inlineLimit;

    /**
     * @param embeddings the background embedder, whose model embeds queries; {@code null} for words only
     * @param inlineLimit most waiting memories one search embeds itself
     */
    public HybridSearch(EmbeddingIndexer embeddings, int inlineLimit) {
        this.embeddings = embeddings;
        this.inlineLimit = inlineLimit;
    }

    /** Runs a unit of work as an execution mode does: alone, in a session, or in a transaction. */
    @FunctionalInterface
    public interface Runner {
        <T> T run(Work<T> work);
    }

    /**
     * The whole search, its two units of work run by {@code runner} (see the class comment): what the blocking calls
     * of a memory, a session and a transaction do, and the warm-up's rehearsal of a search.
     */
    public SearchResult search(String namespace, SearchQuery query, Runner runner) {
        Prepared prepared = prepare(query); // checks the query before anything runs
        Context context = runner.run(context(namespace, prepared));
        List<Made> inline = embedPending(namespace, prepared, context);
        SearchResult result = runner.run(ranked(namespace, prepared, context, inline));
        hand(context, inline);
        return result;
    }

    /** A search by words and the graph's signals, without embeddings. */
    public static HybridSearch wordsOnly() {
        return WORDS_ONLY;
    }

    /** Where asynchronous searches embed: never a driver thread, whose work it would hold up. */
    public Executor cpu() {
        return ForkJoinPool.commonPool();
    }

    /**
     * A checked query with its embedding, when it ranks by meaning and an embedder is there.
     *
     * @param vector the query's embedding, or {@code null}
     * @param grams the word groups that may name entities
     */
    public record Prepared(SearchQuery query, Embedder embedder, float[] vector, List<String> grams) {}

    /**
     * Checks the query and embeds it.
     *
     * @throws InvalidInputException naming {@code mode} when it asks for meaning and there is no embedder
     */
    public Prepared prepare(SearchQuery query) {
        Validate.required("query", query);
        List<String> grams = Mentions.grams(query.query());
        if (query.mode() == Mode.WORDS || embeddings == null) {
            refuseMeaningWithout(query);
            return new Prepared(query, null, null, grams);
        }
        Optional<Embedder> embedder = embeddings.await(MODEL_WAIT);
        if (embedder.isEmpty()) {
            refuseMeaningWithout(query);
            return new Prepared(query, null, null, grams);
        }
        return new Prepared(query, embedder.get(), embedder.get().embedQuery(query.query()), grams);
    }

    private static void refuseMeaningWithout(SearchQuery query) {
        if (query.mode() == Mode.MEANING) {
            throw new InvalidInputException(
                    "mode", "meaning needs embeddings, which are off or not available; search by words or hybrid");
        }
    }

    /** The first step (see the class comment); {@code indexFirst} always holds, as the step indexes first. */
    public Statement<Context> context(String namespace, Prepared prepared) {
        int inline = prepared.vector() == null ? 0 : inlineLimit;
        String model = prepared.embedder() == null ? null : prepared.embedder().model();
        return SearchStatements.context(namespace, prepared.query(), prepared.grams(), inline, model, true);
    }

    /**
     * The vectors of the waiting memories the context step found, in its order: those stored already as they are, the
     * others embedded here, sharing the work with the process's other searches (see
     * {@link EmbeddingIndexer#embedWaiting}).
     */
    public List<Made> embedPending(String namespace, Prepared prepared, Context context) {
        if (prepared.vector() == null || context.pending().isEmpty()) {
            return List.of();
        }
        List<Made> waiting = new ArrayList<>(context.pending().size());
        for (Pending pending : context.pending()) {
            if (pending.vector() == null) {
                waiting.add(new Made(namespace, pending.memory().id(), pending.text(), null));
            }
        }
        Iterator<Made> made = waiting.isEmpty()
                ? Collections.<Made>emptyIterator()
                : embeddings
                        .embedWaiting(prepared.embedder(), namespace, waiting)
                        .iterator();
        List<Made> vectors = new ArrayList<>(context.pending().size());
        for (Pending pending : context.pending()) {
            vectors.add(
                    pending.vector() == null
                            ? made.next()
                            : new Made(namespace, pending.memory().id(), pending.text(), pending.vector()));
        }
        return vectors;
    }

    /**
     * Hands the vectors the search made (not those it found stored) to the background embedder, outside any
     * transaction.
     */
    public void hand(Context context, List<Made> inline) {
        List<Made> made = new ArrayList<>(inline.size());
        for (int i = 0; i < inline.size(); i++) {
            if (context.pending().get(i).vector() == null) {
                made.add(inline.get(i)); // made for this namespace already (see embedPending)
            }
        }
        if (embeddings != null && !made.isEmpty()) {
            embeddings.hand(made);
        }
    }

    /** The last step: the best memories by each signal, fused, within the query's budget. */
    public Work<SearchResult> ranked(String namespace, Prepared prepared, Context context, List<Made> inline) {
        SearchQuery query = prepared.query();
        int depth = Math.max(DEPTH, 2 * query.limit());
        Mode mode = prepared.vector() == null ? (query.mode() == Mode.WORDS ? Mode.WORDS : Mode.HYBRID) : query.mode();
        Work<List<Candidate>> byWords = mode == Mode.MEANING
                ? Work.done("searchMemory", List.of())
                : SearchStatements.words(namespace, query, depth);
        Work<List<Candidate>> byMeaning = prepared.vector() == null || mode == Mode.WORDS
                ? Work.done("searchMemory", List.of())
                : SearchStatements.meaning(
                        namespace,
                        query,
                        prepared.embedder().model(),
                        EmbeddingStatements.asList(prepared.vector()),
                        depth);
        // independent reads: sent together, each answered in its own time
        return new Sequence<List<Candidate>>("searchMemory", AccessMode.READ, List.of(byWords, byMeaning)).map(both -> {
            List<SearchHit> ranked = Ranking.rank(
                    both.get(0),
                    withPending(both.get(1), context, inline, prepared.vector()),
                    depth,
                    context.mentioned(),
                    mode,
                    Ranking.DEFAULT);
            return SearchStatements.result(ranked, query.limit(), query.maxChars());
        });
    }

    /**
     * The memories the index found by meaning and the waiting ones, by similarity; a waiting memory whose stored
     * vector the index found already counts once.
     */
    private static List<Candidate> withPending(
            List<Candidate> meaning, Context context, List<Made> inline, float[] query) {
        if (inline.isEmpty()) {
            return meaning;
        }
        List<Candidate> all = new ArrayList<>(meaning);
        Set<String> found = new HashSet<>();
        for (Candidate candidate : meaning) {
            found.add(candidate.memory().id());
        }
        for (int i = 0; i < inline.size(); i++) {
            float[] vector = inline.get(i).vector();
            if (vector != null && !found.contains(inline.get(i).id())) {
                Pending pending = context.pending().get(i);
                all.add(new Candidate(pending.memory(), similarity(query, vector), pending.about()));
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return all;
    }

    /**
     * The cosine similarity of two vectors on the vector index's scale, {@code (1 + cosine) / 2} (0 to 1), as Neo4j's
     * index and {@code vector.similarity.cosine} score: a waiting memory compared here ranks among those the index
     * found by the same measure. (Compared by the raw cosine, lower by {@code (1 - cosine) / 2}, 0.05 to 0.13 for
     * e5's usual 0.75 to 0.9, a waiting memory fell below the index's hits however near it was.)
     */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        double left = 0;
        double right = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            left += (double) a[i] * a[i];
            right += (double) b[i] * b[i];
        }
        return left == 0 || right == 0 ? 0 : (1 + dot / Math.sqrt(left * right)) / 2;
    }
}
