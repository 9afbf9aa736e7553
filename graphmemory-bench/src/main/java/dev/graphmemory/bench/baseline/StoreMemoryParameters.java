package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the library's {@code storeMemory} statement (and of the composed one it replaced) for one
 * {@link Turn}, built by hand the way the library builds them: rows by kind, keys in order, links by position, no
 * links to stored memories.
 *
 * @param parameters the statement's parameters
 */
public record StoreMemoryParameters(Map<String, Object> parameters) {

    /** The parameters that store {@code turn} in {@code namespace}. */
    public static StoreMemoryParameters of(String namespace, Turn turn) {
        List<String> keys = new ArrayList<>();
        Map<String, Object> commitment = row(keys, "commitment");
        commitment.put("content", turn.commitment());
        commitment.put("toWhom", turn.toWhom());
        commitment.put("deadline", null);
        commitment.put("dueAt", null);
        commitment.put("domain", "work");
        commitment.put("priority", 3);
        Map<String, Object> decision = row(keys, "decision");
        decision.put("content", turn.decision());
        decision.put("rationale", turn.rationale());
        decision.put("alternatives", List.of());
        decision.put("domain", "work");
        decision.put("confidence", 0.7);
        List<Map<String, Object>> entities = new ArrayList<>();
        for (int i = 0; i < turn.entities().size(); i++) {
            NewEntity entity = NewEntity.of(turn.entities().get(i), Turn.entityType(i));
            Map<String, Object> row = RawDriver.entityRow(keys.size(), entity);
            row.put("key", "e" + i);
            keys.add("e" + i);
            entities.add(row);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i < Turn.LINKS.size(); i++) {
            String[] link = Turn.LINKS.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("index", i);
            row.put("indexes", List.of(i));
            row.put("type", link[1]);
            row.put("properties", Map.of());
            row.put("fromIndex", keys.indexOf(link[0]));
            row.put("toIndex", keys.indexOf(link[2]));
            row.put("fromId", null);
            row.put("toId", null);
            links.add(row);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("namespace", namespace);
        parameters.put("keys", keys);
        parameters.put("commitments", List.of(commitment));
        parameters.put("decisions", List.of(decision));
        parameters.put("entities", entities);
        parameters.put("patterns", List.of());
        parameters.put("window", 64);
        parameters.put("links", links);
        parameters.put("externals", List.of());
        return new StoreMemoryParameters(parameters);
    }

    /** The parameters of a commitment involving three new people (scenario S8). */
    public static StoreMemoryParameters commitmentWithEntities(
            String namespace, String content, String toWhom, List<String> people) {
        List<String> keys = new ArrayList<>();
        Map<String, Object> commitment = row(keys, "c");
        commitment.put("content", content);
        commitment.put("toWhom", toWhom);
        commitment.put("deadline", null);
        commitment.put("dueAt", null);
        commitment.put("domain", null);
        commitment.put("priority", null);
        List<Map<String, Object>> entities = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Map<String, Object> row = RawDriver.entityRow(keys.size(), NewEntity.of(people.get(i), EntityType.PERSON));
            row.put("key", "e" + i);
            keys.add("e" + i);
            entities.add(row);
            Map<String, Object> link = new HashMap<>();
            link.put("index", i);
            link.put("indexes", List.of(i));
            link.put("type", "INVOLVES");
            link.put("properties", Map.of());
            link.put("fromIndex", 0);
            link.put("toIndex", keys.size() - 1);
            links.add(link);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("namespace", namespace);
        parameters.put("keys", keys);
        parameters.put("commitments", List.of(commitment));
        parameters.put("decisions", List.of());
        parameters.put("entities", entities);
        parameters.put("patterns", List.of());
        parameters.put("window", 64);
        parameters.put("links", links);
        parameters.put("externals", List.of());
        return new StoreMemoryParameters(parameters);
    }

    private static Map<String, Object> row(List<String> keys, String key) {
        Map<String, Object> row = new HashMap<>();
        row.put("index", keys.size());
        row.put("id", Uuid7.next());
        row.put("key", key);
        keys.add(key);
        return row;
    }
}
