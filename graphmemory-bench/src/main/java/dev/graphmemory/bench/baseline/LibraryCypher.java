package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.RelationshipType;

/**
 * The Cypher the library sends, written out by hand for the raw-driver and embedded baselines, so that they do the
 * same work as the library and differ only in how it reaches the database. A test in the bench module compares each
 * text with the library's own constant, so the two cannot drift apart.
 */
public final class LibraryCypher {
    /** {@code createEntity} and {@code createEntities}: one MERGE per row on the unique name key, then the entity. */
    public static final String UPSERT_ENTITIES =
            upsertEntities("rows") + "RETURN row.index AS index, e AS node, e.id = row.id AS created\n";

    /** {@code createCommitments}: MERGE on the pre-generated id. */
    public static final String CREATE_COMMITMENTS =
            createCommitments("rows") + "RETURN row.index AS index, c AS node\n";

    /** {@code recordDecisions}: MERGE on the pre-generated id. */
    public static final String CREATE_DECISIONS = createDecisions("rows") + "RETURN row.index AS index, d AS node\n";

    /** {@code recordPatterns}: MERGE on the unique (namespace, patternKey), each observation counted once. */
    public static final String RECORD_PATTERNS =
            recordPatterns("rows") + "RETURN row.indexes AS indexes, p AS node, p.id = row.id AS created\n";

    /**
     * {@code linkNodes}: find both ends and check the rule, for links of one type; ends the type allows only the
     * other way round are swapped.
     */
    static final String LOOKUP = """
            UNWIND $rows AS row
            OPTIONAL MATCH (a:Memory {namespace: $namespace, id: row.fromId})
            OPTIONAL MATCH (b:Memory {namespace: $namespace, id: row.toId})
            WITH row, a, b, a IS NOT NULL AND b IS NOT NULL AS found
            WITH row, a, b, found
                AND any(label IN labels(a) WHERE label IN row.fromLabels)
                AND any(label IN labels(b) WHERE label IN row.toLabels)
                AND (row.type <> 'SUPERSEDED_BY' OR a:Fact = b:Fact) AS forward,
              found
                AND any(label IN labels(b) WHERE label IN row.fromLabels)
                AND any(label IN labels(a) WHERE label IN row.toLabels)
                AND (row.type <> 'SUPERSEDED_BY' OR a:Fact = b:Fact) AS backward
            WITH row, forward OR backward AS allowed, NOT forward AND backward AS reversed,
              CASE WHEN NOT forward AND backward THEN b ELSE a END AS a,
              CASE WHEN NOT forward AND backward THEN a ELSE b END AS b
            WITH collect({row: row, a: a, b: b, allowed: allowed, reversed: reversed}) AS checked
            WITH checked, $atomic AND any(c IN checked WHERE NOT c.allowed) AS refused
            UNWIND checked AS c
            WITH c.row AS row, c.a AS a, c.b AS b, c.allowed AS allowed, c.reversed AS reversed,
              c.allowed AND NOT refused AS write
            """;

    /** The lookup of {@link #LINK_ALL_TYPES_BEFORE}, before links given the other way round were swapped. */
    static final String LOOKUP_BEFORE = """
            UNWIND $rows AS row
            OPTIONAL MATCH (a:Memory {namespace: $namespace, id: row.fromId})
            OPTIONAL MATCH (b:Memory {namespace: $namespace, id: row.toId})
            WITH row, a, b, a IS NOT NULL AND b IS NOT NULL
                AND any(label IN labels(a) WHERE label IN row.fromLabels)
                AND any(label IN labels(b) WHERE label IN row.toLabels)
                AND (row.type <> 'SUPERSEDED_BY' OR a:Fact = b:Fact) AS allowed
            WITH collect({row: row, a: a, b: b, allowed: allowed}) AS checked
            WITH checked, $atomic AND any(c IN checked WHERE NOT c.allowed) AS refused
            UNWIND checked AS c
            WITH c.row AS row, c.a AS a, c.b AS b, c.allowed AS allowed, c.allowed AND NOT refused AS write
            """;

    /** {@code storeMemory}: the ends of links to memories stored before, checked before anything is written. */
    public static final String CHECK_EXTERNALS = """
            UNWIND $externals AS x
            OPTIONAL MATCH (m:Memory {namespace: $namespace, id: x.id})
            RETURN x.link AS link, x.end AS end, x.id AS id, m IS NOT NULL AS found, labels(m) AS labels,
                m IS NOT NULL AND any(label IN labels(m) WHERE label IN x.labels) AS allowed
            """;

    /** {@code linkNodes} for links of type {@code type}: check both ends and the rule, then MERGE. */
    public static String link(RelationshipType type) {
        return LOOKUP + write(type) + """
                RETURN row.indexes AS indexes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
                    labels(a) AS fromLabels, labels(b) AS toLabels, allowed, reversed, write, created,
                    CASE WHEN write THEN properties(COLLECT { MATCH (a)-[r:%s]->(b) RETURN r }[0]) END AS properties
                """.formatted(type.name());
    }

    /**
     * {@code storeMemory} of a memory without pattern observations (the scenarios' memories): the stored memories its
     * links reach, each kind's rows in a {@code CALL} of its own, then the links between the stored nodes by their
     * positions, the type given as data.
     */
    public static final String STORE_MEMORY = """
            CALL () {
              UNWIND $externals AS id
              OPTIONAL MATCH (x:Memory {namespace: $namespace, id: id})
              RETURN collect([x]) AS externals
            }
            CALL () {
            %s  RETURN collect({index: row.index, node: c}) AS commitments
            }
            CALL () {
            %s  RETURN collect({index: row.index, node: d}) AS decisions
            }
            CALL () {
            %s  RETURN collect({index: row.index, node: e}) AS entities
            }
            WITH commitments + decisions + entities AS stored, externals
            CALL (stored) {
              UNWIND stored AS s
              WITH s ORDER BY s.index
              RETURN collect(s.node) AS own
            }
            WITH stored, own + [x IN externals | x[0]] AS nodes
            CALL (nodes) {
              UNWIND $links AS row
              WITH row, nodes[row.fromIndex] AS a, nodes[row.toIndex] AS b
              WHERE a IS NOT NULL AND b IS NOT NULL
              WITH row, a, b, NOT EXISTS { (a)-[:$(row.type)]->(b) } AS created
              MERGE (a)-[r:$(row.type)]->(b) ON CREATE SET r.createdAt = datetime() SET r += row.properties
              FOREACH (_ IN CASE WHEN row.type = 'SUPERSEDED_BY' THEN [1] ELSE [] END |
                SET a.supersededAt = coalesce(a.supersededAt, datetime()) FOREACH (_ IN CASE WHEN a:Fact AND a.validUntil IS NULL THEN [1] ELSE [] END | SET a.validUntil = datetime(), a.endedAt = datetime()))
              RETURN collect({indexes: row.indexes, created: created, properties: properties(r)}) AS links
            }
            RETURN stored, links
            """.formatted(
                    createCommitments("commitments").indent(2),
                    createDecisions("decisions").indent(2),
                    upsertEntities("entities").indent(2));

    /** {@code getEntityContext}. */
    public static final String ENTITY_CONTEXT = """
            MATCH (e_key:EntityKey {namespace: $namespace, key: $nameKey})
            MATCH (e:Entity:Memory {namespace: $namespace, id: e_key.entityId})
            RETURN e,
              COLLECT { MATCH (e)--(c:Commitment) WITH DISTINCT c
                        ORDER BY c.createdAt DESC LIMIT $limit RETURN c } AS commitments,
              COLLECT { MATCH (e)--(d:Decision) WHERE d.supersededAt IS NULL WITH DISTINCT d
                        ORDER BY d.createdAt DESC LIMIT $limit RETURN d } AS decisions,
              COLLECT { MATCH (e)--(s:Conversation) WITH DISTINCT s
                        ORDER BY s.startedAt DESC LIMIT $limit RETURN s } AS conversations,
              COLLECT { MATCH (e)--(p:Pattern) WITH DISTINCT p
                        ORDER BY p.lastObserved DESC LIMIT $limit RETURN p } AS patterns,
              COLLECT { MATCH (e)<-[:INVOLVES]-(f:Fact)
                        WHERE f.validFrom <= datetime() AND (f.validUntil IS NULL OR f.validUntil > datetime())
                        WITH DISTINCT f ORDER BY f.validFrom DESC, f.id DESC LIMIT $limit RETURN {node: f, about: [(f)-[:INVOLVES]->(x:Entity) | x.name], conversationId: [(f)-[:LEARNED_FROM]->(x:Conversation) | x.id][0], replacedBy: [(f)-[:SUPERSEDED_BY]->(x:Fact) | x.id][0]} } AS facts
            """;

    /**
     * The one composed statement {@code storeMemory} sent before (2 to 5 s to plan on the first machine, 377 ms on
     * this one), kept to compare with. Not the library's Cypher any more, so not held equal to it.
     */
    public static final String COMPOSED_STORE_MEMORY = """
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
                    createCommitments("commitments"),
                    createDecisions("decisions"),
                    upsertEntities("entities"),
                    recordPatterns("patterns"),
                    mergeEachType());

    /**
     * The one statement {@code linkNodes} sent before it became one statement per type: every type's MERGE behind a
     * {@code FOREACH}, 1 to 1.7 s to plan. Kept to plan it beside the library's statements; not the library's Cypher
     * any more.
     */
    public static final String LINK_ALL_TYPES_BEFORE = LOOKUP_BEFORE + mergeEachType() + """
            RETURN row.indexes AS indexes, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
                labels(a) AS fromLabels, labels(b) AS toLabels, allowed, write, created,
                CASE WHEN write THEN properties(COLLECT { MATCH (a)-[r]->(b) WHERE type(r) = row.type RETURN r }[0])
                END AS properties
            """;

    private LibraryCypher() {}

    /**
     * The statement as the library sends it for {@code rows} rows: a write of 100 rows or more labels its new nodes
     * {@code Searchable} (in the full-text index at commit) instead of {@code SearchPending} (indexed behind it).
     */
    public static String forRows(String text, int rows) {
        return rows >= 100 ? text.replace(":SearchPending", ":Searchable") : text;
    }

    static String upsertEntities(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (k:EntityKey {namespace: $namespace, key: row.nameKey})
                ON CREATE SET k.entityId = row.id, k.text = row.name
                MERGE (e:Memory {namespace: $namespace, id: k.entityId})
                ON CREATE SET e:Entity:SearchPending:EmbedPending, e.nameKey = row.nameKey, e.name = row.name,
                    e.type = row.type, e.domain = coalesce(row.domain, 'work'), e.notes = row.notes,
                    e.createdAt = datetime(), e.updatedAt = datetime()
                ON MATCH SET e.domain = coalesce(row.domain, e.domain), e.notes = coalesce(row.notes, e.notes),
                    e.updatedAt = CASE WHEN row.domain IS NULL AND row.notes IS NULL
                        THEN e.updatedAt ELSE datetime() END
                FOREACH (_ IN CASE WHEN e.id <> row.id AND row.notes IS NOT NULL THEN [1] ELSE [] END |
                    SET e:EmbedPending REMOVE e.textVector)
                """.formatted(rows);
    }

    static String createCommitments(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (c:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET c:Commitment:SearchPending:EmbedPending, c.content = row.content, c.toWhom = row.toWhom,
                    c.deadline = row.deadline, c.dueAt = row.dueAt, c.domain = row.domain, c.priority = row.priority,
                    c.status = 'pending', c.createdAt = datetime()
                """.formatted(rows);
    }

    static String createDecisions(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (d:Memory {namespace: $namespace, id: row.id})
                ON CREATE SET d:Decision:SearchPending:EmbedPending, d.content = row.content, d.rationale = row.rationale,
                    d.alternatives = row.alternatives, d.domain = row.domain, d.confidence = row.confidence,
                    d.createdAt = datetime()
                """.formatted(rows);
    }

    static String recordPatterns(String rows) {
        return """
                UNWIND $%s AS row
                MERGE (p:Pattern {namespace: $namespace, patternKey: row.patternKey})
                ON CREATE SET p:Memory:SearchPending:EmbedPending, p.id = row.id, p.description = row.description, p.type = row.type,
                    p.domain = row.domain, p.observations = 0, p.strength = 0.0, p.recentObservationIds = [],
                    p.firstObserved = datetime(), p.createdAt = datetime()
                SET p.touchedBy = row.observationIds[0]
                WITH row, p, [id IN row.observationIds WHERE NOT id IN p.recentObservationIds] AS fresh
                SET p.observations = p.observations + size(fresh),
                    p.recentObservationIds = (reverse(fresh) + p.recentObservationIds)[0..$window],
                    p.lastObserved = CASE WHEN size(fresh) > 0 THEN datetime() ELSE p.lastObserved END,
                    p.frequency = coalesce(row.frequency, p.frequency)
                WITH row, p
                SET p.strength = toFloat(CASE WHEN p.observations > 6 THEN 10 ELSE 4 + p.observations END) / 10.0
                """.formatted(rows);
    }

    /** Links of type {@code type}: MERGE, the existence check naming the type. */
    static String write(RelationshipType type) {
        return """
                WITH row, a, b, allowed, reversed, write, write AND NOT EXISTS { (a)-[:%1$s]->(b) } AS created
                FOREACH (_ IN CASE WHEN write THEN [1] ELSE [] END |
                    MERGE (a)-[r:%1$s]->(b) ON CREATE SET r.createdAt = datetime() SET r += row.properties%2$s)
                """.formatted(
                        type.name(),
                        type == RelationshipType.SUPERSEDED_BY
                                ? " SET a.supersededAt = coalesce(a.supersededAt, datetime())"
                                        + " FOREACH (_ IN CASE WHEN a:Fact AND a.validUntil IS NULL THEN [1] ELSE [] END |"
                                        + " SET a.validUntil = datetime(), a.endedAt = datetime())"
                                : "");
    }

    /** The composed statement's links: one guarded MERGE per type of the closed set, as it was. */
    private static String mergeEachType() {
        StringBuilder text = new StringBuilder(
                "WITH row, a, b, allowed, write, write AND NOT EXISTS { (a)-[r]->(b) WHERE type(r) = row.type } AS created\n");
        for (RelationshipType type : RelationshipType.values()) {
            text.append("FOREACH (_ IN CASE WHEN write AND row.type = '%1$s' THEN [1] ELSE [] END |\n"
                            .formatted(type.name()))
                    .append("    MERGE (a)-[r:%1$s]->(b) ON CREATE SET r.createdAt = datetime() SET r += row.properties"
                            .formatted(type.name()))
                    .append(
                            type == RelationshipType.SUPERSEDED_BY
                                    ? " SET a.supersededAt = coalesce(a.supersededAt, datetime()))\n"
                                    : ")\n");
        }
        return text.toString();
    }
}
