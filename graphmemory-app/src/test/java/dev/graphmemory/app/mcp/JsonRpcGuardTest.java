package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of broken message gets the JSON-RPC error the specification names, with a useful message. */
class JsonRpcGuardTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("{bad json", null, -32700, "Parse error"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", null, -32700, "Parse error"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}", null, -32700, "Parse error"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}", null, -32700, "Duplicate"),
                refused("\u00ff\u00fe", null, -32700, "Parse error"),
                refused("[]", null, -32600, "batches are not supported"),
                refused("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", null, -32600, "batches"),
                refused("null", null, -32600, "not null"),
                refused("42", null, -32600, "not a number"),
                refused("\"ping\"", null, -32600, "not a string"),
                refused("{}", null, -32600, "\"jsonrpc\" must be \"2.0\""),
                refused("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}", 7L, -32600, "\"jsonrpc\""),
                refused("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", null, -32600, "id must be"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", null, -32600, "id must be"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", null, -32600, "id must be"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":5}", "a", -32600, "method must be"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"\"}", "a", -32600, "method must be"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":3}", 3L, -32600, "needs a method"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{}}", 3L, -32600, "needs a method"),
                refused("{\"jsonrpc\":\"2.0\",\"result\":{}}", null, -32600, "needs the id"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":\"x\"}}", 3L, -32600, "integer code"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":[1]}", 4L, -32602, "params"),
                refused(
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
                                + "\"arguments\":\"{}\"}}",
                        5L,
                        -32602,
                        "arguments must be a JSON object"),
                refused(
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
                        5L,
                        -32602,
                        "name must be a string"),
                refused("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\"}", 6L, -32602, "needs params"),
                refused(
                        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"initialize\",\"params\":{\"protocolVersion\":{}}}",
                        8L,
                        -32602,
                        "protocolVersion must be a string"),
                refused(
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{\"cursor\":[]}}",
                        9L,
                        -32602,
                        "cursor must be a string"));
    }

    private static Arguments refused(String message, Object id, int code, String text) {
        return Arguments.of(message, id, code, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void shouldRefuseWithTheSpecifiedCodeAndTheMessagesId(String message, Object id, int code, String text) {
        JsonRpcGuard.Verdict verdict = JsonRpcGuard.check(message);

        assertThat(verdict).isInstanceOfSatisfying(JsonRpcGuard.Rejected.class, rejected -> {
            assertThat(rejected.id()).isEqualTo(id);
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.message())
                    .contains(text)
                    .doesNotContain("tools.jackson")
                    .doesNotContain("Exception");
            assertThat(rejected.reply()).isTrue();
            assertThat(rejected.json()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":");
        });
    }

    @Test
    void shouldPassWellFormedMessagesAndDropBrokenNotificationsSilently() {
        assertThat(JsonRpcGuard.check("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"ping\"}"))
                .isInstanceOfSatisfying(
                        JsonRpcGuard.Accepted.class,
                        accepted -> assertThat(accepted.message()).isInstanceOf(McpSchema.JSONRPCRequest.class));
        assertThat(JsonRpcGuard.check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isInstanceOfSatisfying(
                        JsonRpcGuard.Accepted.class,
                        accepted -> assertThat(accepted.message()).isInstanceOf(McpSchema.JSONRPCNotification.class));
        assertThat(JsonRpcGuard.check("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}"))
                .isInstanceOf(JsonRpcGuard.Accepted.class);
        assertThat(JsonRpcGuard.check(
                        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"health_check\","
                                + "\"arguments\":null}}"))
                .isInstanceOf(JsonRpcGuard.Accepted.class);
        assertThat(JsonRpcGuard.check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\",\"params\":7}"))
                .isInstanceOfSatisfying(
                        JsonRpcGuard.Rejected.class,
                        rejected -> assertThat(rejected.reply()).isFalse());
    }
}
