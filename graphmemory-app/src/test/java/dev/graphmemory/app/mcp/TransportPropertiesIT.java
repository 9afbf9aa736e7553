package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.app.tools.ToolCatalogue;
import dev.graphmemory.testing.Neo4jExtension;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random bytes and random JSON-RPC messages, sent to both transports: after each one the server still answers a ping,
 * every request with a valid id gets an answer with that id, no answer carries a stack trace, and the stdio server
 * ends cleanly at the end of its input.
 */
class TransportPropertiesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 256 * 1024;
    private static GraphMemory memory;
    private static HttpMcpServer http;
    private static HttpClientProbe probe;
    private static String session;

    @BeforeContainer
    static void start() throws Exception {
        memory = GraphMemory.open(
                Neo4jExtension.shared().driver(),
                MemoryConfig.builder()
                        .namespace(TestNamespace.next().value())
                        .queryTimeout(Duration.ofSeconds(2))
                        .build());
        http = HttpMcpServer.start(
                new ToolCalls(memory),
                "test",
                "127.0.0.1",
                0,
                null,
                List.of(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                LIMIT);
        probe = new HttpClientProbe(http.uri());
        session = probe.session();
    }

    @AfterContainer
    static void stop() {
        try {
            http.close();
        } finally {
            memory.close();
        }
    }

    @Property(tries = 40)
    void stdioSurvivesRandomBytesAndEndsCleanly(@ForAll("bytes") byte[] garbage) throws Exception {
        try (PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();
            client.send(garbage);
            client.send(new byte[] {'\n'});

            assertThat(client.answersPing()).isTrue();
            client.closeInput();
            assertThat(client.awaitEnd(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Property(tries = 60)
    void stdioAnswersEveryRandomRequestAndEndsCleanly(@ForAll("messages") String message) throws Exception {
        try (PipedStdio client = new PipedStdio(new ToolCalls(memory), LIMIT)) {
            client.initialize();
            client.send(message);

            Object id = requestId(message);
            if (id != null) {
                JsonNode reply = client.replyTo(id);
                assertThat(reply.has("result") || reply.has("error"))
                        .as(reply.toString())
                        .isTrue();
                assertThat(reply.toString()).doesNotContain("\\tat ").doesNotContain("tools.jackson");
            }
            assertThat(client.answersPing()).isTrue();
            client.closeInput();
            assertThat(client.awaitEnd(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Property(tries = 40)
    void httpSurvivesRandomBytes(@ForAll("bytes") byte[] garbage) throws Exception {
        HttpResponse<String> response = probe.post(garbage, HttpClientProbe.headers("Mcp-Session-Id", session));

        assertThat(response.statusCode()).isIn(200, 202, 400);
        assertThat(response.body()).doesNotContain("stackTrace").doesNotContain("\tat ");
        assertThat(probe.answersPing(session)).isTrue();
    }

    @Property(tries = 60)
    void httpAnswersEveryRandomRequest(@ForAll("messages") String message) throws Exception {
        HttpResponse<String> response = probe.post(message, HttpClientProbe.headers("Mcp-Session-Id", session));

        assertThat(response.statusCode()).as(response.body()).isIn(200, 202, 400);
        assertThat(response.body())
                .doesNotContain("stackTrace")
                .doesNotContain("\tat ")
                .doesNotContain("tools.jackson");
        Object id = requestId(message);
        if (id != null) {
            String expected = "\"id\":" + (id instanceof String text ? JSON.writeValueAsString(text) : id);
            assertThat(response.body()).as("an answer to request %s", id).contains(expected);
        }
        assertThat(probe.answersPing(session)).isTrue();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> jsonish = Arbitraries.strings()
                .withChars("{}[]\":,0123456789.-+eEtrufalsn \\\t\r\u00e9\u2028")
                .ofMaxLength(300)
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, jsonish).map(bytes -> {
            // One message per line: a newline inside would make it two.
            byte[] copy = bytes.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '\n') {
                    copy[i] = ' ';
                }
            }
            return copy;
        });
    }

    /** JSON-RPC-shaped messages: real and unknown methods, ids and params of every type, tools with any arguments. */
    @Provide
    Arbitrary<String> messages() {
        Arbitrary<Object> id = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 1_000_000).map(Object.class::cast),
                Arbitraries.strings().alpha().ofMaxLength(8).map(Object.class::cast),
                Arbitraries.of(1.5, true, "").map(Object.class::cast),
                Arbitraries.just(List.of()).map(Object.class::cast));
        Arbitrary<Object> method = Arbitraries.oneOf(
                Arbitraries.of(
                                "ping",
                                "tools/list",
                                "tools/call",
                                "initialize",
                                "logging/setLevel",
                                "notifications/initialized",
                                "notifications/cancelled",
                                "resources/list",
                                "prompts/get",
                                "completion/complete")
                        .map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(12).map(Object.class::cast),
                Arbitraries.just(42).map(Object.class::cast));
        Arbitrary<Object> value = value(3);
        Arbitrary<Object> toolCall = Arbitraries.oneOf(
                        Arbitraries.of(ToolCatalogue.tools()).map(tool -> (Object) tool.name()), value)
                .flatMap(name -> arguments(value).map(arguments -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("name", name);
                    params.put("arguments", arguments);
                    return (Object) params;
                }));
        Arbitrary<Object> params = Arbitraries.oneOf(value, toolCall, toolCall);
        return Arbitraries.maps(
                        Arbitraries.of("jsonrpc", "id", "method", "params", "result", "error"),
                        Arbitraries.just("placeholder"))
                .ofMaxSize(6)
                .flatMap(keys -> Arbitraries.lazy(() -> assemble(keys.keySet(), id, method, params, value)))
                .map(message -> JSON.writeValueAsString(message));
    }

    private static Arbitrary<Map<String, Object>> assemble(
            Set<String> keys,
            Arbitrary<Object> id,
            Arbitrary<Object> method,
            Arbitrary<Object> params,
            Arbitrary<Object> value) {
        Arbitrary<Object> version = Arbitraries.of("2.0", "2.0", "2.0", "1.0").map(Object.class::cast);
        List<String> order = new ArrayList<>(keys);
        return Arbitraries.just(new LinkedHashMap<String, Object>())
                .flatMap(start -> fill(start, order, 0, id, method, params, value, version));
    }

    private static Arbitrary<Map<String, Object>> fill(
            LinkedHashMap<String, Object> message,
            List<String> keys,
            int next,
            Arbitrary<Object> id,
            Arbitrary<Object> method,
            Arbitrary<Object> params,
            Arbitrary<Object> value,
            Arbitrary<Object> version) {
        if (next == keys.size()) {
            return Arbitraries.just(message);
        }
        String key = keys.get(next);
        Arbitrary<Object> source = switch (key) {
            case "jsonrpc" -> version;
            case "id" -> id;
            case "method" -> method;
            case "params" -> params;
            default -> value;
        };
        return source.flatMap(chosen -> {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(message);
            copy.put(key, chosen);
            return fill(copy, keys, next + 1, id, method, params, value, version);
        });
    }

    private static Arbitrary<Object> arguments(Arbitrary<Object> value) {
        return Arbitraries.oneOf(
                Arbitraries.maps(
                                Arbitraries.of(
                                        "name", "type", "query", "content", "limit", "max_chars", "id", "ids", "x"),
                                value)
                        .ofMaxSize(4)
                        .map(Object.class::cast),
                value);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just("MATCH (n:Memory) WHERE n.namespace = $namespace RETURN n LIMIT 3")
                        .map(Object.class::cast));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> nested = value(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(1, nested.list().ofMaxSize(3).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), nested)
                                .ofMaxSize(3)
                                .map(Object.class::cast)));
    }

    /** The id of a message the server must answer: a request (a method) with a string or integer id. */
    private static Object requestId(String message) {
        JsonNode tree = JSON.readTree(message);
        JsonNode id = tree.get("id");
        if (id == null || !tree.has("method") || !(id.isString() || id.isIntegralNumber())) {
            return null;
        }
        return id.isString() ? id.asString() : (Object) id.asLong();
    }
}
