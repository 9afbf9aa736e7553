package dev.graphmemory.app;

import dev.graphmemory.GraphMemory;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

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
final class DemoCommand extends MemoryCommand {
    @Override
    boolean searches() {
        return true; // the demo recalls by meaning
    }

    @Override
    int run(GraphMemory memory, PrintWriter out) {
        new Demo(memory, out).run();
        return 0;
    }
}
