package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.StoredMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * {@code storeMemory}: a whole memory in one statement, so one round trip and one commit.
 *
 * <p>The statement is assembled from the same fragments the single and batch operations use (no query exists
 * twice). It first checks the ends of links to memories stored before; only if all exist and fit the relationship
 * rules does it write, so a refused memory writes nothing in any execution mode. Links between items of the memory
 * find their ends by position in {@code $keys}, since an entity or pattern may turn out to be one stored before,
 * with an id of its own.
 */
public final class StoreMemoryStatement {
    public static final String TEXT = """
            CALL () {
              UNWIND $externals AS x
              OPTIONAL MATCH (m:Memory {namespace: $namespace, id: x.id})
              RETURN collect({link: x.link, end: x.end, found: m IS NOT NULL, labels: labels(m),
                  allowed: m IS NOT NULL AND any(label IN labels(m) WHERE label IN x.labels)}) AS externals
            }
            WITH externals, all(x IN externals WHERE x.allowed) AS ok
            OPTIONAL CALL (ok) {
              WITH ok WHERE ok
              CALL () {
            %s    RETURN collect({key: row.key, node: c, created: true}) AS commitments
              }
              CALL () {
            %s    RETURN collect({key: row.key, node: d, created: true}) AS decisions
              }
              CALL () {
            %s    RETURN collect({key: row.key, node: e, created: e.id = row.id}) AS entities
              }
              CALL () {
            %s    RETURN collect({key: row.key, node: p, created: p.id = row.id}) AS patterns
              }
              WITH commitments + decisions + entities + patterns AS stored
              WITH stored, [key IN $keys | head([s IN stored WHERE s.key = key | s.node])] AS nodes
              CALL (nodes) {
                UNWIND $links AS row
                OPTIONAL MATCH (xf:Memory {namespace: $namespace, id: row.fromId})
                OPTIONAL MATCH (xt:Memory {namespace: $namespace, id: row.toId})
                WITH row, coalesce(nodes[row.fromIndex], xf) AS a, coalesce(nodes[row.toIndex], xt) AS b
                WITH row, a, b, true AS allowed, true AS write
            %s    RETURN collect({index: row.index, created: created, from: a.id, to: b.id,
                    properties: properties(COLLECT { MATCH (a)-[r]->(b) WHERE type(r) = row.type RETURN r }[0])})
                    AS links
              }
              RETURN stored, links
            }
            RETURN externals, ok, stored, links
            """.formatted(
                    CommitmentStatements.create("commitments"),
                    DecisionStatements.create("decisions"),
                    EntityStatements.upsert("entities"),
                    PatternStatements.record("patterns"),
                    LinkStatements.write());

    private StoreMemoryStatement() {}

    public static Statement<StoredMemory> statement(String namespace, Supplier<String> ids, NewMemory memory) {
        List<String> keys = new ArrayList<>();
        List<Map<String, Object>> commitments = new ArrayList<>();
        memory.commitments()
                .forEach((key, item) ->
                        commitments.add(keyed(CommitmentStatements.row(keys.size(), ids.get(), item), key, keys)));
        List<Map<String, Object>> decisions = new ArrayList<>();
        memory.decisions()
                .forEach((key, item) ->
                        decisions.add(keyed(DecisionStatements.row(keys.size(), ids.get(), item), key, keys)));
        List<Map<String, Object>> entities = new ArrayList<>();
        memory.entities()
                .forEach((key, item) ->
                        entities.add(keyed(EntityStatements.row(keys.size(), ids.get(), item), key, keys)));
        List<Map<String, Object>> patterns = new ArrayList<>();
        memory.patterns().forEach((key, item) -> patterns.add(keyed(patternRow(keys.size(), ids, item), key, keys)));
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> externals = new ArrayList<>();
        for (int i = 0; i < memory.links().size(); i++) {
            MemoryLink link = memory.links().get(i);
            links.add(Params.row(i)
                    .with("type", link.relationship().name())
                    .with("properties", link.properties())
                    .with("fromIndex", position(keys, link.from()))
                    .with("toIndex", position(keys, link.to()))
                    .with("fromId", keys.contains(link.from()) ? null : link.from())
                    .with("toId", keys.contains(link.to()) ? null : link.to())
                    .map());
            external(
                    externals,
                    keys,
                    i,
                    "from",
                    link.from(),
                    LinkStatements.labels(link.relationship().from()));
            external(
                    externals,
                    keys,
                    i,
                    "to",
                    link.to(),
                    LinkStatements.labels(link.relationship().to()));
        }
        var params = Params.in(namespace)
                .with("keys", keys)
                .with("commitments", commitments)
                .with("decisions", decisions)
                .with("entities", entities)
                .with("patterns", patterns)
                .with("window", PatternStatements.OBSERVATION_WINDOW)
                .with("links", links)
                .with("externals", externals);
        int nodes = commitments.size() + decisions.size() + entities.size() + patterns.size();
        return Statement.write(
                "storeMemory",
                SearchIndexing.forRows(TEXT, nodes),
                params.map(),
                rows -> result(rows.single(), memory));
    }

    private static Map<String, Object> patternRow(int index, Supplier<String> ids, PatternObservation pattern) {
        return PatternStatements.row(
                PatternStatements.key(pattern), List.of(index), ids.get(), List.of(ids.get()), pattern);
    }

    private static Map<String, Object> keyed(Map<String, Object> row, String key, List<String> keys) {
        row.put("key", key);
        keys.add(key);
        return row;
    }

    private static Integer position(List<String> keys, String reference) {
        int index = keys.indexOf(reference);
        return index < 0 ? null : index;
    }

    private static void external(
            List<Map<String, Object>> externals,
            List<String> keys,
            int link,
            String end,
            String id,
            List<String> labels) {
        if (!keys.contains(id)) {
            externals.add(Params.row(link)
                    .with("link", link)
                    .with("end", end)
                    .with("id", id)
                    .with("labels", labels)
                    .map());
        }
    }

    private static StoredMemory result(Record record, NewMemory memory) {
        if (!record.get("ok").asBoolean()) {
            throw refusal(record.get("externals"), memory);
        }
        Map<String, Node> nodes = new HashMap<>();
        for (Value stored : record.get("stored").values()) {
            nodes.put(stored.get("key").asString(), stored.get("node").asNode());
        }
        Map<String, Commitment> commitments = new LinkedHashMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Map<String, Entity> entities = new LinkedHashMap<>();
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        memory.commitments().keySet().forEach(key -> commitments.put(key, Nodes.commitment(nodes.get(key))));
        memory.decisions().keySet().forEach(key -> decisions.put(key, Nodes.decision(nodes.get(key))));
        memory.entities().keySet().forEach(key -> entities.put(key, Nodes.entity(nodes.get(key))));
        memory.patterns().keySet().forEach(key -> patterns.put(key, Nodes.pattern(nodes.get(key))));
        Link[] links = new Link[memory.links().size()];
        for (Value link : record.get("links").values()) {
            int index = link.get("index").asInt();
            MemoryLink given = memory.links().get(index);
            Map<String, Object> properties =
                    new HashMap<>(link.get("properties").asMap());
            properties.keySet().removeAll(dev.graphmemory.model.NewLink.RESERVED_PROPERTIES);
            links[index] = new Link(
                    link.get("from").asString(),
                    given.relationship(),
                    link.get("to").asString(),
                    properties,
                    link.get("created").asBoolean());
        }
        return new StoredMemory(commitments, decisions, entities, patterns, List.of(links));
    }

    private static RuntimeException refusal(Value externals, NewMemory memory) {
        for (Value external : externals.values()) {
            if (external.get("allowed").asBoolean()) {
                continue;
            }
            int index = external.get("link").asInt();
            String end = external.get("end").asString();
            MemoryLink link = memory.links().get(index);
            String id = end.equals("from") ? link.from() : link.to();
            if (!external.get("found").asBoolean()) {
                return new NotFoundException("Memory", "links[" + index + "]." + end, id);
            }
            String kind = MemoryKind.fromLabels(external.get("labels").asList(Value::asString))
                    .map(MemoryKind::label)
                    .orElse("?");
            return new InvalidInputException(
                    "links[" + index + "].relationship", link.relationship().rule() + "; " + id + " is a " + kind);
        }
        return new IllegalStateException("storeMemory refused without a failing link");
    }
}
