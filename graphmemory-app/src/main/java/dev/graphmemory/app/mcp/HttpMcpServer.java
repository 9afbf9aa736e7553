package dev.graphmemory.app.mcp;

import dev.graphmemory.app.tools.ToolCalls;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over the streamable HTTP transport, on Jetty, at {@code /mcp}.
 *
 * <p>It binds to loopback unless told otherwise; any other address requires a bearer token. Requests that carry an
 * {@code Origin} header from anywhere but this machine (or an origin allowed explicitly) are refused, so a web page
 * in the user's browser cannot reach the memory (DNS rebinding).
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

    /**
     * Starts the server.
     *
     * @param host the address to bind
     * @param port the port, 0 for a free one
     * @param token the bearer token every request must carry, or {@code null} (only allowed on loopback)
     * @param allowedOrigins browser origins allowed besides this machine's
     * @param metrics the registry served in the Prometheus format at {@code /metrics}
     */
    public static HttpMcpServer start(
            ToolCalls calls,
            String version,
            String host,
            int port,
            String token,
            List<String> allowedOrigins,
            PrometheusMeterRegistry metrics)
            throws Exception {
        if (token == null && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "Serving on " + host + " (not loopback) requires a bearer token: set GRAPHMEMORY_TOKEN or --token");
        }
        List<String> origins = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"));
        origins.addAll(allowedOrigins);
        var transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(ENDPOINT)
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(origins)
                        .build())
                .build();
        McpSyncServer mcp =
                McpTools.configure(McpServer.sync(transport), calls, version).build();

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        context.addServlet(new ServletHolder(new MetricsServlet(metrics)), METRICS);
        if (token != null) {
            FilterHolder filter = new FilterHolder(new BearerTokenFilter(token));
            filter.setAsyncSupported(true);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
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
        URI uri = URI.create("http://" + shownHost + ":" + connector.getLocalPort() + ENDPOINT);
        LOG.info("MCP server listening on {}{}", uri, token == null ? "" : " (bearer token required)");
        return new HttpMcpServer(jetty, mcp, uri);
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
                LOG.warn("Stopping the HTTP server failed", e);
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
