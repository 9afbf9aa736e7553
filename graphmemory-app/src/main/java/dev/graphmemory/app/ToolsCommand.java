package dev.graphmemory.app;

import dev.graphmemory.app.tools.Tool;
import dev.graphmemory.app.tools.ToolCatalogue;
import dev.graphmemory.app.tools.ToolDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code graphmemory tools}: the tool catalogue, as a list or as the Markdown of {@code docs/tools.md}. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "List the memory tools.")
final class ToolsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "Print the full catalogue as Markdown (docs/tools.md)")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (markdown) {
            out.print(ToolDocs.markdown());
        } else {
            for (Tool tool : ToolCatalogue.tools()) {
                out.printf("%-20s %s%n", tool.name(), tool.title());
            }
        }
        out.flush();
        return 0;
    }
}
