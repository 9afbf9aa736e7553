package dev.graphmemory.model;

/** The size limits of inputs, in characters unless stated otherwise. Longer input is refused, never truncated. */
public final class Limits {
    /** Commitment content, decision content and rationale, outcomes. */
    public static final int CONTENT = 10_000;
    /** Pattern descriptions. */
    public static final int DESCRIPTION = 2_000;
    /** Conversation summaries. */
    public static final int SUMMARY = 20_000;
    /** Entity notes. */
    public static final int NOTES = 10_000;
    /** Names of entities, people (toWhom), agents and moods. */
    public static final int NAME = 200;
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
    /** The largest traversal depth of {@code findRelated}. */
    public static final int MAX_DEPTH = 5;
    /** Length of a read-only query. */
    public static final int QUERY = 10_000;

    private Limits() {}
}
