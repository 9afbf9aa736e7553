package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The HTTP server under hostile requests: each error is a JSON-RPC error object with the status the streamable HTTP
 * transport names, never a stack trace or an HTML page, and the session goes on serving.
 */
@Neo4jTest
class HttpHostilityIT {
    private static final int LIMIT = 64 * 1024;

    @Test
    void shouldAnswerEveryBrokenRequestWithAJsonRpcErrorAndTheRightStatus(Driver driver, TestNamespace namespace)
            throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                HttpMcpServer server = start(memory, null, List.of())) {
            HttpClientProbe probe = new HttpClientProbe(server.uri());
            String session = probe.session();
            String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
            byte[] huge = new byte[LIMIT + 1];
            Arrays.fill(huge, (byte) ' ');

            expect(probe.post(ping, HttpClientProbe.headers("Mcp-Session-Id", "no-such-session")), 404, -32600);
            expect(probe.post(ping, HttpClientProbe.headers()), 400, -32600);
            expect(probe.post("{bad json", HttpClientProbe.headers("Mcp-Session-Id", session)), 400, -32700);
            expect(probe.post("[" + ping + "]", HttpClientProbe.headers("Mcp-Session-Id", session)), 400, -32600);
            expect(probe.post("[]", HttpClientProbe.headers("Mcp-Session-Id", session)), 400, -32600);
            expect(
                    probe.post(
                            "{\"jsonrpc\":\"2.0\",\"id\":2,\"id\":3,\"method\":\"ping\"}",
                            HttpClientProbe.headers("Mcp-Session-Id", session)),
                    400,
                    -32700);
            expect(
                    probe.post(ping, HttpClientProbe.headers("Mcp-Session-Id", session, "Content-Type", "text/plain")),
                    415,
                    -32600);
            expect(probe.post(ping, HttpClientProbe.headers("Mcp-Session-Id", session, "Accept", null)), 406, -32600);
            expect(
                    probe.post(ping, HttpClientProbe.headers("Mcp-Session-Id", session, "Accept", "application/json")),
                    406,
                    -32600);
            expect(probe.post(huge, HttpClientProbe.headers("Mcp-Session-Id", session)), 413, -32600);
            byte[] larger = new byte[8 * LIMIT]; // more than the sockets' buffers hold: read to its end, then answered
            Arrays.fill(larger, (byte) ' ');
            expect(probe.post(larger, HttpClientProbe.headers("Mcp-Session-Id", session)), 413, -32600);
            expect(
                    probe.send("PUT", HttpRequest.BodyPublishers.ofString(ping), HttpClientProbe.headers()),
                    405,
                    -32600);
            expect(
                    probe.send("GET", HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/event-stream")),
                    400,
                    -32600);
            expect(
                    probe.send(
                            "DELETE", HttpRequest.BodyPublishers.noBody(), Map.of("Mcp-Session-Id", "no-such-session")),
                    404,
                    -32600);

            HttpResponse<String> arguments = probe.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"health_check\","
                            + "\"arguments\":\"{}\"}}",
                    HttpClientProbe.headers("Mcp-Session-Id", session));
            expect(arguments, 200, -32602);
            assertThat(arguments.body()).contains("\"id\":7").contains("arguments must be a JSON object");

            HttpResponse<String> response =
                    probe.post( // the server asked nothing: a response answers none of its requests
                            "{\"jsonrpc\":\"2.0\",\"id\":-2,\"result\":[]}",
                            HttpClientProbe.headers("Mcp-Session-Id", session));
            assertThat(response.statusCode()).isEqualTo(202);

            assertThat(probe.answersPing(session)).isTrue();
        }
    }

    @Test
    void shouldAllowOnlyTheServersOwnOriginAndHost(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                HttpMcpServer server = start(memory, null, List.of("https://app.example"))) {
            HttpClientProbe probe = new HttpClientProbe(server.uri());
            int port = server.uri().getPort();
            for (String own : List.of("http://127.0.0.1:" + port, "http://localhost:" + port, "https://app.example")) {
                assertThat(probe.post(HttpClientProbe.INITIALIZE, HttpClientProbe.headers("Origin", own))
                                .statusCode())
                        .as(own)
                        .isEqualTo(200);
            }
            for (String foreign : List.of(
                    "http://127.0.0.1:" + (port == 65535 ? port - 1 : port + 1),
                    "http://localhost:" + port + ".evil.example",
                    "http://localhost:" + port + "0",
                    "https://localhost:" + port,
                    "http://evil.example",
                    "null")) {
                expect(probe.post(HttpClientProbe.INITIALIZE, HttpClientProbe.headers("Origin", foreign)), 403, -32600);
            }
            String rebound = probe.raw("POST /mcp HTTP/1.1\r\nHost: evil.example:" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + HttpClientProbe.INITIALIZE.length() + "\r\nConnection: close\r\n\r\n"
                    + HttpClientProbe.INITIALIZE);
            assertThat(rebound)
                    .startsWith("HTTP/1.1 403")
                    .contains("\"code\":-32600")
                    .doesNotContain("Jetty");
        }
    }

    @Test
    void shouldRefuseAnEmptyOrBlankTokenAndAnswerAMissingOneWithJson(Driver driver, TestNamespace namespace)
            throws Exception {
        try (GraphMemory memory = memory(driver, namespace)) {
            for (String blank : List.of("", " ", "\t")) {
                assertThatThrownBy(() -> start(memory, blank, List.of()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("must not be empty or blank");
            }
            try (HttpMcpServer server = start(memory, "s3cret", List.of())) {
                HttpClientProbe probe = new HttpClientProbe(server.uri());
                expect(probe.post(HttpClientProbe.INITIALIZE, HttpClientProbe.headers()), 401, -32600);
                expect(
                        probe.post(HttpClientProbe.INITIALIZE, HttpClientProbe.headers("Authorization", "Bearer ")),
                        401,
                        -32600);
                assertThat(probe.post(
                                        HttpClientProbe.INITIALIZE,
                                        HttpClientProbe.headers("Authorization", "Bearer s3cret"))
                                .statusCode())
                        .isEqualTo(200);
            }
        }
    }

    /** The status, a JSON-RPC error with this code, and nothing of the server's insides. */
    static void expect(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body())
                .startsWith("{\"jsonrpc\":\"2.0\",\"id\":")
                .contains("\"error\":{\"code\":" + code + ",")
                .doesNotContain("stackTrace")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("<html");
    }

    static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return GraphMemory.open(
                driver, MemoryConfig.builder().namespace(namespace.value()).build());
    }

    static HttpMcpServer start(GraphMemory memory, String token, List<String> origins) throws Exception {
        return HttpMcpServer.start(
                new ToolCalls(memory),
                "test",
                "127.0.0.1",
                0,
                token,
                origins,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                LIMIT);
    }
}
