package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.object;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Tool.Effect.READS;

import dev.graphmemory.model.Limits;

/** The tools that address the database rather than one kind of memory: read-only Cypher, and its health. */
final class DatabaseTools {
    static final Tool QUERY_GRAPH = Tool.of(
            "query_graph",
            "Query the memory graph (read-only)",
            "Run a read-only Cypher query for questions the other tools do not cover. Every node the query"
                    + " starts from must be filtered with WHERE n.namespace = $namespace (graphmemory supplies"
                    + " $namespace). Writes, schema and admin commands, LOAD CSV and procedures are refused."
                    + " Labels: Memory plus Commitment, Decision, Pattern, Conversation, Turn, Entity, EnergyState;"
                    + " results are capped at 1,000 rows and at max_chars characters (longer values are shortened"
                    + " with …, and truncated says so), and a query is stopped after its timeout (10 s by default). reduce() and large"
                    + " range() lists are refused: aggregate with count, sum or collect instead.",
            READS,
            (memory, args) -> memory.queryGraph(ArgumentMapper.graphQuery(args)),
            string("query", "The Cypher query").mandatory().maxLength(Limits.QUERY),
            object("parameters", "Query parameters (do not set namespace)"),
            integer(
                    "max_chars",
                    "Most characters in the whole answer (default 20000); rows past it are left out",
                    Limits.MIN_MAX_CHARS,
                    Limits.MAX_CHARS));

    static final Tool HEALTH_CHECK = Tool.of(
            "health_check",
            "Check health",
            "Check the memory database: server version, schema, round-trip time and connection pool.",
            READS,
            (memory, args) -> Results.HealthReport.of(memory.healthCheck()));

    private DatabaseTools() {}
}
