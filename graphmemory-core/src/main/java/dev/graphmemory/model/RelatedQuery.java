package dev.graphmemory.model;

/**
 * Which memories near a given one to find: each related memory once, at its shortest distance.
 *
 * @param nodeId the memory to start from (required)
 * @param relationshipType follow only this type, or {@code null} for all
 * @param depth how many hops at most, 1 to {@value Limits#MAX_DEPTH}; {@code null} means {@value #DEFAULT_DEPTH}
 * @param limit at most this many; {@code null} means {@value #DEFAULT_LIMIT}
 */
public record RelatedQuery(String nodeId, RelationshipType relationshipType, Integer depth, Integer limit) {
    /** The default depth. */
    public static final int DEFAULT_DEPTH = 2;
    /** The default number of results. */
    public static final int DEFAULT_LIMIT = 50;

    /** Checks every field and applies the defaults. */
    public RelatedQuery {
        nodeId = Validate.id("nodeId", nodeId);
        depth = depth == null ? DEFAULT_DEPTH : Validate.range("depth", depth, 1, Limits.MAX_DEPTH);
        limit = Validate.limit("limit", limit, DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** Everything within the default depth of a memory. */
    public static RelatedQuery around(String nodeId) {
        return new RelatedQuery(nodeId, null, null, null);
    }

    /** Follow only this type. */
    public RelatedQuery via(RelationshipType type) {
        return new RelatedQuery(nodeId, type, depth, limit);
    }

    /** Up to this many hops. */
    public RelatedQuery depth(int hops) {
        return new RelatedQuery(nodeId, relationshipType, hops, limit);
    }

    /** At most this many. */
    public RelatedQuery limit(int newLimit) {
        return new RelatedQuery(nodeId, relationshipType, depth, newLimit);
    }
}
