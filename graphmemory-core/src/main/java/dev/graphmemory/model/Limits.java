package dev.graphmemory.model;

/** The size limits of inputs, in characters unless stated otherwise. Longer input is refused, never truncated. */
public final class Limits {
    /** Commitment content, decision content and rationale, outcomes. */
    public static final int CONTENT = 10_000;
    /** Pattern descriptions. */
    public static final int DESCRIPTION = 2_000;
    /** Conversation summaries. */
    public static final int SUMMARY = 20_000;
    /** The text of one conversation turn. */
    public static final int TURN_TEXT = 20_000;
    /** Turns recorded in one call. */
    public static final int TURNS_PER_CALL = 10_000;
    /** An external reference of a turn (the id a chat platform gave the message). */
    public static final int REF = 200;
    /** Turns before or after a turn that {@code turnsAround} returns. */
    public static final int MAX_TURN_WINDOW = 50;
    /** The statement of a fact. */
    public static final int FACT = 2_000;
    /** Entities one fact is about. */
    public static final int FACT_ENTITIES = 20;
    /** Entity notes. */
    public static final int NOTES = 10_000;
    /** Names of entities, people (toWhom), agents and moods. */
    public static final int NAME = 200;
    /** Aliases given to an entity in one call. */
    public static final int ALIASES = 50;
    /** Context of an energy reading. */
    public static final int CONTEXT = 1_000;
    /** Number of alternatives of a decision, and the length of each. */
    public static final int ALTERNATIVES = 20;
    /** Length of one alternative. */
    public static final int ALTERNATIVE = 1_000;
    /** Properties on one relationship. */
    public static final int LINK_PROPERTIES = 20;
    /** The default number of results of a list operation. */
    public static final int DEFAULT_LIMIT = 20;
    /** The largest number of results of a list operation. */
    public static final int MAX_LIMIT = 200;
    /**
     * The largest traversal depth of {@code findRelated} (the original adapter's); the walk stays bounded by the
     * result limit and the read-only query timeout.
     */
    public static final int MAX_DEPTH = 10;
    /** Length of a read-only query. */
    public static final int QUERY = 10_000;
    /** Length of a full-text search query. */
    public static final int SEARCH_QUERY = 1_000;
    /** Words and phrases in one full-text search query. */
    public static final int SEARCH_TERMS = 64;
    /** The default number of results of a search, a similarity search or a timeline. */
    public static final int DEFAULT_RECALL_LIMIT = 10;
    /** The default character budget of a search, a similarity search or a timeline (about 1,000 tokens). */
    public static final int DEFAULT_MAX_CHARS = 4_000;
    /** The default character budget of a read-only query's answer (about 5,000 tokens). */
    public static final int DEFAULT_QUERY_MAX_CHARS = 20_000;
    /** The smallest character budget. */
    public static final int MIN_MAX_CHARS = 100;
    /** The largest character budget. */
    public static final int MAX_CHARS = 100_000;
    /** Ids per {@link dev.graphmemory.MemorySnapshots#existing} call. */
    public static final int SNAPSHOT_IDS = 10_000;
    /** The most dimensions an embedding may have. */
    public static final int MAX_EMBEDDING_DIMENSIONS = 4_096;
    /** The largest number of days a time filter may reach back (100 years). */
    public static final int MAX_DAYS = 36_500;

    private Limits() {}
}
