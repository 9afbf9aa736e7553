package dev.graphmemory.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code graphmemory demo}: records a day of an assistant's memory, then recalls it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Record a day of an assistant's memory, then recall it.",
            "",
            "Stores a conversation, commitments, a decision, patterns, entities and links in one",
            "transaction, then recalls an entity's context, related memories and open commitments.",
            "Safe to run again: entities and patterns are not duplicated."
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (MemoryRuntime runtime = MemoryRuntime.start(connection)) {
            new Demo(runtime.memory(), spec.commandLine().getOut()).run();
            return 0;
        }
    }
}
