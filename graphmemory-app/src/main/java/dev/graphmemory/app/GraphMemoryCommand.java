package dev.graphmemory.app;

import picocli.CommandLine.Command;

/** The root {@code graphmemory} command. */
@Command(
        name = "graphmemory",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Long-term memory for AI assistants in a Neo4j knowledge graph.",
        footer = {
            "",
            "The options of every command that reaches a memory (--uri, --user, --password, --database, --namespace,"
                    + " --data-dir, --verbose) may come before or after the command's name:"
                    + " graphmemory --namespace alice serve is graphmemory serve --namespace alice."
        },
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            UiCommand.class,
            ToolCommand.class,
            ToolsCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            MigrateCommand.class,
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
