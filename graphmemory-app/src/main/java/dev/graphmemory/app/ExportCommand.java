package dev.graphmemory.app;

import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.app.snapshot.Progress;
import dev.graphmemory.app.snapshot.SnapshotFormat;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphmemory export}: the namespace as a JSON Lines snapshot, streamed page by page. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the namespace's memories and relationships as a JSON Lines snapshot.")
final class ExportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output)")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (MemoryRuntime runtime = MemoryRuntime.startWithoutEmbedder(connection);
                Writer writer = open()) {
            MemorySnapshots snapshots = runtime.memory().snapshots();
            MemorySnapshots.Counts counts = snapshots.counts();
            writer.write(SnapshotFormat.header(
                    runtime.memory().namespace(), Instant.now().toString(), counts.nodes(), counts.relationships()));
            writer.write('\n');
            Progress progress = Progress.onTerminal("export", counts.nodes() + counts.relationships());
            long nodes = 0;
            long relationships = 0;
            try (Stream<SnapshotNode> stream = snapshots.nodes()) {
                for (Iterator<SnapshotNode> it = stream.iterator(); it.hasNext(); nodes++) {
                    writer.write(SnapshotFormat.line(it.next()));
                    writer.write('\n');
                    progress.advance(1);
                }
            }
            try (Stream<SnapshotRelationship> stream = snapshots.relationships()) {
                for (Iterator<SnapshotRelationship> it = stream.iterator(); it.hasNext(); relationships++) {
                    writer.write(SnapshotFormat.line(it.next()));
                    writer.write('\n');
                    progress.advance(1);
                }
            }
            progress.finish();
            LOG.info(
                    "Exported {} memories and {} relationships of namespace {}",
                    nodes,
                    relationships,
                    runtime.memory().namespace());
            return 0;
        }
    }

    private Writer open() throws IOException {
        var stream = out == null ? new FileOutputStream(FileDescriptor.out) : Files.newOutputStream(out);
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }
}
