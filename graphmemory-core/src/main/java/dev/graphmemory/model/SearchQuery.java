package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A full-text search over the texts of commitments, decisions, patterns, conversation summaries, entities and turns, ranked
 * by relevance and held to a result budget.
 *
 * <p>By default the query is plain words and {@code "quoted phrases"}: every other character is taken literally, so
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
 * @param includeSuperseded whether decisions that a newer decision superseded are found too
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
        Integer limit,
        Integer maxChars) {

    /** The kinds whose texts are searched. Energy readings are not. */
    public static final Set<MemoryKind> SEARCHABLE = Set.copyOf(EnumSet.of(
            MemoryKind.COMMITMENT,
            MemoryKind.DECISION,
            MemoryKind.PATTERN,
            MemoryKind.CONVERSATION,
            MemoryKind.ENTITY,
            MemoryKind.TURN));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    /** Checks every field and applies the defaults. */
    public SearchQuery {
        query = Validate.text("query", query, Limits.SEARCH_QUERY);
        if (!luceneSyntax && !WORD.matcher(query).find()) {
            throw new InvalidInputException("query", "must contain at least one word of letters or digits");
        }
        kinds = Kinds.checked("kinds", kinds, SEARCHABLE);
        Kinds.window("since", since, "until", until);
        limit = Validate.limit("limit", limit, Limits.DEFAULT_RECALL_LIMIT, Limits.MAX_LIMIT);
        maxChars = Validate.optionalRange(
                "maxChars", maxChars, Limits.DEFAULT_MAX_CHARS, Limits.MIN_MAX_CHARS, Limits.MAX_CHARS);
    }

    /** A search for these words in every searchable kind, with the default limit and budget. */
    public static SearchQuery of(String query) {
        return new SearchQuery(query, false, null, null, null, false, null, null);
    }

    /** With {@code true}, the query is Lucene syntax rather than plain words. */
    public SearchQuery luceneSyntax(boolean syntax) {
        return new SearchQuery(query, syntax, kinds, since, until, includeSuperseded, limit, maxChars);
    }

    /** Only memories of these kinds. */
    public SearchQuery kinds(MemoryKind... newKinds) {
        return new SearchQuery(
                query, luceneSyntax, Kinds.of(newKinds), since, until, includeSuperseded, limit, maxChars);
    }

    /** Only memories stored at or after this moment. */
    public SearchQuery since(Instant moment) {
        return new SearchQuery(query, luceneSyntax, kinds, moment, until, includeSuperseded, limit, maxChars);
    }

    /** Only memories stored before this moment. */
    public SearchQuery until(Instant moment) {
        return new SearchQuery(query, luceneSyntax, kinds, since, moment, includeSuperseded, limit, maxChars);
    }

    /** With {@code true}, find superseded decisions too. */
    public SearchQuery includeSuperseded(boolean superseded) {
        return new SearchQuery(query, luceneSyntax, kinds, since, until, superseded, limit, maxChars);
    }

    /** At most this many hits. */
    public SearchQuery limit(int newLimit) {
        return new SearchQuery(query, luceneSyntax, kinds, since, until, includeSuperseded, newLimit, maxChars);
    }

    /** At most this many characters of text in all hits together. */
    public SearchQuery maxChars(int budget) {
        return new SearchQuery(query, luceneSyntax, kinds, since, until, includeSuperseded, limit, budget);
    }
}
