package dev.graphmemory.app.mcp;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * A Jetty server that tells nothing about itself: no version header, no stack traces or messages in its own error
 * pages. Shared by the MCP server and the web inspector's own server.
 */
public final class QuietJetty {
    private QuietJetty() {}

    /** A server with one HTTP connector on {@code host:port} (port 0: a free one), not yet bound. */
    public static ServerConnector connector(String host, int port) {
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setErrorHandler(errors());
        return connector;
    }

    /** An error handler that shows neither stack traces nor exception messages. */
    public static ErrorHandler errors() {
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        return errors;
    }
}
