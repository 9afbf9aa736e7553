package dev.graphmemory.app;

import picocli.CommandLine.Command;

/** The root {@code graphmemory} command. */
@Command(
        name = "graphmemory",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Long-term memory for AI assistants in a Neo4j knowledge graph.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            ToolCommand.class,
            ToolsCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            HealthCommand.class
        })
final class GraphMemoryCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
