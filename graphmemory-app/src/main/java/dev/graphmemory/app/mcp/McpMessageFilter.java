package dev.graphmemory.app.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a {@code POST} to the MCP endpoint before the SDK reads it: the {@code Accept} and {@code Content-Type}
 * headers the streamable HTTP transport requires, the size of the body (at most {@code maxMessageBytes}, read no
 * further), and the message itself ({@link JsonRpcGuard}). A refused message is answered at once:
 *
 * <ul>
 *   <li>a missing {@code Accept} type: 406; a body that is not {@code application/json}: 415; too long: 413;
 *   <li>a message that is not valid JSON-RPC: 400 with the JSON-RPC error and id {@code null};
 *   <li>a request with an id whose params are wrong: 200 with the JSON-RPC error for that id, as any other answer to a
 *       request, so that a client matches it to its call;
 *   <li>a response (graphmemory asks clients nothing, so it answers no request of ours): 202, and dropped.
 * </ul>
 *
 * A message that passes reaches the SDK with its body as read.
 */
final class McpMessageFilter implements Filter {
    /** How many times the size limit an oversized body may be, and still be read to its end before the 413. */
    static final int DISCARDED = 16;

    private final int maxMessageBytes;

    McpMessageFilter(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (!"POST".equals(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String accept = String.valueOf(http.getHeader("Accept")).toLowerCase(Locale.ROOT);
        if (!(accept.contains("application/json") && accept.contains("text/event-stream"))) {
            ErrorReplies.send(
                    out,
                    406,
                    null,
                    JsonRpcGuard.INVALID_REQUEST,
                    "Not Acceptable: the Accept header must list application/json and text/event-stream");
            return;
        }
        String type = String.valueOf(http.getContentType()).toLowerCase(Locale.ROOT);
        if (!(type.equals("application/json") || type.startsWith("application/json;"))) {
            ErrorReplies.send(
                    out,
                    415,
                    null,
                    JsonRpcGuard.INVALID_REQUEST,
                    "Unsupported Media Type: the body must be application/json");
            return;
        }
        byte[] body = readAtMost(http, maxMessageBytes);
        if (body == null) {
            ErrorReplies.send(
                    out,
                    413,
                    null,
                    JsonRpcGuard.INVALID_REQUEST,
                    "Content Too Large: the message is longer than the limit of " + maxMessageBytes
                            + " bytes (GRAPHMEMORY_MAX_MESSAGE_SIZE, --max-message-size)");
            return;
        }
        JsonRpcGuard.Verdict verdict = JsonRpcGuard.check(body, body.length);
        if (verdict instanceof JsonRpcGuard.Rejected rejected) {
            ErrorReplies.send(
                    out, rejected.id() == null ? 400 : 200, rejected.id(), rejected.code(), rejected.message());
            return;
        }
        if (verdict instanceof JsonRpcGuard.Accepted accepted
                && accepted.message() instanceof McpSchema.JSONRPCResponse) {
            // graphmemory sends clients no requests, so a response answers none of ours: accepted, as the transport
            // accepts a response, and dropped (the SDK would answer 500 for an id it does not know)
            out.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        chain.doFilter(new ReadBody(http, body), response);
    }

    /**
     * The body, or {@code null} if it is longer than {@code limit}. Then the rest is read and dropped, up to
     * {@link #DISCARDED} times the limit: a server that answers and closes the connection while the client is still
     * sending makes the client fail on a broken pipe instead of reading the 413 (seen with Java's HTTP client and a
     * body of 64 KiB). A longer body is not read: its connection is closed after the answer.
     */
    private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        InputStream in = request.getInputStream();
        long discardable = (long) limit * DISCARDED;
        if (declared > limit) {
            if (declared <= discardable) {
                discard(in, discardable);
            }
            return null;
        }
        byte[] buffer = new byte[(int) Math.min(limit + 1L, declared >= 0 ? declared + 1 : 16 * 1024)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > limit) {
                    discard(in, discardable - length);
                    return null;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, 2L * buffer.length));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > limit) {
                discard(in, discardable - length);
                return null;
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    /** Reads and drops at most {@code most} more bytes of {@code in}. */
    private static void discard(InputStream in, long most) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long left = most;
        int read;
        while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= read;
        }
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
