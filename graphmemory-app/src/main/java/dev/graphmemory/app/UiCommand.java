package dev.graphmemory.app;

import dev.graphmemory.app.ui.InspectorServer;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
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

/**
 * {@code graphmemory ui}: the web inspector of the memory, on {@code 127.0.0.1}. Its address carries a token made for
 * this run (as a notebook server's does), so that another user of the machine cannot read the memory through the
 * port; a browser shows it once and gets a cookie.
 */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the web inspector of the memory on 127.0.0.1 and print its address.",
            "",
            "Search, a timeline, entities with their neighbourhood as a graph, open commitments, patterns, and one",
            "memory with its links; forgetting a memory (after a confirmation) is the only change it makes.",
            "The address includes a token made for this run: open it as printed. Stops on Ctrl-C or SIGTERM."
        })
final class UiCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(UiCommand.class);

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--port", description = "The port on 127.0.0.1 (default: a free one)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(
                    spec.commandLine(), "--port must be between 0 and 65535 (0 picks a free one); was " + port);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        // Pages run the search and timeline statements, whose first planning takes seconds: plan them in the
        // background at once, as serve does.
        MemoryRuntime runtime =
                MemoryRuntime.start(connection, System.getenv(), null, config -> config.planWarmUp(true));
        InspectorServer server;
        try {
            server = InspectorServer.start(runtime::memory, port, token);
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stopped, server, runtime), "graphmemory-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("graphmemory inspector (namespace " + runtime.memory().namespace() + "): " + server.uri()
                + "?token=" + token);
        out.flush();
        server.join();
        return 0;
    }

    private static void stop(AtomicBoolean stopped, InspectorServer server, MemoryRuntime runtime) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the inspector failed: {}", e.toString());
        } finally {
            runtime.close();
        }
    }
}
