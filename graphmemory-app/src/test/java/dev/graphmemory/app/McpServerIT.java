package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar, spawned, driven by the MCP SDK's own client over stdio and over streamable HTTP. */
@Neo4jTest
class McpServerIT {
    private static final Path JAR = Path.of("target", "graphmemory.jar").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int TOOLS = 42;

    @Test
    void shouldServeEveryToolOverStdio(SharedNeo4j neo4j, TestNamespace namespace) {
        var parameters = ServerParameters.builder(java())
                .args(
                        "-jar",
                        JAR.toString(),
                        "serve",
                        "--uri",
                        neo4j.server().boltUri().toString(),
                        "--namespace",
                        namespace.value())
                .build();
        var transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        transport.setStdErrorHandler(errors::add);
        try (McpSyncClient client = client(transport)) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("graphmemory");
            assertThat(init.instructions()).contains("store_memory");
            exerciseEveryTool(client, namespace.value());
        }
        assertThat(String.join("\n", errors)).doesNotContain("Exception");
    }

    @Test
    void shouldServeEveryToolOverHttpAndRefuseForeignOrigins(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        int port = freePort();
        Server server = start(neo4j, namespace, Map.of(), "--http", "127.0.0.1:" + port);
        try {
            server.awaitLine("MCP server listening");
            var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .build();
            try (McpSyncClient client = client(transport)) {
                client.initialize();
                exerciseEveryTool(client, namespace.value());
            }
            assertThat(post(port, Map.of("Origin", "http://evil.example")).statusCode())
                    .isEqualTo(403);
            HttpResponse<String> metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("graphmemory_operation_seconds_count{operation=\"createEntities\",outcome=\"success\"}")
                    .contains(
                            "graphmemory_operation_seconds_count{operation=\"completeCommitment\",outcome=\"not_found\"}")
                    .contains("graphmemory_pool_in_use")
                    .contains("graphmemory_coalescing_batch_size_count{operation=\"createEntity\"") // on by default
                    .contains("jvm_memory_used_bytes");

            assertThat(server.stop()).isTrue();
            server.awaitLine("Stopped");
        } finally {
            server.process().destroyForcibly();
        }
    }

    @Test
    void shouldRequireABearerTokenOffLoopback(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        Server refused = start(neo4j, namespace, Map.of("GRAPHMEMORY_TOKEN", ""), "--http", "0.0.0.0:" + freePort());
        assertThat(refused.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.process().exitValue()).isEqualTo(2);
        refused.awaitLine("not a loopback address");

        int port = freePort();
        Server server =
                start(neo4j, namespace, Map.of("GRAPHMEMORY_TOKEN", "s3cret-token"), "--http", "0.0.0.0:" + port);
        try {
            server.awaitLine("MCP server listening");
            assertThat(post(port, Map.of()).statusCode()).isEqualTo(401);
            assertThat(post(port, Map.of("Authorization", "Bearer wrong")).statusCode())
                    .isEqualTo(401);
            var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer s3cret-token"))
                    .build();
            try (McpSyncClient client = client(transport)) {
                client.initialize();
                assertThat(client.listTools().tools()).hasSize(TOOLS);
            }
            assertThat(server.stop()).isTrue();
            assertThat(server.text()).doesNotContain("s3cret-token");
        } finally {
            server.process().destroyForcibly();
        }
    }

    @Test
    void shouldStopCleanlyAtTheEndOfInput(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        Server server = start(neo4j, namespace, Map.of());
        server.awaitLine("MCP server ready");
        server.process().getOutputStream().close();
        assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.process().exitValue()).isZero();
        server.awaitLine("Stopped");
        assertThat(server.text())
                .contains("End of input")
                .as("stopping while the memory starts and plans ahead logs no error")
                .doesNotContain("ERROR");
    }

    /** Aliases, merging and likely duplicates of entities, with an alias refused for belonging to another. */
    private static void aliases(Calls calls) {
        assertThat(calls.ok("add_entity_aliases", Map.of("name", "Bob", "aliases", List.of("Bobby", "Rob")))
                        .get("aliases"))
                .isEqualTo(List.of("Bobby", "Rob"));
        assertThat(calls.ok("remove_entity_alias", Map.of("name", "bobby", "alias", "Rob"))
                        .get("aliases"))
                .isEqualTo(List.of("Bobby"));
        assertThat(calls.error("add_entity_aliases", Map.of("name", "Acme", "aliases", List.of("BOBBY"))))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "aliases");
        calls.ok("create_entity", Map.of("name", "Acme Corp", "type", "client"));
        assertThat(calls.ok("find_duplicate_entities", Map.of())
                        .get("duplicates")
                        .toString())
                .contains("Acme Corp");
        assertThat(calls.ok("merge_entities", Map.of("from", "Acme Corp", "into", "acme"))
                        .get("aliases"))
                .isEqualTo(List.of("Acme Corp"));
    }

    /** Calls every tool at least once, and a few with bad arguments; forgets the namespace at the end. */
    static void exerciseEveryTool(McpSyncClient client, String namespace) {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).hasSize(TOOLS).allSatisfy(tool -> {
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsKey("properties");
        });
        Calls calls = new Calls(client);
        String alice = calls.ok("create_entity", Map.of("name", "Alice Chen", "type", "person"))
                .get("id")
                .toString();
        String commitment = calls.ok(
                        "create_commitment",
                        Map.of("content", "Send Alice the plan", "to_whom", "Alice Chen", "deadline", "2026-12-04"))
                .get("id")
                .toString();
        assertThat(calls.ok("complete_commitment", Map.of("commitment_id", commitment, "outcome", "Sent"))
                        .get("status"))
                .isEqualTo("completed");
        assertThat(calls.ok("get_commitments", Map.of("status", "completed"))).containsKey("commitments");
        String later = calls.ok("create_commitment", Map.of("content", "Repaint the fence", "deadline", "next week"))
                .get("id")
                .toString();
        assertThat(calls.ok("update_commitment_status", Map.of("commitment_id", later, "status", "deferred"))
                        .get("status"))
                .isEqualTo("deferred");
        String decision = calls.ok(
                        "record_decision",
                        Map.of(
                                "content",
                                "Pilot first",
                                "rationale",
                                "Lower risk",
                                "alternatives",
                                List.of("Big bang")))
                .get("id")
                .toString();
        calls.ok("get_decisions", Map.of("days", 7));
        calls.ok("record_pattern", Map.of("description", "Plans on Mondays", "type", "behavior"));
        calls.ok("get_patterns", Map.of("min_strength", 0.5));
        String session =
                calls.ok("start_session", Map.of("agent", "claude")).get("id").toString();
        calls.ok("end_session", Map.of("session_id", session, "summary", "Planned", "tokens_used", 1200));
        calls.ok("record_energy", Map.of("level", "high", "readiness", 8, "sleep", 7.5));
        assertThat(calls.ok("link_nodes", Map.of("from_id", decision, "relationship", "LEADS_TO", "to_id", commitment))
                        .get("created"))
                .isEqualTo(true);
        calls.ok("link_nodes", Map.of("from_id", commitment, "relationship", "involves", "to_id", alice));
        assertThat(calls.ok("find_related", Map.of("node_id", decision, "depth", 2))
                        .get("related")
                        .toString())
                .contains("Alice Chen");
        assertThat(calls.ok("get_entity_context", Map.of("name", "alice chen"))
                        .get("commitments")
                        .toString())
                .contains("Send Alice the plan");
        assertThat(calls.ok(
                                "query_graph",
                                Map.of(
                                        "query",
                                        "MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN count(c) AS n"))
                        .get("rows")
                        .toString())
                .contains("n=2");
        assertThat(calls.ok("health_check", Map.of()).get("healthy")).isEqualTo(true);
        assertThat(calls.ok(
                                "create_entities",
                                Map.of(
                                        "entities",
                                        List.of(
                                                Map.of("name", "Bob", "type", "person"),
                                                Map.of("name", "Acme", "type", "client"))))
                        .get("created"))
                .isEqualTo(2);
        aliases(calls);
        calls.ok(
                "link_nodes_batch",
                Map.of(
                        "mode",
                        "best_effort",
                        "links",
                        List.of(Map.of("from_id", decision, "relationship", "INVOLVES", "to_id", alice))));
        calls.ok(
                "record_patterns",
                Map.of("patterns", List.of(Map.of("description", "Plans on Mondays", "type", "behavior"))));
        calls.ok("create_commitments", Map.of("commitments", List.of(Map.of("content", "Call Bob"))));
        assertThat(calls.ok(
                                "store_memory",
                                Map.of(
                                        "decisions",
                                                List.of(Map.of(
                                                        "key", "d", "content", "Hire Carol", "rationale", "Great fit")),
                                        "commitments", List.of(Map.of("key", "c", "content", "Send Carol the offer")),
                                        "entities", List.of(Map.of("key", "carol", "name", "Carol", "type", "person")),
                                        "links",
                                                List.of(
                                                        Map.of("from", "d", "relationship", "LEADS_TO", "to", "c"),
                                                        Map.of(
                                                                "from",
                                                                "c",
                                                                "relationship",
                                                                "INVOLVES",
                                                                "to",
                                                                "carol"))))
                        .get("links")
                        .toString())
                .contains("created=true");

        recall(calls, decision);
        facts(calls, session);

        assertThat(calls.error("create_commitment", Map.of("content", "x", "priority", 9)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "priority");
        assertThat(calls.error("complete_commitment", Map.of("commitment_id", "no-such-id")))
                .containsEntry("error", "not_found")
                .containsEntry("field", "commitment_id");
        assertThat(calls.error("query_graph", Map.of("query", "MATCH (n:Memory) DETACH DELETE n")))
                .containsEntry("error", "query_refused");
        assertThat(calls.error("create_entity", Map.of("name", "X", "type", "robot?!")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "type");
        assertThat(calls.error("create_entity", Map.of("name", "X", "type", "person", "colour", "red")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "colour");
        assertThat(calls.error("link_nodes", Map.of("from_id", alice, "relationship", "DURING", "to_id", decision)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "relationship");

        assertThat(calls.error("forget_namespace", Map.of("confirm", namespace + "-not")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "confirm");
        assertThat(calls.ok("forget_namespace", Map.of("confirm", namespace)).get("forgotten"))
                .isInstanceOf(Number.class)
                .isNotEqualTo(0);
        assertThat((List<?>) calls.ok("search_memory", Map.of("query", "alice")).get("hits"))
                .isEmpty();
    }

    /** Facts: recorded one and many, replaced, ended, read now, as of a moment and with history. */
    @SuppressWarnings("unchecked")
    private static void facts(Calls calls, String session) {
        String paris = calls.ok(
                        "record_fact",
                        Map.of(
                                "statement",
                                "Bob lives in Paris",
                                "about",
                                List.of("bob"),
                                "conversation_id",
                                session,
                                "valid_from",
                                "2024-01-01"))
                .get("id")
                .toString();
        Map<String, Object> moved = calls.ok(
                "replace_fact",
                Map.of("fact_id", paris, "statement", "Bob lives in Berlin", "valid_from", "2024-06-01"));
        assertThat(((Map<String, Object>) moved.get("replaced")).get("valid_until"))
                .isEqualTo("2024-06-01T00:00:00Z");
        assertThat(calls.ok(
                                "record_facts",
                                Map.of(
                                        "mode",
                                        "best_effort",
                                        "facts",
                                        List.of(
                                                Map.of("statement", "Acme pays late", "about", List.of("Acme")),
                                                Map.of("statement", "Zed is new", "about", List.of("Zed")))))
                        .get("failed"))
                .isEqualTo(1);
        String late =
                calls.ok("get_facts", Map.of("entity", "acme")).get("facts").toString();
        assertThat(late).contains("Acme pays late");
        List<Map<String, Object>> acme = (List<Map<String, Object>>)
                calls.ok("get_facts", Map.of("entity", "acme")).get("facts");
        calls.ok("end_fact", Map.of("fact_id", acme.get(0).get("id"), "valid_until", "2099-01-01"));
        assertThat(calls.ok("get_facts", Map.of("entity", "Bob")).get("facts").toString())
                .contains("Bob lives in Berlin")
                .doesNotContain("Paris");
        assertThat(calls.ok("get_facts", Map.of("entity", "Bob", "as_of", "2024-03-01"))
                        .get("facts")
                        .toString())
                .contains("Bob lives in Paris")
                .doesNotContain("Berlin");
        assertThat((List<?>) calls.ok("get_facts", Map.of("entity", "Bob", "history", true))
                        .get("facts"))
                .hasSize(2);
        assertThat(calls.ok("get_entity_context", Map.of("name", "bob"))
                        .get("facts")
                        .toString())
                .contains("Bob lives in Berlin");
        assertThat(calls.error("end_fact", Map.of("fact_id", paris)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "fact_id");
        assertThat(calls.error("record_fact", Map.of("statement", "Zed is new", "about", List.of("Zed"))))
                .containsEntry("error", "not_found");
    }

    /** Search, similarity, time and forgetting, on the memories {@link #exerciseEveryTool} stored. */
    /** What was said: recorded in bulk and one at a time, read back in order and around a hit, found by meaning. */
    @SuppressWarnings("unchecked")
    private static void turns(Calls calls) {
        String talk =
                calls.ok("start_session", Map.of("agent", "claude")).get("id").toString();
        List<Map<String, Object>> recorded = (List<Map<String, Object>>) calls.ok(
                        "record_turns",
                        Map.of(
                                "conversation_id",
                                talk,
                                "turns",
                                List.of(
                                        Map.of(
                                                "speaker",
                                                "Alice Chen",
                                                "text",
                                                "Let's do a trial run with a handful of people before the launch",
                                                "said_at",
                                                "2026-12-01T09:00:00Z"),
                                        Map.of("speaker", "assistant", "text", "Noted, a small pilot first."))))
                .get("turns");
        assertThat(recorded).hasSize(2);
        calls.ok("record_turn", Map.of("conversation_id", talk, "speaker", "Alice Chen", "text", "Thanks!"));
        Map<String, Object> page = calls.ok("get_turns", Map.of("conversation_id", talk, "limit", 2));
        assertThat(page.get("turns").toString()).contains("trial run").doesNotContain("Thanks!");
        assertThat(calls.ok("get_turns", Map.of("conversation_id", talk, "after", page.get("next_after")))
                        .get("turns")
                        .toString())
                .contains("Thanks!");
        String first = recorded.get(0).get("id").toString();
        assertThat(calls.ok("turns_around", Map.of("turn_id", first, "before", 0, "after", 1))
                        .get("turns")
                        .toString())
                .contains("small pilot")
                .doesNotContain("Thanks!");
        assertThat(calls.ok(
                                "search_memory",
                                Map.of("query", "who wanted to test with a few users?", "about", "alice chen"))
                        .get("hits")
                        .toString())
                .contains("trial run");
        Map<String, Object> byMeaning = Map.of("query", "a test with a small group", "mode", "meaning");
        assertThat(calls.ok("search_memory", byMeaning).get("hits").toString())
                .as(() -> whyNotFound(calls, byMeaning))
                .contains("trial run");
    }

    /** What the server knows of the namespace's turns, when a search by meaning missed one (to tell why). */
    private static String whyNotFound(Calls calls, Map<String, Object> search) {
        return "turns: "
                + read(() -> calls.ok(
                                "query_graph",
                                Map.of(
                                        "query",
                                        "MATCH (t:Turn) WHERE t.namespace = $namespace RETURN t.text AS text, labels(t)"
                                                + " AS labels, t.textVector IS NOT NULL AS vector, t.textModel AS"
                                                + " model, t.embedClaimedBy AS claimedBy"))
                        .get("rows"))
                + "\nmemories of the namespace with a vector: "
                + read(() -> calls.ok(
                                "query_graph",
                                Map.of(
                                        "query",
                                        "MATCH (m:Memory) WHERE m.namespace = $namespace AND m.textVector IS NOT NULL"
                                                + " RETURN count(*) AS vectors"))
                        .get("rows"))
                + "\nthe same search again: "
                + read(() -> calls.ok("search_memory", search).get("hits"));
    }

    /** What {@code read} gives, or why it could not: a diagnosis must not hide the failure it explains. */
    private static String read(java.util.function.Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (RuntimeException | AssertionError e) {
            return "(could not read: " + e.getMessage() + ")";
        }
    }

    private static void recall(Calls calls, String decision) {
        assertThat(calls.ok("search_memory", Map.of("query", "alice plan"))
                        .get("hits")
                        .toString())
                .contains("Send Alice the plan");
        assertThat(calls.ok(
                                "search_memory",
                                Map.of(
                                        "query",
                                        "plan",
                                        "kinds",
                                        List.of("commitment"),
                                        "since",
                                        "2020-01-01",
                                        "limit",
                                        5,
                                        "max_chars",
                                        500))
                        .get("truncated"))
                .isEqualTo(false);
        List<Double> vector = new ArrayList<>(Collections.nCopies(384, 0.0));
        vector.set(0, 1.0);
        assertThat(calls.ok("set_embedding", Map.of("id", decision, "embedding", vector)))
                .containsEntry("dimensions", 384);
        assertThat(calls.ok("similar_memories", Map.of("embedding", vector))
                        .get("hits")
                        .toString())
                .contains(decision);
        calls.ok("similar_memories", Map.of("id", decision, "kinds", List.of("commitment")));
        assertThat(calls.ok("get_commitments", Map.of("overdue", true, "due_within_days", 7)))
                .containsKey("commitments");
        assertThat(calls.ok("timeline", Map.of("days", 1)).get("events").toString())
                .contains("event=completed");
        calls.ok("timeline", Map.of("from", "2020-01-01", "to", "2999-01-01", "kinds", List.of("decision")));
        @SuppressWarnings("unchecked")
        Map<String, Object> superseded = (Map<String, Object>) calls.ok(
                        "supersede_decision",
                        Map.of("decision_id", decision, "content", "Pilot twice", "rationale", "Still risky"))
                .get("superseded");
        assertThat(superseded.get("superseded_at")).isNotNull();
        assertThat(calls.ok("get_decisions", Map.of()).get("decisions").toString())
                .contains("Pilot twice")
                .doesNotContain("Pilot first");
        assertThat(calls.ok("get_decisions", Map.of("include_superseded", true))
                        .get("decisions")
                        .toString())
                .contains("Pilot first");
        turns(calls);
        String temporary = calls.ok("create_commitment", Map.of("content", "Forget me"))
                .get("id")
                .toString();
        assertThat(calls.ok("forget", Map.of("id", temporary)).get("forgotten")).isEqualTo(1);

        assertThat(calls.error("forget", Map.of("id", temporary)))
                .containsEntry("error", "not_found")
                .containsEntry("field", "id");
        assertThat(calls.error("search_memory", Map.of("query", "content:(", "lucene", true)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "query");
        assertThat(calls.error("set_embedding", Map.of("id", decision, "embedding", List.of(1.0, 2.0))))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "embedding");
        assertThat(calls.error("timeline", Map.of("kinds", List.of("robot"))))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "kinds[0]");
    }

    /** Tool calls with assertions on their outcome. */
    record Calls(McpSyncClient client) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ok(String tool, Map<String, Object> arguments) {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
            assertThat(result.isError()).as("%s: %s", tool, result.content()).isFalse();
            return (Map<String, Object>) result.structuredContent();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error(String tool, Map<String, Object> arguments) {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
            assertThat(result.isError()).as("%s: %s", tool, result.content()).isTrue();
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).doesNotContain("\tat ");
            return (Map<String, Object>) result.structuredContent();
        }
    }

    private static McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                .build();
    }

    /** A server process whose standard error is collected, line by line, in the background. */
    record Server(Process process, List<String> log) {
        void awaitLine(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (text().contains(text)) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the server never logged '" + text + "':\n" + text());
        }

        String text() {
            synchronized (log) {
                return String.join("\n", log);
            }
        }

        /** Sends SIGTERM (as {@code kill} does: Process.destroy() would also close our end of its pipes). */
        boolean stop() throws InterruptedException, IOException {
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                    .start()
                    .waitFor();
            return process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Server start(SharedNeo4j neo4j, TestNamespace namespace, Map<String, String> env, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-jar",
                JAR.toString(),
                "serve",
                "--uri",
                neo4j.server().boltUri().toString(),
                "--namespace",
                namespace.value()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        env.forEach((key, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process = builder.start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(log::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                log.add("(reading standard error failed: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Server(process, log);
    }

    private static HttpResponse<String> post(int port, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}"));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @org.junit.jupiter.api.BeforeAll
    static void jarIsBuilt() {
        assertThat(Files.exists(JAR))
                .as("run through 'mvn verify': the jar is built in the package phase")
                .isTrue();
    }
}
