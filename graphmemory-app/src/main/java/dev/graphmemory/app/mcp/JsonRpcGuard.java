package dev.graphmemory.app.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one incoming JSON-RPC message before the MCP SDK sees it, for both transports. The SDK gives up on a message
 * it cannot read (over stdio it stops reading altogether; over HTTP it answers with a serialized Java exception), and
 * it turns arguments of the wrong type into an internal error that names a Jackson class. Here every such message
 * gets the error the JSON-RPC 2.0 specification names, with a message a client's author can act on:
 *
 * <ul>
 *   <li>{@value #PARSE_ERROR} parse error: not JSON, not UTF-8, a key named twice in one object, text after the value;
 *   <li>{@value #INVALID_REQUEST} invalid request: not one object (a batch, a number), no {@code "jsonrpc": "2.0"}, an
 *       id that is not a string or an integer, a method that is not a string, neither a method nor a result;
 *   <li>{@value #INVALID_PARAMS} invalid params: {@code params} that are not an object, or that the method cannot take
 *       (for example {@code tools/call} with {@code arguments} that are not an object).
 * </ul>
 *
 * The id of the reply is the message's own when it has a valid one, {@code null} otherwise. A notification (a method
 * without an id) never gets a reply, as the specification says; a broken one is dropped.
 */
final class JsonRpcGuard {
    static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;
    static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;
    static final int INVALID_PARAMS = McpSchema.ErrorCodes.INVALID_PARAMS;
    static final int INTERNAL_ERROR = McpSchema.ErrorCodes.INTERNAL_ERROR;

    /** Longest part of a parser's message repeated in a reply: enough to find the mistake, never the whole input. */
    private static final int MAX_DETAIL = 200;

    /** Parses strictly: a duplicate key or trailing text is an error, not a silent choice. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The requests whose params the SDK converts to one of its types, which must not fail inside the SDK. */
    private static final Map<String, Class<?>> PARAMS = Map.of(
            McpSchema.METHOD_INITIALIZE, McpSchema.InitializeRequest.class,
            McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class,
            McpSchema.METHOD_TOOLS_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_LOGGING_SET_LEVEL, McpSchema.SetLevelRequest.class);

    private static final McpJsonMapper SDK = McpJsonDefaults.getMapper();

    private JsonRpcGuard() {}

    /** The outcome of a check. */
    sealed interface Verdict permits Accepted, Rejected {}

    /** A message the SDK can handle. */
    record Accepted(McpSchema.JSONRPCMessage message) implements Verdict {}

    /**
     * A message refused with a JSON-RPC error.
     *
     * @param id the id of the reply: the message's own, or {@code null}
     * @param code the JSON-RPC error code
     * @param message what is wrong
     * @param reply whether to answer at all (never for a notification)
     */
    record Rejected(Object id, int code, String message, boolean reply) implements Verdict {
        /** The error reply as one line of JSON. */
        String json() {
            return JsonRpcGuard.reply(id, code, message);
        }
    }

    /** A JSON-RPC error reply as one line of JSON. */
    static String reply(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        reply.put("id", id);
        reply.put("error", error);
        return STRICT.writeValueAsString(reply);
    }

    /** Checks the UTF-8 bytes of one message. */
    static Verdict check(byte[] bytes, int length) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes, 0, length);
        } catch (JacksonException e) {
            return new Rejected(null, PARSE_ERROR, "Parse error: " + detail(e.getOriginalMessage()), true);
        }
        if (tree == null || tree.isMissingNode()) {
            return new Rejected(null, PARSE_ERROR, "Parse error: the message is empty", true);
        }
        if (tree.isArray()) {
            return new Rejected(
                    null,
                    INVALID_REQUEST,
                    "Invalid Request: batches are not supported; send one JSON-RPC message at a time",
                    true);
        }
        if (!tree.isObject()) {
            return new Rejected(
                    null, INVALID_REQUEST, "Invalid Request: a message must be a JSON object, not " + kind(tree), true);
        }
        return checkObject(tree, new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    /** Checks the text of one message (an HTTP body). */
    static Verdict check(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return check(bytes, bytes.length);
    }

    private static Verdict checkObject(JsonNode message, String text) {
        JsonNode idNode = message.get("id");
        boolean hasId = idNode != null;
        if (hasId && !(idNode.isString() || idNode.isIntegralNumber() && idNode.canConvertToLong())) {
            return new Rejected(
                    null, INVALID_REQUEST, "Invalid Request: id must be a string or an integer (not null)", true);
        }
        Object id = hasId ? (idNode.isString() ? idNode.asString() : (Object) idNode.asLong()) : null;
        JsonNode version = message.get("jsonrpc");
        if (version == null || !version.isString() || !McpSchema.JSONRPC_VERSION.equals(version.asString())) {
            return new Rejected(id, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"", true);
        }
        JsonNode method = message.get("method");
        Verdict verdict = method != null ? checkCall(message, method, id, hasId) : checkResponse(message, id, hasId);
        if (verdict != null) {
            return verdict;
        }
        try {
            return new Accepted(McpSchema.deserializeJsonRpcMessage(SDK, text));
        } catch (Exception | StackOverflowError e) {
            return new Rejected(id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC message this server reads", true);
        }
    }

    /** A request (with an id) or a notification (without); {@code null} when it passes. */
    private static Verdict checkCall(JsonNode message, JsonNode method, Object id, boolean request) {
        if (!method.isString() || method.asString().isBlank()) {
            return new Rejected(id, INVALID_REQUEST, "Invalid Request: method must be a non-empty string", true);
        }
        if (message.has("result") || message.has("error")) {
            return new Rejected(
                    id, INVALID_REQUEST, "Invalid Request: a message with a method has no result or error", true);
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return new Rejected(
                    id, INVALID_PARAMS, "Invalid params: params must be an object, not " + kind(params), request);
        }
        if (!request) {
            return null; // a notification's params are the SDK's to read; a failure there is never answered
        }
        return checkParams(method.asString(), params, id);
    }

    private static Verdict checkParams(String method, JsonNode params, Object id) {
        Class<?> type = PARAMS.get(method);
        if (type == null) {
            return null;
        }
        if (params == null || params.isNull()) {
            if (method.equals(McpSchema.METHOD_TOOLS_LIST)) {
                return null;
            }
            return new Rejected(id, INVALID_PARAMS, "Invalid params: " + method + " needs params", true);
        }
        if (method.equals(McpSchema.METHOD_TOOLS_CALL)) {
            JsonNode name = params.get("name");
            if (name == null || !name.isString()) {
                return new Rejected(
                        id, INVALID_PARAMS, "Invalid params: name must be a string, the tool to call", true);
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
                return new Rejected(
                        id,
                        INVALID_PARAMS,
                        "Invalid params: arguments must be a JSON object of the tool's arguments by name, not "
                                + kind(arguments),
                        true);
            }
        }
        try {
            SDK.convertValue(params, type);
            return null;
        } catch (RuntimeException e) {
            return new Rejected(id, INVALID_PARAMS, "Invalid params: " + where(e), true);
        }
    }

    /** A response to one of the server's own requests; {@code null} when it passes. */
    private static Verdict checkResponse(JsonNode message, Object id, boolean hasId) {
        boolean result = message.has("result");
        JsonNode error = message.get("error");
        if (result == (error != null)) {
            return new Rejected(
                    id,
                    INVALID_REQUEST,
                    "Invalid Request: a message needs a method (a request or a notification), or exactly one of result"
                            + " and error (a response)",
                    true);
        }
        if (!hasId) {
            return new Rejected(null, INVALID_REQUEST, "Invalid Request: a response needs the id it answers", true);
        }
        if (error != null
                && (!error.isObject()
                        || error.get("code") == null
                        || !error.get("code").isIntegralNumber()
                        || !error.get("code").canConvertToInt()
                        || (error.get("message") != null
                                && !error.get("message").isString()))) {
            return new Rejected(
                    id, INVALID_REQUEST, "Invalid Request: error must be an object with an integer code", true);
        }
        return null;
    }

    /** Which part of the params has the wrong type, from the converter's path. */
    private static String where(RuntimeException failure) {
        Throwable e = failure;
        while (!(e instanceof DatabindException) && e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        if (e instanceof DatabindException databind) {
            List<String> path = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.toList());
            String field = path.isEmpty() ? "params" : String.join(".", path).replace(".[", "[");
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return field + " must be " + expected(mismatch.getTargetType());
            }
            return field + " has the wrong type";
        }
        return "the params do not fit this method";
    }

    private static String expected(Class<?> type) {
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return "of another type";
    }

    /** What kind of JSON value this is, in a few words. */
    static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isObject() ? "an object" : "a JSON value";
    }

    /** The parser's message, first line only and without the names of the parser's own classes. */
    private static String detail(String message) {
        String line = String.valueOf(message).lines().findFirst().orElse("").strip();
        if (line.startsWith("Trailing token")) {
            return "there is more after the JSON value; send one message per line";
        }
        line = line.replaceAll("\\s*\\(bound as [^)]*\\)", "")
                .replaceAll(":?\\s*not allowed as per `[^`]*`", "")
                .replaceAll("`?tools\\.jackson[\\w.$]*`?", "JSON");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
    }
}
