package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

/** Secrets, tenants and durability, seen from outside the process. */
@Neo4jTest
class ReliabilityIT {
    private static final Path JAR = Path.of("target", "graphmemory.jar").toAbsolutePath();
    private static final String PASSWORD = "pw-5ecret-Zq81";
    private static final String TOKEN = "tok-5ecret-Yx42";

    @Test
    void shouldNeverShowThePasswordOrTheTokenEvenAtDebug(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                java(),
                "-jar",
                JAR.toString(),
                "serve",
                "--verbose",
                "--http",
                "127.0.0.1:" + port,
                "--uri",
                neo4j.server().boltUri().toString(),
                "--namespace",
                namespace.value());
        builder.environment().put("NEO4J_USERNAME", "neo4j");
        builder.environment().put("NEO4J_PASSWORD", PASSWORD);
        builder.environment().put("GRAPHMEMORY_TOKEN", TOKEN);
        builder.redirectErrorStream(true);
        Process server = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader =
                new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))
                        .lines()
                        .forEach(output::add));
        reader.setDaemon(true);
        reader.start();
        List<String> results = new ArrayList<>();
        try {
            awaitLine(output, "MCP server listening");
            HttpClient http = HttpClient.newHttpClient();
            results.add(http.send(request(port, "Bearer wrong-" + TOKEN), HttpResponse.BodyHandlers.ofString())
                    .body());
            var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                    .build();
            try (McpSyncClient client = McpClient.sync(transport)
                    .requestTimeout(Duration.ofSeconds(60))
                    .build()) {
                client.initialize();
                for (var call : List.of(
                        Map.of("name", "health_check", "arguments", Map.<String, Object>of()),
                        Map.of(
                                "name",
                                "create_entity",
                                "arguments",
                                Map.<String, Object>of("name", PASSWORD, "type", "?!")), // refused: types are words
                        Map.of(
                                "name",
                                "query_graph",
                                "arguments",
                                Map.<String, Object>of("query", "RETURN $p", "parameters", Map.of("namespace", TOKEN))),
                        Map.of(
                                "name",
                                "complete_commitment",
                                "arguments",
                                Map.<String, Object>of("commitment_id", "none")))) {
                    @SuppressWarnings("unchecked")
                    var result = client.callTool(new McpSchema.CallToolRequest(
                            (String) call.get("name"), (Map<String, Object>) call.get("arguments")));
                    results.add(result.content().toString());
                }
            }
        } finally {
            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid()))
                    .start()
                    .waitFor();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
            reader.join(5_000);
        }
        String everything = String.join("\n", output) + "\n" + String.join("\n", results);
        assertThat(everything).contains("DEBUG"); // it really was verbose
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }

    @Test
    void shouldNeverMixTwoNamespacesUnderConcurrentLoad(Driver driver, TestNamespace namespace) throws Exception {
        String[] tenants = {namespace.value(), namespace.sibling("other").value()};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> leaks = new ArrayList<>();
        try (GraphMemory base = GraphMemory.open(
                driver, MemoryConfig.builder().namespace(tenants[0]).build())) {
            for (int t = 0; t < 8; t++) {
                String tenant = tenants[t % 2];
                int thread = t;
                leaks.add(pool.submit(() -> work(base.withNamespace(tenant), tenant, thread)));
            }
            List<String> crossed = new ArrayList<>();
            for (Future<List<String>> leak : leaks) {
                crossed.addAll(leak.get(5, TimeUnit.MINUTES));
            }
            pool.shutdown();
            assertThat(crossed).as("rows of one namespace seen in the other").isEmpty();
            for (String tenant : tenants) {
                long foreign = driver.executableQuery(
                                "MATCH (n:Memory {namespace: $ns}) WHERE NOT coalesce(n.content, n.name, n.description,"
                                        + " n.summary, n.agent, '') CONTAINS $ns RETURN count(n) AS n")
                        .withParameters(Map.of("ns", tenant))
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong();
                assertThat(foreign).isZero();
                long crossLinks = driver.executableQuery(
                                "MATCH (a:Memory {namespace: $ns})-[r]-(b:Memory) WHERE b.namespace <> $ns RETURN count(r)")
                        .withParameters(Map.of("ns", tenant))
                        .execute()
                        .records()
                        .get(0)
                        .get(0)
                        .asLong();
                assertThat(crossLinks).isZero();
            }
        }
    }

    /** Writes and reads in one namespace, through the library and the tools; returns every foreign row it saw. */
    private static List<String> work(GraphMemory memory, String tenant, int thread) {
        List<String> foreign = new ArrayList<>();
        ToolCalls tools = new ToolCalls(memory);
        for (int i = 0; i < 12; i++) {
            String tag = tenant + " #" + thread + "." + i;
            tools.call(
                    "store_memory",
                    Map.of(
                            "commitments", List.of(Map.of("key", "c", "content", "promise " + tag)),
                            "entities",
                                    List.of(Map.of(
                                            "key", "e", "name", "client " + tenant + " " + (i % 3), "type", "client")),
                            "patterns",
                                    List.of(Map.of("key", "p", "description", "habit " + tenant, "type", "behavior")),
                            "links", List.of(Map.of("from", "c", "relationship", "INVOLVES", "to", "e"))));
            memory.recordDecision(
                    new dev.graphmemory.model.NewDecision("decision " + tag, "because " + tag, null, null, 0.5));
            memory.startConversation(dev.graphmemory.model.NewConversation.of("agent " + tag));
            Map<String, Map<String, Object>> reads = Map.of(
                    "get_commitments", Map.of("limit", 200),
                    "get_decisions", Map.of("limit", 200),
                    "get_patterns", Map.of("limit", 200),
                    "search_memory", Map.of("query", "promise decision habit client", "limit", 200),
                    "timeline", Map.of("limit", 200, "max_chars", 100_000));
            for (var read : reads.entrySet()) {
                String tool = read.getKey();
                ToolCalls.Outcome outcome = tools.call(tool, read.getValue());
                if (outcome.error()) {
                    foreign.add(tool + " failed: " + outcome.content());
                }
                String result = outcome.content().toString();
                if (!result.contains(tenant)) {
                    foreign.add(tool + " in " + tenant + " found none of its own rows: " + result);
                }
                String other = tenant.endsWith("-other") ? tenant.substring(0, tenant.length() - 6) : tenant + "-other";
                if (result.contains(other + " ") || result.contains(other + "#")) {
                    foreign.add(tool + " in " + tenant + ": " + result);
                }
            }
            var rows = memory.queryGraph(dev.graphmemory.model.GraphQuery.of(
                            "MATCH (n:Memory) WHERE n.namespace = $namespace RETURN n.namespace AS ns"))
                    .rows();
            rows.stream().filter(row -> !tenant.equals(row.get("ns"))).forEach(row -> foreign.add("query: " + row));
            var context = memory.getEntityContext("client " + tenant + " " + (i % 3));
            context.commitments().stream()
                    .filter(c -> !c.content().contains(tenant))
                    .forEach(c -> foreign.add("context: " + c));
        }
        return foreign;
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteThroughASigkill(@TempDir Path data) throws Exception {
        List<String> ids = new ArrayList<>();
        var parameters = ServerParameters.builder(java())
                .args("-jar", JAR.toString(), "serve", "--data-dir", data.toString(), "--namespace", "durable")
                .build();
        var transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> {});
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(120))
                .build();
        client.initialize();
        for (int i = 0; i < 40; i++) {
            var result = client.callTool(
                    new McpSchema.CallToolRequest("create_commitment", Map.of("content", "acknowledged " + i)));
            assertThat(result.isError()).as("%s", result.content()).isFalse();
            ids.add(((Map<?, ?>) result.structuredContent()).get("id").toString());
        }
        long pid = ProcessHandle.current()
                .descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(data.toString()))
                .findFirst()
                .orElseThrow()
                .pid();
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor(); // right after the acknowledgements
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        try {
            client.close();
        } catch (RuntimeException closedAlready) {
            // the server is gone
        }

        var restart = CommandIT.run(
                "tool", "get_commitments", "{\"limit\":200}", "--data-dir", data.toString(), "--namespace", "durable");
        assertThat(restart.status()).as(restart.err()).isZero();
        for (String id : ids) {
            assertThat(restart.out()).contains(id);
        }
    }

    private static HttpRequest request(int port, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build();
    }

    private static void awaitLine(List<String> output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                if (output.stream().anyMatch(line -> line.contains(text))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never logged " + text + ": " + output);
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
