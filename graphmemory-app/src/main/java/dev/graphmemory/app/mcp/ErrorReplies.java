package dev.graphmemory.app.mcp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error answers of the HTTP server: an HTTP status and, as the body, a JSON-RPC error object (never an HTML page or a
 * serialized Java exception), so that a client can always read why.
 */
final class ErrorReplies {
    private ErrorReplies() {}

    /** Writes {@code status} with a JSON-RPC error reply; does nothing if the response is already committed. */
    static void send(HttpServletResponse response, int status, Object id, int code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = JsonRpcGuard.reply(id, code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The JSON-RPC error code that goes with an HTTP error status. */
    static int codeFor(int status) {
        return status >= 500 ? JsonRpcGuard.INTERNAL_ERROR : JsonRpcGuard.INVALID_REQUEST;
    }

    /** The reason phrase of a status, for replies that have no better message. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "HTTP " + status;
        };
    }
}
