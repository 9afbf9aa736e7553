package dev.graphmemory.app.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}. The comparison takes the same time whatever
 * the guess, and the token is never logged or echoed. An empty or blank token is refused when the filter is made: it
 * would let through any request with an empty {@code Bearer} header.
 */
final class BearerTokenFilter implements Filter {
    private final byte[] expected;

    BearerTokenFilter(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A bearer token must not be empty or blank");
        }
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = ((HttpServletRequest) request).getHeader("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Bearer realm=\"graphmemory\"");
            ErrorReplies.send(
                    http, 401, null, JsonRpcGuard.INVALID_REQUEST, "Unauthorized: a valid bearer token is required");
            return;
        }
        chain.doFilter(request, response);
    }
}
