package dev.graphmemory.app.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser pages may call the HTTP server. A request without an {@code Origin} header does not come from a web
 * page and passes. One with an {@code Origin} passes only if it is the server's own origin, meaning the same scheme
 * ({@code http}), the same host and the same port, or one of the origins allowed explicitly. The comparison is on the
 * parsed origin, never on a prefix of the text, so {@code http://localhost:8080.evil.example} is not
 * {@code http://localhost:8080}.
 *
 * <p>The server's own hosts are the address it binds and, when that is a loopback or wildcard address, the names of
 * this machine's loopback interface ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}). For a loopback server the
 * {@code Host} header must name one of them too: a page that made its own domain resolve to {@code 127.0.0.1} (DNS
 * rebinding) sends its own name there.
 */
public final class OriginPolicy {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> ownHosts;
    private final int port;
    private final boolean checkHost;
    private final Set<String> allowed;

    private OriginPolicy(Set<String> ownHosts, int port, boolean checkHost, Set<String> allowed) {
        this.ownHosts = ownHosts;
        this.port = port;
        this.checkHost = checkHost;
        this.allowed = allowed;
    }

    /**
     * The policy of a server.
     *
     * @param boundHost the address it binds, as given
     * @param loopback whether that address is a loopback address
     * @param port the port it listens on
     * @param allowedOrigins further origins allowed, each {@code scheme://host[:port]}
     * @throws IllegalArgumentException if an allowed origin is not of that form
     */
    public static OriginPolicy of(String boundHost, boolean loopback, int port, List<String> allowedOrigins) {
        Set<String> hosts = new LinkedHashSet<>();
        String bound = bracketed(boundHost.toLowerCase(Locale.ROOT));
        boolean wildcard = bound.equals("0.0.0.0") || bound.equals("[::]") || bound.equals("[0:0:0:0:0:0:0:0]");
        if (!wildcard) {
            hosts.add(bound);
        }
        if (loopback || wildcard) {
            hosts.addAll(LOOPBACK_NAMES);
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {
            String normalized = normalize(origin);
            if (normalized == null) {
                throw new IllegalArgumentException(
                        "--allow-origin must be an origin such as https://app.example:8443 (scheme, host and port"
                                + " only); was '" + origin + "'");
            }
            allowed.add(normalized);
        }
        return new OriginPolicy(Set.copyOf(hosts), port, loopback, Set.copyOf(allowed));
    }

    /** Whether a request with this {@code Origin} header (or none) may pass. */
    public boolean allowsOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        if (normalized == null) {
            return false; // "null" (a sandboxed page or a file), or anything that is not an origin
        }
        if (allowed.contains(normalized)) {
            return true;
        }
        for (String host : ownHosts) {
            if (normalized.equals("http://" + host + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request with this {@code Host} header may pass. */
    public boolean allowsHost(String host) {
        if (!checkHost) {
            return true;
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon && !name.startsWith("::")) {
            name = name.substring(0, colon);
        }
        return ownHosts.contains(bracketed(name));
    }

    /** Origins allowed besides the server's own, normalized. */
    List<String> allowedOrigins() {
        return new ArrayList<>(allowed);
    }

    /**
     * {@code scheme://host:port} in lower case with the port spelled out, or {@code null} if the text is not exactly an
     * origin (a path, a query, user information or a fragment make it something else).
     */
    static String normalize(String origin) {
        String text = origin.strip();
        if (text.isEmpty() || text.length() > 300) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null
                || host == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port < 0) {
            port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        }
        if (port < 0 || port > 65_535) {
            return null;
        }
        return scheme + "://" + bracketed(host.toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
