package dev.graphmemory.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.contract.MemoryFixture;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryTimeoutException;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.QueryResult;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * More than 200 hostile inputs for {@code queryGraph}: writes in every syntax and disguise, schema and admin commands,
 * file and URL loads, procedure calls, statement chaining, reads outside the namespace, huge results and unbounded
 * paths. Each must be refused, or (for the last two) capped by the row cap or the query timeout; the graph and the
 * schema must stay exactly as they were.
 */
@Neo4jTest
class HostileQueryCorpusIT {
    private static final Logger LOG = LoggerFactory.getLogger(HostileQueryCorpusIT.class);
    private static final int ROW_CAP = 50;
    private static final String PIN = "MATCH (n:Memory) WHERE n.namespace = $namespace ";

    static List<String> corpus() {
        Set<String> corpus = new LinkedHashSet<>();
        List<String> writes = List.of(
                "CREATE (x:Memory {namespace: $namespace, id: 'evil'})",
                "CREATE (n)-[:INVOLVES]->(n)",
                "MERGE (x:Entity {namespace: $namespace, nameKey: 'evil'})",
                "MERGE (n)-[:LEADS_TO]->(n)",
                "SET n.content = 'overwritten'",
                "SET n += {content: 'x'}",
                "SET n:Hacked",
                "SET n = {}",
                "REMOVE n.content",
                "REMOVE n:Memory",
                "DELETE n",
                "DETACH DELETE n",
                "FOREACH (i IN [1] | SET n.x = i)",
                "FOREACH (i IN [1] | CREATE (:Memory {namespace: $namespace}))",
                "CALL (n) { SET n.y = 1 }",
                "CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
                "CALL (n) { CREATE (:X) } IN TRANSACTIONS OF 1 ROW",
                "WITH n OPTIONAL MATCH (n)-[r]->() DELETE r",
                "CALL db.createLabel('Evil')",
                "CALL db.createProperty('evil')",
                "CALL db.createRelationshipType('EVIL')");
        List<UnaryOperator<String>> disguises = List.of(
                text -> text,
                text -> text.toLowerCase(Locale.ROOT),
                text -> mixedCase(text),
                text -> "/* harmless */ " + text,
                text -> text.replace(" ", "\n\t "),
                text -> text + " // trailing comment",
                text -> text.replace(" ", " /**/ "),
                text -> "CYPHER 5 " + text);
        for (String write : writes) {
            for (UnaryOperator<String> disguise : disguises) {
                corpus.add(disguise.apply(PIN + write));
            }
        }
        for (String admin : List.of(
                "CREATE INDEX evil IF NOT EXISTS FOR (n:Memory) ON (n.content)",
                "CREATE TEXT INDEX evil2 IF NOT EXISTS FOR (n:Memory) ON (n.content)",
                "CREATE FULLTEXT INDEX evil3 IF NOT EXISTS FOR (n:Memory) ON EACH [n.content]",
                "CREATE CONSTRAINT evil4 IF NOT EXISTS FOR (n:Evil) REQUIRE n.x IS UNIQUE",
                "DROP INDEX gm_commitment_recent",
                "DROP CONSTRAINT gm_memory_id",
                "DROP CONSTRAINT gm_entity_name IF EXISTS",
                "SHOW INDEXES",
                "SHOW CONSTRAINTS",
                "SHOW PROCEDURES",
                "SHOW FUNCTIONS",
                "SHOW TRANSACTIONS",
                "SHOW SETTINGS",
                "SHOW DATABASES",
                "SHOW USERS",
                "SHOW CURRENT USER",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "CREATE USER evil SET PASSWORD 'secret-password'",
                "ALTER USER neo4j SET PASSWORD 'changed-password'",
                "CREATE DATABASE evil",
                "STOP DATABASE neo4j",
                "GRANT ROLE admin TO evil",
                "USE system SHOW USERS",
                "USE neo4j MATCH (n) RETURN n")) {
            corpus.add(admin);
            corpus.add(admin.toLowerCase(Locale.ROOT));
        }
        for (String source : List.of(
                "file:///etc/passwd",
                "file:///proc/self/environ",
                "file:///../../../../etc/shadow",
                "http://127.0.0.1:7474/",
                "https://example.com/memories.csv",
                "ftp://example.com/x.csv",
                "jar:file:/tmp/x.jar!/a.csv")) {
            corpus.add("LOAD CSV FROM '" + source + "' AS row RETURN row");
            corpus.add("load csv with headers from '" + source + "' as row return row");
            corpus.add(PIN + "LOAD CSV FROM '" + source + "' AS row RETURN n, row");
        }
        for (String procedure : List.of(
                "dbms.components()",
                "dbms.listConfig()",
                "dbms.info()",
                "dbms.killQuery('x')",
                "dbms.listConnections()",
                "dbms.security.createUser('evil', 'password-1', false)",
                "db.info()",
                "db.ping()",
                "db.schema.visualization()",
                "db.index.fulltext.queryNodes('x', 'y')",
                "db.awaitIndexes(1)",
                "db.clearQueryCaches()",
                "db.stats.collect('QUERIES')",
                "db.resampleOutdatedIndexes()",
                "tx.setMetaData({evil: true})",
                "apoc.help('x')",
                "apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})")) {
            corpus.add("CALL " + procedure);
            corpus.add(PIN + "CALL " + procedure + " YIELD * RETURN n");
        }
        for (String foreign : List.of(
                "MATCH (n) RETURN n",
                "MATCH (n:Memory) RETURN n.content",
                "MATCH (n:Commitment) RETURN count(n)",
                "MATCH (n:Entity) WHERE n.name STARTS WITH 'A' RETURN n",
                "MATCH ()-[r]->() RETURN r",
                "MATCH ()-[r:INVOLVES]->() RETURN properties(r)",
                "MATCH (n:Memory) WHERE n.namespace <> $namespace RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = $namespace OR n.namespace IS NOT NULL RETURN n",
                "MATCH (n:Memory) WHERE NOT n.namespace = $namespace RETURN n",
                "MATCH (n:Memory) WHERE n.namespace = 'default' RETURN n",
                "MATCH (n:Memory) WHERE n.namespace STARTS WITH '' RETURN n",
                "MATCH (n:Memory) WHERE n.namespace IN [$namespace, 'default'] RETURN n",
                PIN + "MATCH (m:Memory) RETURN m",
                PIN + "WITH n MATCH (m) WHERE m.id = n.id RETURN m",
                PIN + "RETURN n UNION MATCH (n) RETURN n",
                PIN + "RETURN COUNT { MATCH (x) RETURN x } AS all",
                PIN + "RETURN [ (x:Memory) | x.content ] AS all",
                "MATCH (n:Memory) WITH collect(n) AS all UNWIND all AS m WITH m WHERE m.namespace = $namespace RETURN m",
                "MATCH (n) WHERE elementId(n) = '4:0:0' RETURN n",
                "MATCH (n) WHERE id(n) = 0 RETURN n",
                "MATCH (n:GraphMemorySchema) RETURN n")) {
            corpus.add(foreign);
        }
        for (String chained : List.of(
                PIN + "RETURN n; CREATE (x)",
                PIN + "RETURN n; MATCH (m) DETACH DELETE m",
                "RETURN 1; DROP INDEX gm_commitment_recent",
                "PROFILE " + PIN + "DETACH DELETE n")) {
            corpus.add(chained);
        }
        return new ArrayList<>(corpus);
    }

    /** Queries the guard accepts but that must be capped: by the row cap or by the query timeout. */
    static List<String> heavy() {
        return List.of(
                "UNWIND range(1, 10000000) AS x RETURN x",
                PIN + "UNWIND range(1, 100000) AS x RETURN n, x",
                "MATCH (a:Memory)-[*]-(b) WHERE a.namespace = $namespace RETURN a, b",
                "MATCH p = (a:Memory)-[*0..]-(b) WHERE a.namespace = $namespace RETURN p",
                "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*)",
                "RETURN reduce(s = '', i IN range(1, 100000) | s + 'xxxxxxxxxx') AS huge");
    }

    @Test
    void shouldRefuseOrCapEveryHostileQueryAndChangeNothing(Driver driver, TestNamespace namespace) {
        List<String> corpus = corpus();
        List<String> heavy = heavy();
        assertThat(corpus.size() + heavy.size()).isGreaterThanOrEqualTo(200);
        MemoryConfig.Builder config =
                MemoryConfig.builder().queryRowLimit(ROW_CAP).queryTimeout(Duration.ofSeconds(1));
        try (GraphMemory memory = MemoryFixture.memory(driver, namespace, config)) {
            seed(memory);
            Map<String, Long> before = state(driver);

            List<String> accepted = new ArrayList<>();
            for (String query : corpus) {
                try {
                    memory.queryGraph(GraphQuery.of(query));
                    accepted.add(query);
                } catch (InvalidInputException refused) {
                    // refused, as it must be
                }
            }
            int capped = 0;
            for (String query : heavy) {
                try {
                    QueryResult result = memory.queryGraph(GraphQuery.of(query));
                    assertThat(result.rows()).as(query).hasSizeLessThanOrEqualTo(ROW_CAP);
                    capped++;
                } catch (MemoryTimeoutException | InvalidInputException expected) {
                    capped++;
                }
            }

            LOG.info("{} hostile queries refused, {} heavy queries capped", corpus.size() - accepted.size(), capped);
            assertThat(accepted).as("hostile queries that ran").isEmpty();
            assertThat(capped).isEqualTo(heavy.size());
            assertThat(state(driver)).isEqualTo(before);
        }
    }

    private static void seed(GraphMemory memory) {
        var entity = memory.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        for (int i = 0; i < 3; i++) {
            var commitment = memory.createCommitment(NewCommitment.of("Commitment " + i));
            memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, entity.id()));
        }
        // A search indexes the new nodes now, so that the search indexer cannot relabel them between two states.
        memory.searchMemory(SearchQuery.of("commitment"));
    }

    /** Everything a hostile query could change: data, labels, schema. */
    private static Map<String, Long> state(Driver driver) {
        return Map.of(
                "nodes", single(driver, "MATCH (n) RETURN count(n)"),
                "relationships", single(driver, "MATCH ()-[r]->() RETURN count(r)"),
                "properties", single(driver, "MATCH (n) RETURN sum(size(keys(n)))"),
                "labels", single(driver, "CALL db.labels() YIELD label RETURN count(label)"),
                "indexes", single(driver, "SHOW INDEXES YIELD name RETURN count(name)"),
                "constraints", single(driver, "SHOW CONSTRAINTS YIELD name RETURN count(name)"),
                "content", single(driver, "MATCH (n:Commitment) WHERE n.content = 'overwritten' RETURN count(n)"));
    }

    private static long single(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().get(0).get(0).asLong();
    }

    private static String mixedCase(String text) {
        StringBuilder mixed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mixed.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return mixed.toString().replace("$NaMeSpAcE", "$namespace").replace("$nAmEsPaCe", "$namespace");
    }
}
