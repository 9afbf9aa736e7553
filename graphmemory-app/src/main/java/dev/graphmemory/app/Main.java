package dev.graphmemory.app;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of the {@code graphmemory} command. Logging is set up before anything else: to standard error (standard
 * output belongs to results and to the MCP stdio transport), at INFO, or DEBUG with {@code --verbose}.
 */
public final class Main {
    private Main() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        configureLogging(
                Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (for tests). */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs {@code args} on {@code commandLine}, the options of every command before or after its name. */
    static int execute(CommandLine commandLine, String... args) {
        return commandLine.execute(GlobalOptions.afterCommand(commandLine, args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new GraphMemoryCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new Failures());
    }

    static void configureLogging(boolean verbose) {
        setDefault("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        setDefault("slf4j.internal.verbosity", "WARN");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        // Neo4j's embedded server is chatty at INFO; its warnings still come through.
        setDefault("org.slf4j.simpleLogger.log.org.neo4j", verbose ? "info" : "warn");
        // --verbose means graphmemory's own debug log. Wire-level traces of the HTTP server and the network stack
        // would print request headers, bearer tokens included, so they stay at INFO; set these properties to see them.
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "info");
        setDefault("org.slf4j.simpleLogger.log.io.netty", "info");
        setDefault("org.slf4j.simpleLogger.log.reactor", "info");
        setDefault("org.slf4j.simpleLogger.log.io.modelcontextprotocol", "info");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
