package dev.graphmemory.app;

import dev.graphmemory.GraphMemory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the memory and prints to standard output. Where the memory lives comes from the shared
 * connection options; the memory, and the embedded Neo4j under it if one was started, is closed when the command
 * ends, however it ends.
 */
abstract class MemoryCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try (MemoryRuntime runtime =
                searches() ? MemoryRuntime.start(connection) : MemoryRuntime.startWithoutEmbedder(connection)) {
            PrintWriter out = spec.commandLine().getOut();
            int status = run(runtime.memory(), out);
            out.flush();
            return status;
        }
    }

    /** Whether the command searches by meaning, and so needs the embedding model; the default: no. */
    boolean searches() {
        return false;
    }

    /** Does the command's work; returns the exit status. */
    abstract int run(GraphMemory memory, PrintWriter out);
}
