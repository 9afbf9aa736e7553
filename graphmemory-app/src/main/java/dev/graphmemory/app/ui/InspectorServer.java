package dev.graphmemory.app.ui;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.app.mcp.OriginPolicy;
import dev.graphmemory.app.mcp.QuietJetty;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspector alone on loopback ({@code graphmemory ui}): {@code 127.0.0.1}, never another address, with the same
 * {@code Host} and {@code Origin} rules as the MCP server's ({@link OriginPolicy}: only this server's own origin, and a
 * {@code Host} that names this machine, against DNS rebinding) and a token, which any local user's process would
 * otherwise not need.
 */
public final class InspectorServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(InspectorServer.class);

    private final Server jetty;
    private final URI uri;

    private InspectorServer(Server jetty, URI uri) {
        this.jetty = jetty;
        this.uri = uri;
    }

    /**
     * Starts the inspector.
     *
     * @param memory the memory, when it is ready (see {@link Inspector#Inspector})
     * @param port the port on {@code 127.0.0.1}, 0 for a free one
     * @param token the token a browser shows once ({@code ?token=}) for its cookie; never blank
     */
    public static InspectorServer start(Supplier<GraphMemory> memory, int port, String token) throws Exception {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The inspector needs a token that is not empty or blank");
        }
        ServerConnector connector = QuietJetty.connector(HOST, port);
        Server jetty = connector.getServer();
        ErrorHandler errors = QuietJetty.errors();
        connector.open(); // binds the port now, so that the origin policy knows it
        OriginPolicy origins = OriginPolicy.of(HOST, true, connector.getLocalPort(), List.of());

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setErrorHandler(errors);
        context.addServlet(new ServletHolder(new Inspector(memory, token)), "/");
        context.addFilter(new FilterHolder(new Guard(origins)), "/*", EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(context);
        jetty.setStopTimeout(2_000);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return new InspectorServer(jetty, URI.create("http://" + HOST + ":" + connector.getLocalPort() + "/"));
    }

    /** The inspector's address, without the token. */
    public URI uri() {
        return uri;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops the server. Requests still open after the stop timeout (a browser's page that is still loading) are cut:
     * Jetty stops anyway and then reports the timeout, which is no failure of the stop.
     */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } catch (TimeoutException e) {
            LOG.debug("Requests still open {} ms after the stop were cut", jetty.getStopTimeout());
        }
    }

    /** Refuses requests whose {@code Host} is not this machine or whose {@code Origin} is another page's. */
    private static final class Guard implements Filter {
        private final OriginPolicy origins;

        Guard(OriginPolicy origins) {
            this.origins = origins;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if (!origins.allowsHost(http.getHeader("Host"))) {
                refuse((HttpServletResponse) response, "the Host header does not name this server");
            } else if (!origins.allowsOrigin(http.getHeader("Origin"))) {
                refuse((HttpServletResponse) response, "requests from web pages of another origin are not allowed");
            } else {
                chain.doFilter(request, response);
            }
        }

        private static void refuse(HttpServletResponse response, String why) throws IOException {
            byte[] body =
                    Pages.problem("Forbidden", "", "Forbidden: " + why + ".").getBytes(StandardCharsets.UTF_8);
            response.setStatus(403);
            response.setContentType("text/html; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
