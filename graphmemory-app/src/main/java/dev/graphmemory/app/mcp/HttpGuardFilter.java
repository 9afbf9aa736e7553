package dev.graphmemory.app.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter of every HTTP request. It refuses foreign browser pages ({@link OriginPolicy}: the {@code Origin}
 * and, on loopback, the {@code Host} header), and it makes every error answer a JSON-RPC error object: an error the
 * SDK or the servlet container writes (an unknown session, a missing header, a method not allowed) is rewritten from
 * its body (which for the SDK is a serialized Java exception, stack trace included) to {@code code} and
 * {@code message} alone, and an exception that escapes is answered with a plain internal error and logged without its
 * stack trace (which {@code --verbose} shows). A site beside the protocol (the web inspector) gets the same checks, and
 * its answers pass as they are.
 */
final class HttpGuardFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGuardFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OriginPolicy policy;
    private final boolean siteBeside;

    /** @param siteBeside whether a site (the web inspector) answers the addresses other than the protocol's own */
    HttpGuardFilter(OriginPolicy policy, boolean siteBeside) {
        this.policy = policy;
        this.siteBeside = siteBeside;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (!policy.allowsHost(http.getHeader("Host"))) {
            ErrorReplies.send(
                    out,
                    403,
                    null,
                    JsonRpcGuard.INVALID_REQUEST,
                    "Forbidden: the Host header does not name this server");
            return;
        }
        if (!policy.allowsOrigin(http.getHeader("Origin"))) {
            ErrorReplies.send(
                    out,
                    403,
                    null,
                    JsonRpcGuard.INVALID_REQUEST,
                    "Forbidden: requests from web pages of another origin are not allowed (see --allow-origin)");
            return;
        }
        if (siteBeside
                && !HttpMcpServer.ENDPOINT.equals(http.getServletPath())
                && !HttpMcpServer.METRICS.equals(http.getServletPath())) {
            chain.doFilter(request, response); // the site's pages answer their errors themselves
            return;
        }
        ErrorRewriting rewriting = new ErrorRewriting(out);
        try {
            chain.doFilter(request, rewriting);
            rewriting.finish();
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.warn("{} {} failed: {}", http.getMethod(), http.getRequestURI(), e.toString());
            LOG.debug("The failure", e);
            ErrorReplies.send(
                    out, 500, null, JsonRpcGuard.INTERNAL_ERROR, "Internal error: the request could not be handled");
        }
    }

    /**
     * Turns error answers into JSON-RPC errors: {@code sendError} writes one at once; a body written after an error
     * status is held and rewritten when the request is done. Success answers (event streams included) pass untouched.
     */
    private static final class ErrorRewriting extends HttpServletResponseWrapper {
        private final HttpServletResponse real;
        private int status = 200;
        private ByteArrayOutputStream held;
        private PrintWriter heldWriter;

        ErrorRewriting(HttpServletResponse real) {
            super(real);
            this.real = real;
        }

        @Override
        public void setStatus(int status) {
            this.status = status;
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            this.status = status;
            if (status == 405) {
                real.setHeader("Allow", "GET, POST, DELETE");
            }
            String text = ErrorReplies.reason(status)
                    + (message == null || message.isBlank() ? "" : ": " + abbreviate(message));
            ErrorReplies.send(real, status, null, ErrorReplies.codeFor(status), text);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (status < 400) {
                return super.getOutputStream();
            }
            hold();
            return new HeldStream(held);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (status < 400) {
                return super.getWriter();
            }
            hold();
            if (heldWriter == null) {
                heldWriter = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true);
            }
            return heldWriter;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer(); // an error body is sent whole by finish()
            }
        }

        @Override
        public void resetBuffer() {
            if (held != null) {
                held.reset();
            }
            super.resetBuffer();
        }

        private void hold() {
            if (held == null) {
                held = new ByteArrayOutputStream();
            }
        }

        /** Writes the held error body as a JSON-RPC error. */
        void finish() throws IOException {
            if (held == null) {
                return;
            }
            if (heldWriter != null) {
                heldWriter.flush();
            }
            Map.Entry<Integer, String> error = errorOf(held.toString(StandardCharsets.UTF_8));
            ErrorReplies.send(real, status, null, error.getKey(), error.getValue());
        }

        /** The code and message of what the SDK wrote (an {@code McpError} as JSON), without the rest. */
        private Map.Entry<Integer, String> errorOf(String body) {
            int code = ErrorReplies.codeFor(status);
            String message = ErrorReplies.reason(status);
            try {
                JsonNode tree = JSON.readTree(body);
                JsonNode error = tree.has("jsonRpcError") ? tree.get("jsonRpcError") : tree.get("error");
                if (error != null && error.isObject()) {
                    if (error.path("code").isIntegralNumber()) {
                        code = error.get("code").asInt();
                    }
                    if (error.path("message").isString()) {
                        message = abbreviate(error.get("message").asString());
                    }
                } else if (tree.path("message").isString()) {
                    message = abbreviate(tree.get("message").asString());
                }
            } catch (JacksonException | IllegalArgumentException notJson) {
                // keep the reason phrase
            }
            // The SDK reports a missing or unknown session as "method not found" or an internal error; it is the
            // request that is wrong.
            if (status < 500
                    && code != JsonRpcGuard.PARSE_ERROR
                    && code != JsonRpcGuard.INVALID_PARAMS
                    && code != JsonRpcGuard.INVALID_REQUEST) {
                code = JsonRpcGuard.INVALID_REQUEST;
            }
            return Map.entry(code, message);
        }

        private static String abbreviate(String text) {
            String line = text.lines().findFirst().orElse("").strip();
            return line.length() <= 300 ? line : line.substring(0, 300) + "…";
        }
    }

    /** Collects an error body instead of sending it. */
    private static final class HeldStream extends ServletOutputStream {
        private final ByteArrayOutputStream target;

        HeldStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("error bodies are written blocking");
        }
    }
}
