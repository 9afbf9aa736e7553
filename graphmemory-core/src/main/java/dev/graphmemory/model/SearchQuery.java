package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search over the texts of commitments, decisions, patterns, conversation summaries, entities and turns, best first,
 * held to a result budget.
 *
 * <p>By default ({@link Mode#HYBRID}) memories are ranked by their words and by their meaning together (the query's
 * embedding against each memory's), with what the graph knows: a memory that is, involves or was said by an entity
 * the query names ranks higher, and so does a turn said right next to a strong hit. Each hit says why it matched.
 * {@link Mode#WORDS} ranks by words only (full-text relevance, as Lucene scores it), {@link Mode#MEANING} by meaning
 * only. Without an embedder (embeddings off, or none on the class path) every search is by words.
 *
 * <p>The query is plain words and {@code "quoted phrases"}: every other character is taken literally, so
 * any text an assistant passes is a valid query, and a memory matching more of the words ranks higher. With
 * {@link #luceneSyntax(boolean)} the query is Lucene syntax instead (wildcards, fuzzy terms, {@code AND}, {@code OR},
 * {@code NOT}, {@code field:term}); a query that does not parse is refused with an
 * {@link dev.graphmemory.exceptions.InvalidInputException} naming {@code query}.
 *
 * <pre>{@code
 * SearchQuery query = SearchQuery.of("acme \"pilot proposal\"")
 *         .kinds(MemoryKind.COMMITMENT, MemoryKind.DECISION)
 *         .since(Instant.now().minus(Duration.ofDays(30)))
 *         .limit(5)
 *         .maxChars(2_000);
 * }</pre>
 *
 * @param query the words to look for (required, at most {@value Limits#SEARCH_QUERY} characters and
 *     {@value Limits#SEARCH_TERMS} words or phrases)
 * @param luceneSyntax whether {@code query} is Lucene query syntax rather than plain words
 * @param kinds only memories of these kinds (any of {@link #SEARCHABLE}); {@code null} or empty for all
 * @param since only memories stored at or after this moment, or {@code null}
 * @param until only memories stored before this moment, or {@code null}
 * @param includeSuperseded whether decisions that a newer decision superseded, and facts that no longer hold, are
 *     found too
 * @param mode how memories are ranked; {@code null} means {@link Mode#HYBRID}
 * @param about only memories that are this entity, involve it or were said by it (its name, case and spacing
 *     ignored), or {@code null}
 * @param limit at most this many hits, 1 to {@value Limits#MAX_LIMIT}; {@code null} means
 *     {@value Limits#DEFAULT_RECALL_LIMIT}
 * @param maxChars at most this many characters of text in all hits together, {@value Limits#MIN_MAX_CHARS} to
 *     {@value Limits#MAX_CHARS}; {@code null} means {@value Limits#DEFAULT_MAX_CHARS}. Long texts are shortened and
 *     the result is marked truncated.
 */
public record SearchQuery(
        String query,
        boolean luceneSyntax,
        Set<MemoryKind> kinds,
        Instant since,
        Instant until,
        boolean includeSuperseded,
        Mode mode,
        String about,
        Integer limit,
        Integer maxChars) {

    /** How memories are ranked. */
    public enum Mode {
        /** By words and meaning together, with the graph's signals (the default). */
        HYBRID,
        /** By the full-text relevance of the query's words only. */
        WORDS,
        /** By the similarity of meaning only. */
        MEANING;

        /**
         * Parses a mode, ignoring case.
         *
         * @throws dev.graphmemory.exceptions.InvalidInputException when the text names no mode
         */
        public static Mode parse(String field, String text) {
            return Validate.oneOf(field, text, Mode.class);
        }
    }

    /** The kinds whose texts are searched. Energy readings are not. */
    public static final Set<MemoryKind> SEARCHABLE = Set.copyOf(EnumSet.of(
            MemoryKind.COMMITMENT,
            MemoryKind.DECISION,
            MemoryKind.PATTERN,
            MemoryKind.CONVERSATION,
            MemoryKind.ENTITY,
            MemoryKind.TURN,
            MemoryKind.FACT));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    /** Checks every field and applies the defaults. */
    public SearchQuery {
        query = Validate.text("query", query, Limits.SEARCH_QUERY);
        if (!luceneSyntax && !WORD.matcher(query).find()) {
            throw new InvalidInputException("query", "must contain at least one word of letters or digits");
        }
        kinds = Kinds.checked("kinds", kinds, SEARCHABLE);
        Kinds.window("since", since, "until", until);
        mode = mode == null ? Mode.HYBRID : mode;
        about = about == null || about.isBlank() ? null : Validate.line("about", about, Limits.NAME);
        limit = Validate.limit("limit", limit, Limits.DEFAULT_RECALL_LIMIT, Limits.MAX_LIMIT);
        maxChars = Validate.optionalRange(
                "maxChars", maxChars, Limits.DEFAULT_MAX_CHARS, Limits.MIN_MAX_CHARS, Limits.MAX_CHARS);
    }

    /** A search for these words in every searchable kind, with the default limit and budget. */
    public static SearchQuery of(String query) {
        return new SearchQuery(query, false, null, null, null, false, null, null, null, null);
    }

    /** With {@code true}, the query is Lucene syntax rather than plain words. */
    public SearchQuery luceneSyntax(boolean syntax) {
        return new SearchQuery(query, syntax, kinds, since, until, includeSuperseded, mode, about, limit, maxChars);
    }

    /** Only memories of these kinds. */
    public SearchQuery kinds(MemoryKind... newKinds) {
        return new SearchQuery(
                query, luceneSyntax, Kinds.of(newKinds), since, until, includeSuperseded, mode, about, limit, maxChars);
    }

    /** Only memories stored at or after this moment. */
    public SearchQuery since(Instant moment) {
        return new SearchQuery(
                query, luceneSyntax, kinds, moment, until, includeSuperseded, mode, about, limit, maxChars);
    }

    /** Only memories stored before this moment. */
    public SearchQuery until(Instant moment) {
        return new SearchQuery(
                query, luceneSyntax, kinds, since, moment, includeSuperseded, mode, about, limit, maxChars);
    }

    /** With {@code true}, find superseded decisions too. */
    public SearchQuery includeSuperseded(boolean superseded) {
        return new SearchQuery(query, luceneSyntax, kinds, since, until, superseded, mode, about, limit, maxChars);
    }

    /** Ranked this way. */
    public SearchQuery mode(Mode newMode) {
        return new SearchQuery(
                query, luceneSyntax, kinds, since, until, includeSuperseded, newMode, about, limit, maxChars);
    }

    /** Only memories that are this entity, involve it or were said by it. */
    public SearchQuery about(String entity) {
        return new SearchQuery(
                query, luceneSyntax, kinds, since, until, includeSuperseded, mode, entity, limit, maxChars);
    }

    /** The key of {@link #about()}, as entity names are matched. */
    public String aboutKey() {
        return about == null ? null : Validate.normalizedKey(about);
    }

    /** At most this many hits. */
    public SearchQuery limit(int newLimit) {
        return new SearchQuery(
                query, luceneSyntax, kinds, since, until, includeSuperseded, mode, about, newLimit, maxChars);
    }

    /** At most this many characters of text in all hits together. */
    public SearchQuery maxChars(int budget) {
        return new SearchQuery(query, luceneSyntax, kinds, since, until, includeSuperseded, mode, about, limit, budget);
    }
}
