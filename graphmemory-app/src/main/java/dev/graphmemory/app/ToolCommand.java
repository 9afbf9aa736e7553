package dev.graphmemory.app;

import dev.graphmemory.app.tools.Json;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.app.tools.ToolCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;

/**
 * {@code graphmemory tool NAME 'JSON'}: calls one tool from a shell. The result is JSON on standard output with exit
 * status 0; a tool error is JSON with exit status 1; bad usage (an unknown tool, arguments that are not a JSON object)
 * exits with 2.
 */
@Command(
        name = "tool",
        mixinStandardHelpOptions = true,
        description = {
            "Call one memory tool with JSON arguments and print the result as JSON.",
            "",
            "List the tools with: graphmemory tools"
        })
final class ToolCommand implements Callable<Integer> {
    /** The tools that search by meaning: only they load the embedding model in a one-shot call. */
    static final Set<String> SEARCHING = Set.of("search_memory");

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tool, e.g. create_commitment")
    String name;

    @Parameters(
            index = "1",
            paramLabel = "JSON",
            arity = "0..1",
            defaultValue = "{}",
            description = "The arguments as a JSON object ('-' reads them from standard input; default {})")
    String arguments;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine command = spec.commandLine();
        if (ToolCatalogue.find(name).isEmpty()) {
            throw new CommandLine.ParameterException(command, "Unknown tool '" + name + "'; see: graphmemory tools");
        }
        Map<String, Object> parsed;
        try {
            parsed = Json.readObject(arguments.equals("-") ? read(System.in) : arguments);
        } catch (JacksonException e) {
            throw new CommandLine.ParameterException(
                    command, "The arguments must be a JSON object: " + e.getOriginalMessage());
        }
        try (MemoryRuntime runtime = SEARCHING.contains(name)
                ? MemoryRuntime.start(connection)
                : MemoryRuntime.startWithoutEmbedder(connection)) {
            ToolCalls.Outcome outcome = new ToolCalls(runtime.memory()).call(name, parsed);
            command.getOut().println(Json.write(outcome.content()));
            command.getOut().flush();
            return outcome.error() ? 1 : 0;
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
