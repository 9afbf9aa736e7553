package dev.graphmemory.app;

import dev.graphmemory.Coalescing;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.mcp.HttpMcpServer;
import dev.graphmemory.app.mcp.StdioMcpServer;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.app.ui.Inspector;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code graphmemory serve}: the MCP tool server, over stdio or streamable HTTP. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the memory tools over MCP.",
            "",
            "Over standard input and output by default (for a desktop assistant that starts the command);",
            "with --http, over the streamable HTTP transport at http://HOST:PORT/mcp, with metrics in the",
            "Prometheus format at /metrics, the web inspector at / (see graphmemory ui), and concurrent writes",
            "coalesced into shared transactions.",
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

    @Option(
            names = "--max-message-size",
            paramLabel = "SIZE",
            description = "The longest MCP message read, e.g. 4MiB, 512KiB or 65536 bytes (default: "
                    + "$GRAPHMEMORY_MAX_MESSAGE_SIZE, else 4MiB); a longer one is refused and skipped")
    String maxMessageSize;

    @Spec
    CommandSpec spec;

    /** The exit status when the embedded database stopped working (EX_TEMPFAIL: try again once the cause is fixed). */
    static final int DATABASE_STOPPED = 75;

    /**
     * How long a tool call made while the database starts waits for it before it is answered with an error. A first
     * start on a busy machine takes tens of seconds; a client that gives up sooner can call again.
     */
    static final Duration START_WAIT = Duration.ofMinutes(2);

    /** How long the calls in flight get to send their error replies before the process exits after a failure. */
    static final Duration FAILURE_REPLY_TIME = Duration.ofSeconds(1);

    /** The status the process exits with if stopping overruns {@link #STOP_LIMIT}. */
    private static volatile int exitStatus = 1;

    /** How long stopping may take before the process exits anyway, so that the data directory is always released. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    @Override
    public Integer call() throws Exception {
        String bearer = bearerToken(token, System.getenv("GRAPHMEMORY_TOKEN"));
        int messageLimit;
        try {
            messageLimit = MessageSize.parse(
                    maxMessageSize != null ? maxMessageSize : System.getenv("GRAPHMEMORY_MAX_MESSAGE_SIZE"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Address address = null;
        if (http != null) {
            try {
                address = Address.parse(http);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                HttpMcpServer.checkOrigins(allowedOrigins);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (bearer == null && !isLoopback(address.host())) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--http " + http + " is not a loopback address: set GRAPHMEMORY_TOKEN or --token"
                                + " (a token that is empty or only spaces does not count)");
            }
        }
        // Standard output carries only protocol messages from here on.
        // A plain stream, not a PrintStream: a PrintStream swallows the error that says the client is gone.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        Map<String, String> environment = System.getenv();
        // The server answers at once (initialize, tools/list, ping); the database starts meanwhile, and a tool call
        // made before it is ready waits for it.
        BackgroundStart memory = BackgroundStart.begin(
                () -> MemoryRuntime.start(
                        connection,
                        environment,
                        metrics,
                        config -> coalescing(config, environment)
                                .planWarmUp(true)), // a server: its first calls should find their plans made
                START_WAIT,
                runtime -> runtime.onFailure(ServeCommand::exitAfterFailure));
        ToolCalls calls = new ToolCalls(memory);
        AtomicBoolean stopped = new AtomicBoolean();
        String namespace = connection.config(environment).namespace();
        if (http == null) {
            StdioMcpServer server = StdioMcpServer.start(
                    calls, Version.current(), new FileInputStream(FileDescriptor.in), protocol, messageLimit);
            Runnable stop = () -> stop(stopped, server, memory);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "graphmemory-shutdown"));
            LOG.info("MCP server ready on standard input and output (namespace {})", namespace);
            server.awaitEndOfInput();
            String reason = server.endReason();
            LOG.info("{}: stopping", Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
            stop.run();
        } else {
            HttpMcpServer server;
            try {
                server = HttpMcpServer.start(
                        calls,
                        Version.current(),
                        address.host(),
                        address.port(),
                        bearer,
                        allowedOrigins,
                        metrics,
                        messageLimit,
                        new Inspector(memory, bearer));
            } catch (Exception e) {
                memory.close();
                throw e;
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stop(stopped, server, memory), "graphmemory-shutdown"));
            server.join();
        }
        return 0;
    }

    /**
     * The embedded database stopped working (a full disk): it refuses every transaction until it is started again,
     * so the process exits with {@link #DATABASE_STOPPED} and the failure on standard error, for a supervisor (or the
     * user) to start it again once the cause is fixed. The calls in flight get their error replies first.
     */
    private static void exitAfterFailure(EmbeddedNeo4j.Failure failure) {
        Thread exit = new Thread(
                () -> {
                    LOG.error("{} Exiting with status {}.", failure.message(), DATABASE_STOPPED);
                    try {
                        Thread.sleep(FAILURE_REPLY_TIME.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exitStatus = DATABASE_STOPPED; // also when stopping overruns its limit
                    System.exit(DATABASE_STOPPED);
                },
                "graphmemory-database-stopped");
        exit.setDaemon(true);
        exit.start();
    }

    /**
     * The bearer token: the option, else the environment. A token that is empty or only white space is no token at
     * all, never one that an empty {@code Authorization: Bearer} header would match.
     */
    static String bearerToken(String option, String environment) {
        String given = option != null ? option : environment;
        return given == null || given.isBlank() ? null : given;
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

    /**
     * Stops the server, then the memory and the database under it. Whatever is still running (a long query, writes
     * waiting to be coalesced) gets {@link #STOP_LIMIT}; after that the process exits without waiting further, so that
     * a client that went away never leaves the data directory locked. The database recovers what it did not close.
     */
    private static void stop(AtomicBoolean stopped, AutoCloseable server, BackgroundStart memory) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(STOP_LIMIT.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    LOG.error("Stopping took longer than {} s: exiting now", STOP_LIMIT.toSeconds());
                    Runtime.getRuntime().halt(exitStatus);
                },
                "graphmemory-stop-limit");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the MCP server failed: {}", e.toString());
            LOG.debug("Stopping the MCP server failed", e);
        } finally {
            try {
                memory.close();
            } finally {
                watchdog.interrupt();
            }
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
            int number;
            try {
                number = Integer.parseInt(port.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--http must be HOST:PORT, :PORT or PORT, e.g. 127.0.0.1:8080; was " + text);
            }
            if (number < 0 || number > 65_535) {
                throw new IllegalArgumentException("--http must be HOST:PORT, :PORT or PORT with a port between 0 and"
                        + " 65535 (0 picks a free one), e.g. 127.0.0.1:8080; the port was " + number);
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException(
                        "--http must be HOST:PORT, :PORT or PORT, e.g. 127.0.0.1:8080; was " + text);
            }
            return new Address(host, number);
        }
    }
}
