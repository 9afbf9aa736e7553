package dev.graphmemory.bench.recall;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.embeddings.E5SmallEmbedder;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchQuery.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search latency over a namespace of many memories: LoCoMo's turns recorded again and again (through the library's bulk
 * turn API) up to the size asked, given vectors straight in the database (embedding them all would take most of an
 * hour): each copy of a turn gets the vector the model made for that turn in the recall run, with a little noise (a
 * vector index's search costs depend on how the vectors lie: random ones, with no neighbourhoods, cost it several
 * times as much as a model's), then LoCoMo's questions asked in every mode, the query embedded by the real model each
 * time.
 */
final class Scale {
    private static final Logger LOG = LoggerFactory.getLogger(Scale.class);
    private static final String NAMESPACE = "locomo-scale";
    private static final int PER_CONVERSATION = 2_000;
    private static final int QUESTIONS = 300;
    private static final String MODEL_VECTORS = """
            MATCH (t:Turn) WHERE t.namespace STARTS WITH 'locomo-' AND t.namespace <> $namespace
              AND t.textVector IS NOT NULL
            RETURN t.text AS text, t.textVector AS vector
            """;
    private static final String WAITING = """
            MATCH (t:EmbedPending) WHERE t.namespace = $namespace AND t.textVector IS NULL
            RETURN t.id AS id, t.text AS text LIMIT 2000
            """;
    private static final String STORE = """
            UNWIND $rows AS row
            MATCH (t:Memory) WHERE t.namespace = $namespace AND t.id = row.id
            CALL db.create.setNodeVectorProperty(t, 'textVector', row.vector)
            SET t.textModel = $model
            REMOVE t:EmbedPending
            RETURN count(t)
            """;

    private final Driver driver;
    private final MemoryConfig base;
    private final E5SmallEmbedder model;

    Scale(Driver driver, MemoryConfig base, E5SmallEmbedder model) {
        this.driver = driver;
        this.base = base;
        this.model = model;
    }

    /** Latencies in milliseconds of LoCoMo's questions over {@code memories} turns, by mode. */
    Map<Mode, List<Double>> latencies(int memories, List<Locomo.Dialogue> dialogues) {
        List<Locomo.Said> said = new ArrayList<>();
        dialogues.forEach(dialogue -> dialogue.sessions().forEach(session -> said.addAll(session.turns())));
        List<Locomo.Question> questions = new ArrayList<>();
        dialogues.forEach(dialogue -> questions.addAll(dialogue.questions()));
        long started = System.nanoTime();
        try (GraphMemory memory = GraphMemory.connect(base.toBuilder()
                .namespace(NAMESPACE)
                .embeddings(Embeddings.off())
                .build())) {
            Instant at = Instant.parse("2023-01-01T00:00:00Z");
            for (int written = 0; written < memories; written += PER_CONVERSATION) {
                Conversation conversation = memory.startConversation(NewConversation.of("scale"));
                List<NewTurn> turns = new ArrayList<>(PER_CONVERSATION);
                for (int i = written; i < Math.min(memories, written + PER_CONVERSATION); i++) {
                    Locomo.Said turn = said.get(i % said.size());
                    turns.add(new NewTurn(turn.speaker(), turn.text(), at.plusSeconds(i), turn.id()));
                }
                memory.recordTurns(conversation.id(), turns);
            }
        }
        Map<String, List<Double>> made = new HashMap<>();
        driver.executableQuery(MODEL_VECTORS)
                .withParameters(Map.of("namespace", NAMESPACE))
                .execute()
                .records()
                .forEach(r -> made.put(r.get("text").asString(), r.get("vector").asList(v -> v.asDouble())));
        Random random = new Random(42);
        List<org.neo4j.driver.Record> waiting;
        do {
            waiting = driver.executableQuery(WAITING)
                    .withParameters(Map.of("namespace", NAMESPACE))
                    .execute()
                    .records();
            List<Map<String, Object>> rows = new ArrayList<>(waiting.size());
            for (org.neo4j.driver.Record record : waiting) {
                List<Double> near = made.get(record.get("text").asString(""));
                rows.add(Map.of("id", record.get("id").asString(), "vector", noisy(near, random, model.dimensions())));
            }
            if (!rows.isEmpty()) {
                driver.executableQuery(STORE)
                        .withParameters(Map.of("rows", rows, "namespace", NAMESPACE, "model", model.model()))
                        .execute();
            }
        } while (!waiting.isEmpty());
        LOG.info("{} memories with vectors in {} s", memories, (System.nanoTime() - started) / 1_000_000_000);
        Map<Mode, List<Double>> latencies = new EnumMap<>(Mode.class);
        try (GraphMemory memory = GraphMemory.connect(base.toBuilder()
                .namespace(NAMESPACE)
                .embeddings(Embeddings.defaults().withEmbedder(model))
                .build())) {
            Mode[] modes = Mode.values();
            for (int q = 0; q < Math.min(QUESTIONS, questions.size()) + 10; q++) {
                Locomo.Question question = questions.get(q % questions.size());
                for (int i = 0; i < modes.length; i++) {
                    Mode mode = modes[(i + q) % modes.length];
                    long begun = System.nanoTime();
                    memory.searchMemory(SearchQuery.of(question.text())
                            .mode(mode)
                            .kinds(MemoryKind.TURN)
                            .limit(10)
                            .maxChars(Limits.DEFAULT_MAX_CHARS));
                    if (q >= 10) { // the first ten warm the plans and caches
                        latencies.computeIfAbsent(mode, m -> new ArrayList<>()).add((System.nanoTime() - begun) / 1e6);
                    }
                }
            }
        }
        return latencies;
    }

    /** A unit vector near {@code near} (a random one when the turn was not embedded). */
    private static List<Double> noisy(List<Double> near, Random random, int dimensions) {
        double[] vector = new double[dimensions];
        double sum = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (near == null ? 0 : near.get(i)) + random.nextGaussian() * (near == null ? 1 : 0.01);
            sum += vector[i] * vector[i];
        }
        List<Double> unit = new ArrayList<>(dimensions);
        for (double value : vector) {
            unit.add(value / Math.sqrt(sum));
        }
        return unit;
    }
}
