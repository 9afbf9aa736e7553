package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.RelationshipType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;

/**
 * Aliases of entities, merging one entity into another, and the likely duplicates an assistant may ask about.
 *
 * <p>An alias is a key node like a name (see {@link EntityStatements}), so the uniqueness constraint on (namespace,
 * key) decides under concurrency which entity gets a contested alias: a claim MERGEs the key, and a claim that finds
 * it owned by another entity fails the whole call, which then writes nothing. The entity keeps the aliases as given in
 * {@code aliases}, in alphabetical order, for the full-text index, the embedder and its readers.
 *
 * <p>A merge is a few small statements in one transaction: lock the two names' keys and their entities (in key order,
 * so two merges of one pair queue up instead of deadlocking) and read whom they name and which relationship types and
 * directions the merged one has; then one statement per such type and direction moves them to the survivor (MERGE, so a relationship both had becomes one);
 * then its keys point at the survivor, its notes are added to the survivor's, and it is deleted. A merge that finds
 * both names naming one entity already (run again, or after a lost commit acknowledgement) returns that entity
 * unchanged.
 */
public final class AliasStatements {
    /** The aliases given, with whether their keys exist and whose they are; and the entity named. */
    static final String CLAIMS = EntityStatements.optionallyNamed("e", "$nameKey") + """
            WITH e
            UNWIND $aliases AS a
            OPTIONAL MATCH (o:EntityKey {namespace: $namespace, key: a.key})
            OPTIONAL MATCH (n:Entity:Memory {namespace: $namespace, id: o.entityId})
            RETURN e, a.text AS text, o.entityId AS owner, n.name AS ownerName
            """;

    /** The aliases' keys claimed for the entity, which then lists its aliases again; keys lost to another entity. */
    static final String CLAIM = """
            MATCH (e:Entity:Memory {namespace: $namespace, id: $entityId})
            UNWIND $aliases AS a
            MERGE (k:EntityKey {namespace: $namespace, key: a.key})
            ON CREATE SET k.entityId = e.id, k.text = a.text
            WITH e, collect(CASE WHEN k.entityId <> e.id THEN a.text END) AS lost
            SET e.aliases = COLLECT { MATCH (y:EntityKey {namespace: $namespace, entityId: e.id})
                    WHERE y.key <> e.nameKey RETURN y.text ORDER BY y.text },
                e.updatedAt = datetime()
            SET e:EmbedPending REMOVE e.textVector
            RETURN e, lost
            """;

    /** Removes an alias of the entity named; its name, or an alias of another, is refused by the caller. */
    static final String REMOVE = EntityStatements.optionallyNamed("e", "$nameKey") + """
            OPTIONAL MATCH (x:EntityKey {namespace: $namespace, key: $aliasKey})
            WITH e, x, e IS NOT NULL AND x IS NOT NULL AND x.entityId = e.id AND x.key <> e.nameKey AS mine
            WITH e, x, mine, x.entityId AS owner, x.key = e.nameKey AS isName, CASE WHEN mine THEN x.text END AS gone
            FOREACH (_ IN CASE WHEN mine THEN [1] ELSE [] END |
                SET e.aliases = [t IN coalesce(e.aliases, []) WHERE t <> gone], e.updatedAt = datetime(),
                    e:EmbedPending
                REMOVE e.textVector
                DELETE x)
            RETURN e, owner, isName
            """;

    /**
     * Locks the keys of the two names in the order given (sorted by the caller) and returns the entity each names. The
     * lock (a property set and removed) makes a second merge of the same pair wait for the first and then read what
     * it left.
     */
    static final String LOCK = """
            UNWIND $keys AS key
            OPTIONAL MATCH (k:EntityKey {namespace: $namespace, key: key})
            FOREACH (_ IN CASE WHEN k IS NULL THEN [] ELSE [1] END | SET k._lock = true REMOVE k._lock)
            WITH key, k
            OPTIONAL MATCH (e:Entity:Memory {namespace: $namespace, id: k.entityId})
            FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | SET e._lock = true REMOVE e._lock)
            RETURN key, e,
                COLLECT { MATCH (e)<-[r]-() RETURN DISTINCT type(r) + ' in' } AS incoming,
                COLLECT { MATCH (e)-[r]->() RETURN DISTINCT type(r) + ' out' } AS outgoing
            """;

    /**
     * Moves the merged entity's relationships of one type and direction to the survivor, by {@code "TYPE in"} or
     * {@code "TYPE out"}; see {@link #move}. A merge runs those of the types and directions the merged entity has.
     */
    private static final Map<String, String> MOVES = moves();

    /** The merged entity's keys and notes go to the survivor; the merged entity goes. */
    static final String FOLD = """
            MATCH (t:Entity:Memory {namespace: $namespace, id: $intoId})
            OPTIONAL MATCH (f:Entity:Memory {namespace: $namespace, id: $fromId})
            CALL (f, t) {
              MATCH (k:EntityKey {namespace: $namespace, entityId: f.id})
              SET k.entityId = t.id
            }
            SET t.aliases = COLLECT { MATCH (y:EntityKey {namespace: $namespace, entityId: t.id})
                    WHERE y.key <> t.nameKey RETURN y.text ORDER BY y.text },
                t.notes = CASE WHEN f.notes IS NULL OR f.notes = t.notes THEN t.notes
                    WHEN t.notes IS NULL THEN f.notes ELSE t.notes + '\\n' + f.notes END,
                t.embedding = coalesce(t.embedding, f.embedding),
                t.updatedAt = datetime()
            SET t:EmbedPending REMOVE t.textVector
            DETACH DELETE f
            RETURN t
            """;

    /** The namespace's entities with their aliases, through the (namespace, nameKey) index, at most {@code $max}. */
    static final String NAMES = """
            MATCH (e:Entity) WHERE e.namespace = $namespace AND e.nameKey IS NOT NULL
            RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases
            ORDER BY e.namespace, e.nameKey LIMIT $max
            """;

    /** The most entities the duplicate finder reads. */
    public static final int DUPLICATE_SCAN = 5_000;

    private AliasStatements() {}

    private static Map<String, String> moves() {
        Map<String, String> moves = new java.util.LinkedHashMap<>();
        for (RelationshipType type : RelationshipType.values()) {
            moves.put(type.name() + " in", move(type, true));
            moves.put(type.name() + " out", move(type, false));
        }
        return java.util.Collections.unmodifiableMap(moves);
    }

    /**
     * One type and direction of relationships moved: MERGE on the survivor, so that one it has already stays one (its
     * own properties kept); a relationship between the two entities is left to go with the merged one.
     */
    static String move(RelationshipType type, boolean incoming) {
        String f = "(f:Memory {namespace: $namespace, id: $fromId})";
        String from = f + (incoming ? "<-[r:%s]-(x)" : "-[r:%s]->(x)");
        String to = incoming ? "(x)-[n:%s]->(t)" : "(t)-[n:%s]->(x)";
        return """
                MATCH (t:Entity:Memory {namespace: $namespace, id: $intoId})
                CALL (t) {
                  MATCH %s
                  WHERE x <> t
                  MERGE %s
                  ON CREATE SET n = properties(r)
                  DELETE r
                  RETURN count(*) AS moved
                }
                RETURN moved
                """.formatted(from.formatted(type.name()), to.formatted(type.name()));
    }

    /**
     * Every statement of aliases and merging with representative parameters, by label, for the statement catalogue:
     * the merge's moves and fold are labelled {@code mergeEntities ...}.
     */
    public static Map<String, Statement<?>> catalogue(String namespace, String someId) {
        Map<String, Statement<?>> entries = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> aliases = List.of(Map.of("key", "y", "text", "y"));
        entries.put(
                "addEntityAliases (check)",
                Statement.write(
                        "addEntityAliases",
                        CLAIMS,
                        Params.in(namespace)
                                .with("nameKey", "x")
                                .with("aliases", aliases)
                                .map(),
                        rows -> null));
        entries.put(
                "addEntityAliases",
                Statement.write(
                        "addEntityAliases",
                        CLAIM,
                        Params.in(namespace)
                                .with("entityId", someId)
                                .with("aliases", aliases)
                                .map(),
                        rows -> null));
        entries.put(
                "removeEntityAlias",
                Statement.write(
                        "removeEntityAlias",
                        REMOVE,
                        Params.in(namespace)
                                .with("nameKey", "x")
                                .with("aliasKey", "y")
                                .map(),
                        rows -> null));
        entries.put(
                "mergeEntities (lock)",
                Statement.write(
                        "mergeEntities",
                        LOCK,
                        Params.in(namespace).with("keys", List.of("x", "y")).map(),
                        rows -> null));
        var ids = Params.in(namespace)
                .with("fromId", someId)
                .with("intoId", someId)
                .map();
        MOVES.forEach((label, text) ->
                entries.put("mergeEntities " + label, Statement.write("mergeEntities", text, ids, rows -> null)));
        entries.put("mergeEntities (fold)", Statement.write("mergeEntities", FOLD, ids, rows -> null));
        entries.put(
                "findLikelyDuplicates",
                Statement.read(
                        "findLikelyDuplicates",
                        NAMES,
                        Params.in(namespace).with("max", DUPLICATE_SCAN).map(),
                        rows -> null));
        return entries;
    }

    /** Checks the claims: the entity exists and no alias is another entity's; then claims them. */
    public static Work<Entity> addAliases(
            String namespace, String name, String nameKey, List<Map<String, Object>> aliases) {
        var params = Params.in(namespace).with("nameKey", nameKey).with("aliases", aliases);
        Statement<Claims> check = Statement.write("addEntityAliases", CLAIMS, params.map(), rows -> {
            Record first = rows.single();
            if (first == null || first.get("e").isNull()) {
                throw new NotFoundException("Entity", "name", name);
            }
            Entity entity = Nodes.entity(first.get("e").asNode());
            boolean fresh = false;
            for (Record claim : rows.records()) {
                String owner =
                        claim.get("owner").isNull() ? null : claim.get("owner").asString();
                if (owner == null) {
                    fresh = true;
                } else if (!owner.equals(entity.id())) {
                    throw new InvalidInputException(
                            "aliases",
                            "'" + claim.get("text").asString() + "' is already the name or an alias of another entity ("
                                    + claim.get("ownerName").asString("?") + "); merge the two entities instead");
                }
            }
            return new Claims(entity, fresh);
        });
        return check.then(claims -> {
            if (!claims.fresh()) {
                return Work.done("addEntityAliases", claims.entity());
            }
            var claim =
                    Params.in(namespace).with("entityId", claims.entity().id()).with("aliases", aliases);
            return Statement.write("addEntityAliases", CLAIM, claim.map(), rows -> {
                Record record = rows.single();
                List<String> lost = record.get("lost").asList(value -> value.asString());
                if (!lost.isEmpty()) {
                    throw new InvalidInputException(
                            "aliases",
                            "'" + lost.get(0) + "' was claimed by another entity at the same time; merge the two"
                                    + " entities instead");
                }
                return Nodes.entity(record.get("e").asNode());
            });
        });
    }

    private record Claims(Entity entity, boolean fresh) {}

    /** Removes an alias; removing one the entity does not have changes nothing. */
    public static Statement<Entity> removeAlias(
            String namespace, String name, String nameKey, String alias, String aliasKey) {
        var params = Params.in(namespace).with("nameKey", nameKey).with("aliasKey", aliasKey);
        return Statement.write("removeEntityAlias", REMOVE, params.map(), rows -> {
            Record record = rows.single();
            if (record == null || record.get("e").isNull()) {
                throw new NotFoundException("Entity", "name", name);
            }
            Entity entity = Nodes.entity(record.get("e").asNode());
            if (record.get("isName").asBoolean(false)) {
                throw new InvalidInputException("alias", "'" + alias + "' is the entity's name, not an alias");
            }
            if (!record.get("owner").isNull() && !record.get("owner").asString().equals(entity.id())) {
                throw new InvalidInputException("alias", "'" + alias + "' is not an alias of " + entity.name());
            }
            return entity;
        });
    }

    /** Merges the entity named {@code from} into the one named {@code into}; see the class comment. */
    public static Work<Entity> merge(String namespace, String from, String fromKey, String into, String intoKey) {
        if (fromKey.equals(intoKey)) {
            throw new InvalidInputException(
                    "from", "names the same entity as into: an entity cannot merge into itself");
        }
        List<String> keys = new ArrayList<>(new TreeSet<>(List.of(fromKey, intoKey)));
        var params = Params.in(namespace).with("keys", keys);
        Statement<Pair> lock = Statement.write("mergeEntities", LOCK, params.map(), rows -> {
            Entity fromEntity = null;
            Entity intoEntity = null;
            List<String> moves = new ArrayList<>();
            for (Record record : rows.records()) {
                Entity entity = record.get("e").isNull()
                        ? null
                        : Nodes.entity(record.get("e").asNode());
                if (record.get("key").asString().equals(fromKey)) {
                    fromEntity = entity;
                    moves.addAll(record.get("incoming").asList(value -> value.asString()));
                    moves.addAll(record.get("outgoing").asList(value -> value.asString()));
                } else {
                    intoEntity = entity;
                }
            }
            if (fromEntity == null) {
                throw new NotFoundException("Entity", "from", from);
            }
            if (intoEntity == null) {
                throw new NotFoundException("Entity", "into", into);
            }
            return new Pair(fromEntity, intoEntity, moves);
        });
        return lock.then(pair -> {
            if (pair.from().id().equals(pair.into().id())) {
                return Work.done("mergeEntities", pair.into()); // merged before: the same answer, nothing changed
            }
            var ids = Params.in(namespace)
                    .with("fromId", pair.from().id())
                    .with("intoId", pair.into().id())
                    .map();
            List<Statement<?>> parts = new ArrayList<>();
            for (String move : pair.moves()) {
                String text = MOVES.get(move);
                if (text == null) {
                    continue; // a type of the caller's own Cypher, outside the closed set: it goes with the entity
                }
                parts.add(Statement.write(
                        "mergeEntities",
                        text,
                        ids,
                        rows -> rows.single().get("moved").asInt()));
            }
            parts.add(Statement.write(
                    "mergeEntities",
                    FOLD,
                    ids,
                    rows -> Nodes.entity(rows.single().get("t").asNode())));
            return Work.<Object>sequence("mergeEntities", AccessMode.WRITE, parts)
                    .map(results -> (Entity) results.get(results.size() - 1));
        });
    }

    /** The two entities named, and the relationship types and directions of {@code from} ("TYPE in", "TYPE out"). */
    private record Pair(Entity from, Entity into, List<String> moves) {}

    /** The likely duplicates among the namespace's entities, strongest reasons first, at most {@code limit}. */
    public static Statement<List<LikelyDuplicate>> duplicates(String namespace, int limit) {
        var params = Params.in(namespace).with("max", DUPLICATE_SCAN);
        return Statement.read("findLikelyDuplicates", NAMES, params.map(), rows -> {
            List<LikelyDuplicates.Named> entities = new ArrayList<>();
            for (Record record : rows.records()) {
                entities.add(new LikelyDuplicates.Named(
                        record.get("id").asString(),
                        record.get("name").asString(),
                        record.get("aliases").asList(value -> value.asString())));
            }
            return LikelyDuplicates.find(entities, limit);
        });
    }
}
