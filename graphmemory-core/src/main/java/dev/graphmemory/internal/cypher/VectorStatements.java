package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Embeddings and the nearest memories through the {@code gm_memory_embedding} vector index.
 *
 * <p>Neo4j 5 cannot filter inside a vector search: {@code db.index.vector.queryNodes} returns the {@code k} nearest
 * embeddings of the whole database, and the namespace, kinds and minimum score are applied after. When the database
 * holds other tenants, their embeddings may take places among the {@code k}. So the search deepens: it starts with a
 * {@code k} a few times the limit, and while fewer than the limit remain after filtering and the index had more to
 * give, it asks again with eight times the {@code k}, up to {@value #MAX_K} neighbours. Each round is one statement in
 * the same transaction. Memories of a namespace beyond the {@value #MAX_K} nearest of the whole database are not
 * found; in a database of one tenant that never matters.
 */
public final class VectorStatements {
    /** The most neighbours one similarity search reads from the index. */
    static final int MAX_K = 10_000;

    /** The fewest neighbours the first round reads. */
    static final int MIN_K = 50;

    /** Sets the embedding as a compact float array ({@code db.create.setNodeVectorProperty}), indexed at commit. */
    static final String SET = """
            MATCH (m:Memory {namespace: $namespace, id: $id})
            CALL db.create.setNodeVectorProperty(m, 'embedding', $vector)
            RETURN m
            """;

    static final String SOURCE = """
            OPTIONAL MATCH (m:Memory {namespace: $namespace, id: $id})
            RETURN m IS NOT NULL AS found, m.embedding AS embedding
            """;

    static final String NEAREST = """
            CALL db.index.vector.queryNodes('gm_memory_embedding', $k, $vector) YIELD node, score
            WITH count(*) AS seen, collect(CASE
                WHEN node.namespace = $namespace AND node:Memory
                  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
                  AND ($exclude IS NULL OR node.id <> $exclude)
                  AND ($includeSuperseded OR node.supersededAt IS NULL)
                  AND score >= $minScore
                THEN {node: node, score: score} END) AS hits
            RETURN seen, hits[0..$limit] AS hits
            """;

    private VectorStatements() {}

    public static Statement<MemoryNode> set(String namespace, String id, Embedding embedding) {
        var params = Params.in(namespace).with("id", id).with("vector", embedding.asDoubles());
        return Statement.write("setEmbedding", SET, params.map(), rows -> {
            if (rows.records().isEmpty()) {
                throw new NotFoundException("Memory", "id", id);
            }
            return Nodes.memory(rows.single().get("m").asNode());
        });
    }

    /** The nearest memories to the query's vector, or to the embedding of its memory. */
    public static Work<SearchResult> similar(String namespace, SimilarityQuery query, int dimensions) {
        if (query.embedding() != null) {
            return nearest(namespace, query, query.embedding().asDoubles(), firstK(query.limit()));
        }
        var params = Params.in(namespace).with("id", query.memoryId());
        Statement<List<Double>> source = Statement.read("similarMemories", SOURCE, params.map(), rows -> {
            Record record = rows.single();
            if (!record.get("found").asBoolean()) {
                throw new NotFoundException("Memory", "memoryId", query.memoryId());
            }
            Value embedding = record.get("embedding");
            if (embedding.isNull()) {
                throw new InvalidInputException("memoryId", "names a memory without an embedding; set one first");
            }
            List<Double> vector = embedding.asList(Value::asDouble);
            if (vector.size() != dimensions) {
                throw new InvalidInputException(
                        "memoryId",
                        "names a memory whose embedding has " + vector.size() + " dimensions, not " + dimensions);
            }
            return vector;
        });
        return source.then(vector -> nearest(namespace, query, vector, firstK(query.limit())));
    }

    private static int firstK(int limit) {
        return Math.min(MAX_K, Math.max(MIN_K, (limit + 1) * 4));
    }

    /** One round with {@code k} neighbours, and another, deeper one while too few of them are this namespace's. */
    private static Work<SearchResult> nearest(String namespace, SimilarityQuery query, List<Double> vector, int k) {
        var params = Params.in(namespace)
                .with("k", k)
                .with("vector", vector)
                .with("labels", SearchStatements.labels(query.kinds()))
                .with("exclude", query.memoryId())
                .with("includeSuperseded", query.includeSuperseded())
                .with("minScore", query.minScore() == null ? 0.0 : query.minScore())
                .with("limit", query.limit() + 1);
        Statement<Round> round = Statement.read("similarMemories", NEAREST, params.map(), rows -> {
            Record record = rows.single();
            List<MemoryNode> memories = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Value hit : record.get("hits").values()) {
                memories.add(Nodes.memory(hit.get("node").asNode()));
                scores.add(hit.get("score").asDouble());
            }
            return new Round(record.get("seen").asInt(), memories, scores);
        });
        return round.then(found -> {
            boolean enough = found.memories().size() > query.limit() || found.seen() < k || k >= MAX_K;
            return enough
                    ? Work.done(
                            "similarMemories",
                            SearchStatements.result(found.memories(), found.scores(), query.limit(), query.maxChars()))
                    : nearest(namespace, query, vector, Math.min(MAX_K, k * 8));
        });
    }

    /** One round: how many neighbours the index gave, and those that passed the filters, nearest first. */
    private record Round(int seen, List<MemoryNode> memories, List<Double> scores) {}
}
