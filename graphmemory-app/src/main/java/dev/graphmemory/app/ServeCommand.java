package dev.graphmemory.app;

import dev.graphmemory.Coalescing;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.mcp.HttpMcpServer;
import dev.graphmemory.app.mcp.StdioMcpServer;
import dev.graphmemory.app.tools.ToolCalls;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphmemory serve}: the MCP tool server, over stdio or streamable HTTP. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the memory tools over MCP.",
            "",
            "Over standard input and output by default (for a desktop assistant that starts the command);",
            "with --http, over the streamable HTTP transport at http://HOST:PORT/mcp, with metrics in the",
            "Prometheus format at /metrics, and concurrent writes coalesced into shared transactions.",
            "Stops at the end of input (stdio) or on SIGTERM."
        })
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--http",
            paramLabel = "HOST:PORT",
            description = "Serve over HTTP at HOST:PORT, or PORT on 127.0.0.1 (port 0: any free one)")
    String http;

    @Option(
            names = "--token",
            description = "Bearer token HTTP clients must send (default: $GRAPHMEMORY_TOKEN; required off loopback)")
    String token;

    @Option(names = "--allow-origin", description = "A browser origin allowed to call the HTTP server (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(
            names = "--no-coalescing",
            description = "With --http: run each write alone instead of coalescing concurrent writes into shared"
                    + " transactions (also $GRAPHMEMORY_COALESCING=off)")
    boolean noCoalescing;

    @Override
    public Integer call() throws Exception {
        String bearer = token != null ? token : System.getenv("GRAPHMEMORY_TOKEN");
        if (http != null) {
            Address address = Address.parse(http);
            if (bearer == null && !isLoopback(address.host())) {
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this),
                        "--http " + http + " is not a loopback address: set GRAPHMEMORY_TOKEN or --token");
            }
        }
        // Standard output carries only protocol messages from here on.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        System.setOut(System.err);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        Map<String, String> environment = System.getenv();
        MemoryRuntime runtime = MemoryRuntime.start(
                connection,
                environment,
                metrics,
                config -> coalescing(config, environment)
                        .planWarmUp(true)); // a server: its first calls should find their plans made
        ToolCalls calls = new ToolCalls(runtime.memory());
        AtomicBoolean stopped = new AtomicBoolean();
        if (http == null) {
            StdioMcpServer server =
                    StdioMcpServer.start(calls, Version.current(), new FileInputStream(FileDescriptor.in), protocol);
            Runnable stop = () -> stop(stopped, server, runtime);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "graphmemory-shutdown"));
            LOG.info(
                    "MCP server ready on standard input and output (namespace {})",
                    runtime.memory().namespace());
            server.awaitEndOfInput();
            LOG.info("End of input: stopping");
            stop.run();
        } else {
            Address address = Address.parse(http);
            HttpMcpServer server = HttpMcpServer.start(
                    calls, Version.current(), address.host(), address.port(), bearer, allowedOrigins, metrics);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stop(stopped, server, runtime), "graphmemory-shutdown"));
            server.join();
        }
        return 0;
    }

    /**
     * Over HTTP, many clients write at once: their concurrent writes are coalesced unless the option or the
     * environment turns it off. Over stdio there is one client, and the environment alone decides.
     */
    MemoryConfig.Builder coalescing(MemoryConfig.Builder config, Map<String, String> environment) {
        if (noCoalescing) {
            return config.coalescing(null);
        }
        String setting = environment.getOrDefault("GRAPHMEMORY_COALESCING", "");
        if (http != null && setting.isBlank()) {
            return config.coalescing(Coalescing.defaults());
        }
        return config;
    }

    private static void stop(AtomicBoolean stopped, AutoCloseable server, MemoryRuntime runtime) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the MCP server failed", e);
        } finally {
            runtime.close();
        }
        LOG.info("Stopped");
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** HOST:PORT, :PORT or PORT (host 127.0.0.1), with IPv6 hosts in brackets. */
    record Address(String host, int port) {
        static final String DEFAULT_HOST = "127.0.0.1";

        static Address parse(String text) {
            int colon = text.lastIndexOf(':');
            String host = colon <= 0
                    ? DEFAULT_HOST
                    : text.substring(0, colon).replace("[", "").replace("]", "");
            String port = colon < 0 ? text : text.substring(colon + 1);
            try {
                int number = Integer.parseInt(port);
                if (number < 0 || number > 65_535) {
                    throw new NumberFormatException();
                }
                return new Address(host, number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--http must be HOST:PORT, :PORT or PORT, e.g. 127.0.0.1:8080; was " + text);
            }
        }
    }
}
