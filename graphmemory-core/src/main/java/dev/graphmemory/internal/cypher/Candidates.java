package dev.graphmemory.internal.cypher;

import dev.graphmemory.model.MemoryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** The rows of a search's statements: the memories each signal ranks, and what the search knows beforehand. */
public final class Candidates {
    private Candidates() {}

    /**
     * A memory one signal found.
     *
     * @param memory the memory
     * @param score the signal's score: full-text relevance, or cosine similarity
     * @param about the names of the entities the memory involves or was said by
     */
    public record Candidate(MemoryNode memory, double score, List<String> about) {}

    /**
     * A memory still waiting for its embedding, which the search embeds itself unless its vector is stored already.
     *
     * @param memory the memory
     * @param text the text it is embedded from, or {@code null} when it has none
     * @param about the names of the entities the memory involves or was said by
     * @param vector its stored vector (made by the search's model) when the embedder has stored but not finished it, or
     *     {@code null}
     */
    public record Pending(MemoryNode memory, String text, List<String> about, float[] vector) {}

    /**
     * What a search knows before it ranks.
     *
     * @param mentioned the keys of the namespace's entities the query names
     * @param pending the memories passing the filters that wait for their embedding
     */
    public record Context(Set<String> mentioned, List<Pending> pending) {}

    /** One round of the vector index: how many neighbours it gave, and those passing the filters. */
    record Round(int seen, List<Candidate> hits) {}

    static Context context(Record record) {
        List<Pending> pending = new ArrayList<>();
        for (Value item : record.get("pending").values()) {
            Value text = item.get("text");
            pending.add(new Pending(
                    Nodes.memory(item.get("node").asNode()),
                    text.isNull() ? null : text.asString(),
                    item.get("about").asList(Value::asString),
                    vector(item.get("vector"))));
        }
        return new Context(Set.copyOf(record.get("mentioned").asList(Value::asString)), pending);
    }

    private static float[] vector(Value value) {
        if (value.isNull()) {
            return null;
        }
        List<Double> values = value.asList(Value::asDouble);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).floatValue();
        }
        return vector;
    }

    static Round round(Record record) {
        List<Candidate> hits = new ArrayList<>();
        for (Value hit : record.get("hits").values()) {
            hits.add(new Candidate(
                    Nodes.memory(
                            hit.get("labels").asList(Value::asString),
                            hit.get("node").asMap()),
                    hit.get("score").asDouble(),
                    hit.get("about").asList(Value::asString)));
        }
        return new Round(record.get("seen").asInt(), hits);
    }
}
