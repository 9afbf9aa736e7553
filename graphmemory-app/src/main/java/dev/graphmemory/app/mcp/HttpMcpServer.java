package dev.graphmemory.app.mcp;

import dev.graphmemory.app.tools.ToolCalls;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over the streamable HTTP transport, on Jetty, at {@code /mcp}.
 *
 * <p>It binds to loopback unless told otherwise; any other address requires a bearer token. Requests that carry an
 * {@code Origin} header other than the server's own origin (scheme, host and port) or an origin allowed explicitly are
 * refused, so a web page in the user's browser cannot reach the memory; on loopback the {@code Host} header must name
 * this machine too (DNS rebinding). Every error answer is a JSON-RPC error object, never a stack trace
 * ({@link HttpGuardFilter}), and every message is checked before the SDK reads it ({@link McpMessageFilter}). A site
 * can be served beside it at {@code /} (the web inspector), under the same origin rules.
 */
public final class HttpMcpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMcpServer.class);
    static final String ENDPOINT = "/mcp";
    static final String METRICS = "/metrics";

    private final Server jetty;
    private final McpSyncServer mcp;
    private final URI uri;

    private HttpMcpServer(Server jetty, McpSyncServer mcp, URI uri) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.uri = uri;
    }

    /** Starts the server with messages of at most {@link StdioMcpServer#DEFAULT_MAX_MESSAGE_BYTES}. */
    public static HttpMcpServer start(
            ToolCalls calls,
            String version,
            String host,
            int port,
            String token,
            List<String> allowedOrigins,
            PrometheusMeterRegistry metrics)
            throws Exception {
        return start(
                calls, version, host, port, token, allowedOrigins, metrics, StdioMcpServer.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Starts the server.
     *
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @param token the bearer token every request must carry, or {@code null} (only allowed on loopback); never blank
     * @param allowedOrigins browser origins allowed besides the server's own, each {@code scheme://host[:port]}
     * @param metrics the registry served in the Prometheus format at {@code /metrics}
     * @param maxMessageBytes the longest request body read
     */
    public static HttpMcpServer start(
            ToolCalls calls,
            String version,
            String host,
            int port,
            String token,
            List<String> allowedOrigins,
            PrometheusMeterRegistry metrics,
            int maxMessageBytes)
            throws Exception {
        return start(calls, version, host, port, token, allowedOrigins, metrics, maxMessageBytes, null);
    }

    /**
     * Starts the server with a site at {@code /} beside {@code /mcp} and {@code /metrics} (the web inspector). The
     * site gets the same {@code Host} and {@code Origin} checks; it checks the bearer token itself, since a browser
     * shows it in another way (the inspector: once in the address, for a cookie), and its error answers are its own.
     *
     * @param site the servlet served at every address but {@code /mcp} and {@code /metrics}, or {@code null} for none
     */
    public static HttpMcpServer start(
            ToolCalls calls,
            String version,
            String host,
            int port,
            String token,
            List<String> allowedOrigins,
            PrometheusMeterRegistry metrics,
            int maxMessageBytes,
            HttpServlet site)
            throws Exception {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("A bearer token must not be empty or blank");
        }
        checkOrigins(allowedOrigins);
        if (token == null && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "Serving on " + host + " (not loopback) requires a bearer token: set GRAPHMEMORY_TOKEN or --token");
        }
        // Origins are checked by HttpGuardFilter (the server's own scheme, host and port, exactly); the SDK's check
        // compares prefixes, so it is not used.
        var transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(ENDPOINT)
                .securityValidator(ServerTransportSecurityValidator.NOOP)
                .build();
        McpSyncServer mcp =
                McpTools.configure(McpServer.sync(transport), calls, version).build();

        ServerConnector connector = QuietJetty.connector(host, port);
        Server jetty = connector.getServer();
        ErrorHandler errors = QuietJetty.errors();
        try {
            connector.open(); // binds the port now, so that the origin policy knows it
        } catch (Exception e) {
            mcp.close();
            throw e;
        }
        int boundPort = connector.getLocalPort();
        OriginPolicy origins = OriginPolicy.of(host, isLoopback(host), boundPort, allowedOrigins);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setErrorHandler(errors);
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        context.addServlet(new ServletHolder(new MetricsServlet(metrics)), METRICS);
        if (site != null) {
            context.addServlet(new ServletHolder(site), "/");
        }
        addFilter(context, new HttpGuardFilter(origins, site != null), "/*");
        if (token != null) {
            BearerTokenFilter bearer = new BearerTokenFilter(token);
            for (String path : site == null ? List.of("/*") : List.of(ENDPOINT, METRICS)) {
                addFilter(context, bearer, path);
            }
        }
        addFilter(context, new McpMessageFilter(maxMessageBytes), ENDPOINT);
        jetty.setHandler(context);
        jetty.setStopTimeout(2_000);
        try {
            jetty.start();
        } catch (Exception e) {
            mcp.close();
            jetty.stop();
            throw e;
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        URI uri = URI.create("http://" + shownHost + ":" + boundPort + ENDPOINT);
        LOG.info("MCP server listening on {}{}", uri, token == null ? "" : " (bearer token required)");
        return new HttpMcpServer(jetty, mcp, uri);
    }

    /**
     * Checks that each allowed origin is an origin: {@code scheme://host[:port]}, nothing more.
     *
     * @throws IllegalArgumentException naming the first that is not
     */
    public static void checkOrigins(List<String> allowedOrigins) {
        OriginPolicy.of("127.0.0.1", true, 0, allowedOrigins);
    }

    private static void addFilter(ServletContextHandler context, Filter filter, String path) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
    }

    /** The address clients connect to. */
    public URI uri() {
        return uri;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            mcp.closeGracefully();
        } finally {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("Stopping the HTTP server failed: {}", e.toString());
                LOG.debug("Stopping the HTTP server failed", e);
            }
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
