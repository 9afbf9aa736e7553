package dev.graphmemory.internal.cypher;

import java.util.List;

/**
 * The embeddings of memories' texts, made behind the writes ({@code textVector}, by the configured embedder), and the
 * {@code gm_text_vector} index over them.
 *
 * <p>A write of a searchable memory labels it {@code EmbedPending}; a write that changes the text of one stored before
 * (an entity's notes, a conversation's summary) labels it again and removes its vector. The embedder then works in two
 * steps, like the search indexer (see {@link SearchIndexing}): it stores the vector of a pending memory whose text is
 * still the one it embedded ({@link #STORE}), and a later transaction ends the pending mark ({@link #FINISH}). So a
 * memory leaves {@code EmbedPending} only after the commit that put its vector in the index has ended, and a search,
 * which embeds the pending memories of its namespace itself, never misses one. Every statement finds waiting memories
 * through the (namespace) index of {@code EmbedPending}, never by scanning.
 */
public final class EmbeddingStatements {
    /** The vector index over {@code textVector}. */
    public static final String INDEX = "gm_text_vector";

    /**
     * The text a memory is embedded from, by kind: what was said with its speaker, a decision with its rationale, a
     * commitment with whom it was made to, a pattern's description, a conversation's summary, an entity's name with its
     * aliases and notes, a fact's statement. {@code null} when there is none yet (a conversation not ended).
     */
    public static String text(String n) {
        return """
                CASE
                  WHEN %1$s:Turn THEN %1$s.speaker + ': ' + %1$s.text
                  WHEN %1$s:Decision THEN %1$s.content + coalesce('. ' + %1$s.rationale, '')
                  WHEN %1$s:Commitment THEN %1$s.content + coalesce(' (to ' + %1$s.toWhom + ')', '')
                  WHEN %1$s:Pattern THEN %1$s.description
                  WHEN %1$s:Conversation THEN %1$s.summary
                  WHEN %1$s:Entity THEN %1$s.name
                    + CASE WHEN size(coalesce(%1$s.aliases, [])) = 0 THEN '' ELSE ' (' + reduce(s = '',
                        a IN %1$s.aliases | s + CASE WHEN s = '' THEN '' ELSE ', ' END + a) + ')' END
                    + coalesce(': ' + %1$s.notes, '')
                  WHEN %1$s:Fact THEN %1$s.content
                END""".formatted(n);
    }

    /**
     * Claims at most {@code $batch} memories of any namespace waiting for their embedding, for {@code $seconds}, and
     * returns them with their texts: another embedder (another process on the same database) leaves them alone
     * meanwhile.
     */
    public static final String CLAIM = PinnedPlans.pinned("""
            MATCH (n:EmbedPending) USING INDEX n:EmbedPending(namespace)
            WHERE n.namespace IS NOT NULL AND n.textVector IS NULL
              AND (n.embedClaimedAt IS NULL OR n.embedClaimedAt < datetime() - duration({seconds: $seconds}))
            WITH n LIMIT $batch
            SET n.embedClaimedAt = datetime(), n.embedClaimedBy = $worker
            RETURN n.namespace AS namespace, n.id AS id, %s AS text
            """.formatted(text("n")));

    /** The properties of embedding, never shown as memory content nor exported (a vector is made again from text). */
    public static final java.util.Set<String> PROPERTIES =
            java.util.Set.of("textVector", "textModel", "embedClaimedAt", "embedClaimedBy");

    /**
     * The first step: stores the vectors of {@code $rows} ({@code namespace}, {@code id}, {@code text},
     * {@code vector}) on the memories still waiting whose text is still the one embedded. A memory without text stops
     * waiting here (nothing to embed until its text is written).
     */
    public static final String STORE = PinnedPlans.pinned("""
            UNWIND $rows AS row
            MATCH (n:Memory {namespace: row.namespace, id: row.id}) USING INDEX n:Memory(namespace, id)
            WHERE n:EmbedPending AND n.textVector IS NULL AND coalesce(%s, '') = coalesce(row.text, '')
            CALL (n, row) {
              WITH n, row WHERE row.vector IS NOT NULL
              CALL db.create.setNodeVectorProperty(n, 'textVector', row.vector)
              SET n.textModel = $model
            }
            CALL (n, row) {
              WITH n, row WHERE row.vector IS NULL
              REMOVE n:EmbedPending
            }
            REMOVE n.embedClaimedAt, n.embedClaimedBy
            RETURN count(n) AS stored
            """.formatted(text("n")));

    /** The second step: at most {@code $batch} memories whose vectors an earlier transaction stored stop waiting. */
    public static final String FINISH = PinnedPlans.pinned("""
            MATCH (n:EmbedPending) USING INDEX n:EmbedPending(namespace)
            WHERE n.namespace IS NOT NULL AND n.textVector IS NOT NULL
            WITH n LIMIT $batch
            REMOVE n:EmbedPending
            RETURN count(n) AS finished
            """);

    /**
     * Memories embedded by another model wait again, at most {@code $batch} of them (after a change of embedder): their
     * vectors are removed, so that until they are embedded again they are found by words only.
     */
    public static final String FORGET_OTHER_MODELS = """
            MATCH (n:Memory) WHERE n.textModel IS NOT NULL AND n.textModel <> $model
            WITH n LIMIT $batch
            REMOVE n.textVector, n.textModel
            SET n:EmbedPending
            RETURN count(n) AS marked
            """;

    /** The model and size the vector index was made for, recorded on the schema node. */
    public static final String READ_MODEL = """
            OPTIONAL MATCH (s:GraphMemorySchema {name: 'graphmemory'})
            RETURN s.textModel AS model, s.textDimensions AS dimensions
            """;

    public static final String WRITE_MODEL = """
            MERGE (s:GraphMemorySchema {name: 'graphmemory'})
            SET s.textModel = $model, s.textDimensions = $dimensions
            """;

    /** The size of the existing vector index, if any. */
    public static final String INDEX_DIMENSIONS = """
            SHOW VECTOR INDEXES YIELD name, options WHERE name = $name
            RETURN options.indexConfig['vector.dimensions'] AS dimensions
            """;

    private EmbeddingStatements() {}

    /** Creates the vector index for embeddings of {@code dimensions} numbers compared by cosine, if it is missing. */
    public static String createIndex(int dimensions) {
        return ("CREATE VECTOR INDEX %s IF NOT EXISTS FOR (m:Memory) ON m.textVector OPTIONS {indexConfig: {"
                        + "`vector.dimensions`: %d, `vector.similarity_function`: 'cosine'}}")
                .formatted(INDEX, dimensions);
    }

    /** The vector as the driver sends it. */
    public static List<Double> asList(float[] vector) {
        Double[] values = new Double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = (double) vector[i];
        }
        return List.of(values);
    }
}
