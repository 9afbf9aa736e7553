package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which memories to find by similarity of their embeddings: the nearest to a given vector, or to the embedding of a
 * stored memory ("more like this"), nearest first and held to a result budget.
 *
 * <pre>{@code
 * SearchResult near = memory.similarMemories(SimilarityQuery.to(Embedding.of(vector)).limit(5));
 * SearchResult alike = memory.similarMemories(SimilarityQuery.like(decision.id()).kinds(MemoryKind.DECISION));
 * }</pre>
 *
 * @param embedding the vector to compare with, or {@code null} when {@code memoryId} is given
 * @param memoryId the memory whose embedding to compare with (it is not among the results), or {@code null}
 * @param kinds only memories of these kinds; {@code null} or empty for all
 * @param minScore only memories at least this similar, 0 to 1 (cosine similarity mapped to 0..1), or {@code null}
 * @param includeSuperseded whether decisions that a newer decision superseded are found too
 * @param limit at most this many, 1 to {@value Limits#MAX_LIMIT}; {@code null} means
 *     {@value Limits#DEFAULT_RECALL_LIMIT}
 * @param maxChars at most this many characters of text in all results together; {@code null} means
 *     {@value Limits#DEFAULT_MAX_CHARS}
 */
public record SimilarityQuery(
        Embedding embedding,
        String memoryId,
        Set<MemoryKind> kinds,
        Double minScore,
        boolean includeSuperseded,
        Integer limit,
        Integer maxChars) {

    /** Checks every field and applies the defaults. */
    public SimilarityQuery {
        if ((embedding == null) == (memoryId == null)) {
            throw new InvalidInputException("embedding", "give either an embedding or the id of a memory, not both");
        }
        if (memoryId != null) {
            memoryId = Validate.id("memoryId", memoryId);
        }
        kinds = Kinds.checked("kinds", kinds, EnumSet.allOf(MemoryKind.class));
        if (minScore != null) {
            Validate.range("minScore", minScore, 0.0, 1.0);
        }
        limit = Validate.limit("limit", limit, Limits.DEFAULT_RECALL_LIMIT, Limits.MAX_LIMIT);
        maxChars = Validate.optionalRange(
                "maxChars", maxChars, Limits.DEFAULT_MAX_CHARS, Limits.MIN_MAX_CHARS, Limits.MAX_CHARS);
    }

    /** The memories nearest to this vector. */
    public static SimilarityQuery to(Embedding embedding) {
        return new SimilarityQuery(Validate.required("embedding", embedding), null, null, null, false, null, null);
    }

    /** The memories nearest to the embedding of this stored memory. */
    public static SimilarityQuery like(String memoryId) {
        return new SimilarityQuery(null, Validate.id("memoryId", memoryId), null, null, false, null, null);
    }

    /** Only memories of these kinds. */
    public SimilarityQuery kinds(MemoryKind... newKinds) {
        return new SimilarityQuery(
                embedding, memoryId, Kinds.of(newKinds), minScore, includeSuperseded, limit, maxChars);
    }

    /** Only memories at least this similar (0 to 1). */
    public SimilarityQuery minScore(double score) {
        return new SimilarityQuery(embedding, memoryId, kinds, score, includeSuperseded, limit, maxChars);
    }

    /** With {@code true}, find superseded decisions too. */
    public SimilarityQuery includeSuperseded(boolean superseded) {
        return new SimilarityQuery(embedding, memoryId, kinds, minScore, superseded, limit, maxChars);
    }

    /** At most this many. */
    public SimilarityQuery limit(int newLimit) {
        return new SimilarityQuery(embedding, memoryId, kinds, minScore, includeSuperseded, newLimit, maxChars);
    }

    /** At most this many characters of text in all results together. */
    public SimilarityQuery maxChars(int budget) {
        return new SimilarityQuery(embedding, memoryId, kinds, minScore, includeSuperseded, limit, budget);
    }
}
