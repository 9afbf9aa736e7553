package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

/**
 * The stdio server under hostile input, in this JVM on operating-system pipes: every malformed, oversized or
 * unexpected line gets its JSON-RPC error and the server goes on; the end of input or a broken output ends it at once,
 * whatever is in flight.
 */
@Neo4jTest
class StdioHostilityIT {
    private static final int LIMIT = 64 * 1024;

    @Test
    void shouldAnswerEveryMalformedLineWithItsErrorAndGoOnServing(Driver driver, TestNamespace namespace)
            throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();
            List<List<Object>> cases = List.of(
                    List.of("{bad json", -32700),
                    List.of("[]", -32600),
                    List.of("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600),
                    List.of("null", -32600),
                    List.of("\"x\"", -32600),
                    List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", -32700),
                    List.of("{\"id\":3,\"method\":\"ping\"}", -32600),
                    List.of("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}", -32600),
                    List.of("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{},\"error\":{}}", -32600),
                    List.of("\u0000\u0001\u0002", -32700));
            for (List<Object> broken : cases) {
                client.send((String) broken.get(0));

                JsonNode reply = client.nextReply();

                assertThat(reply.path("error").path("code").asInt())
                        .as("%s: %s", broken.get(0), reply)
                        .isEqualTo(broken.get(1));
                assertThat(reply.path("error").path("message").asString())
                        .doesNotContain("Exception")
                        .doesNotContain("jackson");
                assertThat(client.answersPing())
                        .as("a ping after %s", broken.get(0))
                        .isTrue();
            }
            client.send(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}); // not UTF-8
            assertThat(client.nextReply().path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(client.answersPing()).isTrue();
        }
    }

    @Test
    void shouldRefuseArgumentsThatAreNotAnObjectClearly(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();

            JsonNode reply = client.request("tools/call", Map.of("name", "health_check", "arguments", "{}"));

            assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(reply.path("error").path("message").asString())
                    .contains("arguments must be a JSON object")
                    .doesNotContain("jackson");
            JsonNode healthy = client.request("tools/call", Map.of("name", "health_check", "arguments", Map.of()));
            assertThat(healthy.path("result").path("isError").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldSkipAnOversizedLineAsItArrivesAndGoOnServing(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            client.send(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) { // 20 MiB, no newline: more than the server ever holds
                client.send(chunk);
            }
            client.send("\"}\n".getBytes(StandardCharsets.UTF_8));

            JsonNode reply = client.nextReply();

            assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(reply.path("id").isNull()).isTrue();
            assertThat(reply.path("error").path("message").asString()).contains("longer than the limit of 65536 bytes");
            assertThat(client.answersPing()).isTrue();
        }
    }

    @Test
    void shouldEndAtTheEndOfInputWhileAQueryIsStillRunning(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        MemoryConfig.Builder config = MemoryConfig.builder().queryTimeout(Duration.ofSeconds(20));
        // A driver of its own: closing it stops the query that is still running when the test ends.
        try (Driver own = neo4j.newDriver(Config.builder());
                GraphMemory memory = memory(own, namespace, config);
                PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();
            client.send("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"query_graph\",\"arguments\":{\"query\":\"UNWIND range(1, 100000) AS a UNWIND range(1,"
                    + " 100000) AS b RETURN count(*) AS n\"}}}");
            Thread.sleep(500);

            client.closeInput();

            assertThat(client.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(client.server().endReason()).isEqualTo(StdioTransport.END_OF_INPUT);
        }
    }

    @Test
    void shouldEndWhenTheClientStopsReadingItsOutput(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();

            client.closeOutput();
            client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

            // It ends at the first reply it cannot write; 5 s was once too short on a loaded machine.
            assertThat(client.awaitEnd(Duration.ofSeconds(30)))
                    .as("ended; the threads:\n%s", PipedStdio.threads())
                    .isTrue();
            assertThat(client.server().endReason()).startsWith("standard output is closed");
        }
    }

    static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return memory(driver, namespace, MemoryConfig.builder());
    }

    static GraphMemory memory(Driver driver, TestNamespace namespace, MemoryConfig.Builder config) {
        return GraphMemory.open(driver, config.namespace(namespace.value()).build());
    }
}
