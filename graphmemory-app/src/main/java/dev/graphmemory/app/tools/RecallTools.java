package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.bool;
import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.number;
import static dev.graphmemory.app.tools.Param.numbers;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Param.stringsOf;
import static dev.graphmemory.app.tools.SharedParams.INCLUDE_SUPERSEDED;
import static dev.graphmemory.app.tools.SharedParams.KINDS;
import static dev.graphmemory.app.tools.SharedParams.MAX_CHARS;
import static dev.graphmemory.app.tools.SharedParams.SEARCHABLE_KINDS;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryNode;

/**
 * The tools that recall memories of every kind at once: by words, by embedding and by time. {@code set_embedding}
 * lives here because it exists only to make {@code similar_memories} find a memory.
 */
final class RecallTools {
    private static final java.util.List<String> SEARCH_MODES = java.util.Arrays.stream(
                    dev.graphmemory.model.SearchQuery.Mode.values())
            .map(mode -> mode.name().toLowerCase(java.util.Locale.ROOT))
            .toList();

    static final Tool SEARCH_MEMORY = Tool.of(
            "search_memory",
            "Search the memory",
            "Find memories by meaning and by words: what was said in conversations (turns), commitments,"
                    + " decisions (with rationale and alternatives), patterns, conversation summaries, entities"
                    + " and facts, best first. Ask in your own words, e.g. \"what did Caroline say about adoption?\": by"
                    + " default memories are ranked by meaning and words together, and a memory about a person or"
                    + " thing the query names (said by them, involving them) ranks higher; each hit says why it"
                    + " matched. mode words ranks by words only (plain words and \"quoted phrases\"), meaning by"
                    + " meaning only. To read what was said around a turn, call turns_around with its id. Long"
                    + " texts are shortened to fit max_chars, and truncated says when anything was left out.",
            READS,
            (memory, args) -> Results.Hits.of(memory.searchMemory(ArgumentMapper.searchQuery(args))),
            string("query", "What to look for, in your own words (or words and \"phrases\")")
                    .mandatory()
                    .maxLength(Limits.SEARCH_QUERY),
            stringsOf("kinds", "Only memories of these kinds", SEARCHABLE_KINDS, SEARCHABLE_KINDS.size()),
            string("since", "Only memories stored (turns: said) at or after this date or date-time"),
            string("until", "Only memories stored (turns: said) before this date or date-time"),
            oneOf(
                    "mode",
                    "hybrid (default): meaning, words and who or what the query names; words; or meaning",
                    SEARCH_MODES),
            string("about", "Only memories about this entity: it, what involves it, what it said (its name)")
                    .maxLength(Limits.NAME),
            bool(
                    "include_superseded",
                    "Also return decisions that a newer decision superseded and facts that no longer hold (default"
                            + " false)"),
            bool(
                    "lucene",
                    "Read query as Lucene syntax (`propos*`, `drft~`, AND, OR, NOT, `content:pilot`) instead of"
                            + " plain words"),
            integer("limit", "Most hits (default 10)", 1, Limits.MAX_LIMIT),
            MAX_CHARS);

    static final Tool SET_EMBEDDING = Tool.of(
            "set_embedding",
            "Attach an embedding",
            "Attach an embedding (a vector from your embedding model) to a memory, replacing any earlier"
                    + " one, so that similar_memories can find it. Every embedding must have the size the"
                    + " server is configured for (384 numbers unless configured otherwise).",
            WRITES,
            (memory, args) -> {
                MemoryNode node = memory.setEmbedding(args.string("id"), ArgumentMapper.embedding(args));
                return Results.EmbeddingSet.of(node, args.numbers("embedding").size());
            },
            string("id", "Id of the memory").mandatory(),
            numbers("embedding", "The vector", Limits.MAX_EMBEDDING_DIMENSIONS).mandatory());

    static final Tool SIMILAR_MEMORIES = Tool.of(
            "similar_memories",
            "Find similar memories",
            "Find the memories whose embeddings are nearest to a vector, or to the embedding of a stored"
                    + " memory (give id), nearest first, with a score from 0 to 1. Only memories with an"
                    + " embedding (set_embedding) can be found.",
            READS,
            (memory, args) -> Results.Hits.of(memory.similarMemories(ArgumentMapper.similarityQuery(args))),
            numbers("embedding", "The vector to compare with (or give id)", Limits.MAX_EMBEDDING_DIMENSIONS),
            string("id", "Id of a memory whose embedding to compare with (or give embedding)"),
            stringsOf("kinds", "Only memories of these kinds", KINDS, KINDS.size()),
            number("min_score", "Only memories at least this similar, 0 to 1", 0, 1),
            INCLUDE_SUPERSEDED,
            integer("limit", "Most results (default 10)", 1, Limits.MAX_LIMIT),
            MAX_CHARS);

    static final Tool TIMELINE = Tool.of(
            "timeline",
            "What happened when",
            "What happened in a period, newest first, across every kind of memory: memories stored,"
                    + " commitments completed, sessions ended, decisions superseded, patterns observed again."
                    + " Give days (the last few days; default 7) or from and to.",
            READS,
            (memory, args) -> Results.Events.of(memory.timeline(ArgumentMapper.timelineQuery(args))),
            integer("days", "The last this many days (default 7)", 1, Limits.MAX_DAYS),
            string("from", "Start of the period: a date or date-time, inclusive"),
            string("to", "End of the period: a date (inclusive) or date-time (exclusive); default now"),
            stringsOf("kinds", "Only memories of these kinds", KINDS, KINDS.size()),
            integer("limit", "Most events (default 20)", 1, Limits.MAX_LIMIT),
            MAX_CHARS);

    private RecallTools() {}
}
