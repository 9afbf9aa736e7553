package dev.graphmemory.internal.search;

import dev.graphmemory.internal.cypher.Candidates.Candidate;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchHit.Signal;
import dev.graphmemory.model.SearchQuery.Mode;
import dev.graphmemory.model.Validate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses what each signal found into one ranking, and says why each memory matched.
 *
 * <p>Each signal's scores are scaled to 0–1 over the memories it found (the best 1, the last 0; for words, 0 is no
 * relevance at all when the index had fewer matches than were asked for), and a memory's score is their weighted sum: a full-text relevance and a cosine similarity are not on one scale, but how far a memory is
 * from the best and the last of each ranking is. (Fusing by rank alone, as reciprocal rank fusion does, throws away how
 * sure each signal is; on LoCoMo it found a question's evidence less often: recall@10 75.2 against 75.9, @5 66.6
 * against 68.1, with the graph's signals on both.) What the graph knows adds to the score: a memory that is, involves or
 * was said by an entity the query names (not the entity itself, whose name already matches the query's words) is
 * raised by {@link Weights#entity()}, since a question about someone is most
 * often answered by what that person said or what concerns them (on LoCoMo, 95 % of the evidence turns of questions
 * naming a speaker are that speaker's); and a turn said right before or after another hit gets a share
 * ({@link Weights#context()}) of that hit's score, since the answer is often in the reply next to the words the
 * question shares.
 *
 * <p>The weights were chosen on the five LoCoMo conversations of the development set and hold across them: chosen on
 * four and measured on the fifth, in turn, they give recall@10 75.7 and @5 67.6, the same as fixed round weights.
 */
public final class Ranking {
    /**
     * How the signals weigh.
     *
     * @param words the weight of the words signal's scaled score
     * @param meaning the weight of the meaning signal's scaled score
     * @param entity how much a memory about an entity the query names is raised (0.5 = by half)
     * @param context the share of a turn's score its neighbouring turns get
     */
    public record Weights(double words, double meaning, double entity, double context) {}

    /** The weights the default search ranks with. */
    public static final Weights DEFAULT = new Weights(0.5, 0.5, 0.5, 0.5);

    private Ranking() {}

    /** One memory and what each signal said of it. */
    private static final class Entry {
        final MemoryNode memory;
        final List<String> about;
        double words;
        double wordsScaled;
        int wordsRank;
        double meaning;
        double meaningScaled;
        int meaningRank;
        double fused;
        String entity;
        String beside;
        double context;

        Entry(MemoryNode memory, List<String> about) {
            this.memory = memory;
            this.about = about;
        }
    }

    /**
     * The memories found by words and by meaning (each list best first, at most {@code depth} each), ranked best
     * first.
     *
     * @param mentioned the keys of the entities the query names
     */
    public static List<SearchHit> rank(
            List<Candidate> byWords,
            List<Candidate> byMeaning,
            int depth,
            Set<String> mentioned,
            Mode mode,
            Weights weights) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        double[] wordsRange = range(byWords);
        if (byWords.size() < depth) {
            wordsRange[0] = 0; // every match was found: a memory not among them has no relevance at all
        }
        for (int i = 0; i < byWords.size(); i++) {
            Entry entry = entry(entries, byWords.get(i));
            entry.words = byWords.get(i).score();
            entry.wordsScaled = scaled(entry.words, wordsRange);
            entry.wordsRank = i + 1;
        }
        double[] meaningRange = range(byMeaning);
        for (int i = 0; i < byMeaning.size(); i++) {
            Entry entry = entry(entries, byMeaning.get(i));
            entry.meaning = byMeaning.get(i).score();
            entry.meaningScaled = scaled(entry.meaning, meaningRange);
            entry.meaningRank = i + 1;
        }
        for (Entry entry : entries.values()) {
            entry.fused = fused(entry, mode, weights);
            entry.entity = named(entry, mentioned);
            if (entry.entity != null && mode == Mode.HYBRID) {
                entry.fused *= 1 + weights.entity();
            }
        }
        if (mode == Mode.HYBRID && weights.context() > 0) {
            addContext(entries, weights.context());
        }
        List<Entry> ranked = new ArrayList<>(entries.values());
        ranked.sort(Comparator.comparingDouble((Entry entry) -> -score(entry, mode))
                .thenComparing(entry -> entry.memory.id()));
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (Entry entry : ranked) {
            hits.add(new SearchHit(entry.memory, score(entry, mode), false, why(entry)));
        }
        return hits;
    }

    private static Entry entry(Map<String, Entry> entries, Candidate candidate) {
        return entries.computeIfAbsent(candidate.memory().id(), id -> new Entry(candidate.memory(), candidate.about()));
    }

    private static double fused(Entry entry, Mode mode, Weights weights) {
        double score = 0;
        if (entry.wordsRank > 0 && mode != Mode.MEANING) {
            score += weights.words() * entry.wordsScaled;
        }
        if (entry.meaningRank > 0 && mode != Mode.WORDS) {
            score += weights.meaning() * entry.meaningScaled;
        }
        return score;
    }

    /** The lowest and highest score of a signal's memories. */
    private static double[] range(List<Candidate> found) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : found) {
            low = Math.min(low, candidate.score());
            high = Math.max(high, candidate.score());
        }
        return new double[] {low, high};
    }

    /** A score scaled to 0–1 over its signal's range; 1 when all its memories scored alike. */
    private static double scaled(double score, double[] range) {
        return range[1] > range[0] ? (score - range[0]) / (range[1] - range[0]) : 1.0;
    }

    /** The score a hit shows: the fused score, or the one signal's own score when ranking by one. */
    private static double score(Entry entry, Mode mode) {
        return switch (mode) {
            case WORDS -> entry.words;
            case MEANING -> entry.meaning;
            case HYBRID -> entry.fused + entry.context;
        };
    }

    /**
     * The entity the query names that this memory involves or was said by, or {@code null}. An entity itself is not
     * raised: its name matching the query's words is already the words signal.
     */
    private static String named(Entry entry, Set<String> mentioned) {
        for (String about : entry.about) {
            if (mentioned.contains(Validate.normalizedKey(about))) {
                return about;
            }
        }
        return null;
    }

    /** A turn next to another hit of its conversation gets a share of that hit's score. */
    private static void addContext(Map<String, Entry> entries, double share) {
        Map<String, Entry> turns = new HashMap<>();
        for (Entry entry : entries.values()) {
            String place = place(entry.memory, 0);
            if (place != null) {
                turns.put(place, entry);
            }
        }
        for (Entry entry : entries.values()) {
            for (int offset : new int[] {-1, 1}) {
                String place = place(entry.memory, offset);
                Entry neighbour = place == null ? null : turns.get(place);
                if (neighbour != null && neighbour.fused * share > entry.context) {
                    entry.context = neighbour.fused * share;
                    entry.beside = neighbour.memory.id();
                }
            }
        }
    }

    /** A turn's place in its conversation, moved by {@code offset}; {@code null} for other kinds. */
    private static String place(MemoryNode memory, int offset) {
        if (memory.kind() != MemoryKind.TURN) {
            return null;
        }
        Object conversation = memory.properties().get("conversationId");
        Object sequence = memory.properties().get("sequence");
        return conversation == null || !(sequence instanceof Number number)
                ? null
                : conversation + "#" + (number.longValue() + offset);
    }

    private static List<Signal> why(Entry entry) {
        List<Signal> signals = new ArrayList<>(4);
        if (entry.wordsRank > 0) {
            signals.add(new Signal("words", entry.words, entry.wordsRank, null));
        }
        if (entry.meaningRank > 0) {
            signals.add(new Signal("meaning", entry.meaning, entry.meaningRank, null));
        }
        if (entry.entity != null) {
            signals.add(new Signal("entity", 1.0, 0, entry.entity));
        }
        if (entry.beside != null) {
            signals.add(new Signal("context", entry.context, 0, entry.beside));
        }
        return signals;
    }
}
