package dev.graphmemory.app;

import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.app.snapshot.Progress;
import dev.graphmemory.app.snapshot.SnapshotFormat;
import dev.graphmemory.app.snapshot.SnapshotFormat.MalformedLineException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code graphmemory import FILE}: reads a snapshot into the namespace, streamed chunk by chunk. Every line of a chunk
 * is parsed and checked before the chunk is written, in one transaction; a malformed line is reported with its line
 * number, and nothing of its chunk is written (earlier chunks stay).
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Read a JSON Lines snapshot (from graphmemory export) into the namespace.")
final class ImportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);
    private static final Pattern ITEM = Pattern.compile("relationships\\[(\\d+)]");

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file")
    Path file;

    @Option(names = "--chunk", description = "Lines per transaction (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int chunk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
        }
        long total = countLines(file);
        try (MemoryRuntime runtime = MemoryRuntime.startWithoutEmbedder(connection);
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Batch batch = new Batch(runtime.memory().snapshots(), Progress.onTerminal("import", total - 1));
            long number = 1;
            String line = reader.readLine();
            try {
                if (line == null) {
                    throw new Failure(1, "the file is empty");
                }
                try {
                    SnapshotFormat.readHeader(line);
                } catch (MalformedLineException e) {
                    throw new Failure(1, e.getMessage());
                }
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        batch.add(number, SnapshotFormat.read(line));
                    } catch (MalformedLineException e) {
                        throw new Failure(number, e.getMessage());
                    }
                    if (batch.size() >= chunk) {
                        batch.flush();
                    }
                }
                batch.flush();
            } catch (Failure failure) {
                batch.progress.finish();
                spec.commandLine()
                        .getErr()
                        .printf(
                                "graphmemory: import stopped at line %d: %s%n"
                                        + "  imported before it: %d memories, %d relationships; nothing of the failing chunk%n",
                                failure.line, failure.getMessage(), batch.nodesWritten, batch.relationshipsWritten);
                return 1;
            }
            batch.progress.finish();
            LOG.info(
                    "Imported {} memory lines and {} relationship lines into namespace {} (a line that was already"
                            + " there is merged, not copied)",
                    batch.nodesWritten,
                    batch.relationshipsWritten,
                    runtime.memory().namespace());
            return 0;
        }
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** A line that cannot be imported. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;

        Failure(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** The lines of the current chunk, written together. */
    private static final class Batch {
        private final MemorySnapshots snapshots;
        private final Progress progress;
        private final List<SnapshotNode> nodes = new ArrayList<>();
        private final List<Long> nodeLines = new ArrayList<>();
        private final List<SnapshotRelationship> relationships = new ArrayList<>();
        private final List<Long> relationshipLines = new ArrayList<>();
        long nodesWritten;
        long relationshipsWritten;

        Batch(MemorySnapshots snapshots, Progress progress) {
            this.snapshots = snapshots;
            this.progress = progress;
        }

        /** Adds a line; a chunk holds one kind of line, so that it is written in one transaction. */
        void add(long line, SnapshotFormat.Entry entry) {
            if (entry instanceof SnapshotFormat.NodeEntry node) {
                if (!relationships.isEmpty()) {
                    flush();
                }
                nodes.add(node.node());
                nodeLines.add(line);
            } else {
                if (!nodes.isEmpty()) {
                    flush(); // the memories first: the relationships need them
                }
                relationships.add(((SnapshotFormat.RelationshipEntry) entry).relationship());
                relationshipLines.add(line);
            }
        }

        int size() {
            return nodes.size() + relationships.size();
        }

        void flush() {
            try {
                if (!nodes.isEmpty()) {
                    snapshots.importNodes(nodes);
                    nodesWritten += nodes.size();
                    progress.advance(nodes.size());
                }
            } catch (MemoryException e) {
                throw new Failure(nodeLines.get(0), "the chunk of memories starting here failed: " + e.getMessage());
            }
            try {
                if (!relationships.isEmpty()) {
                    snapshots.importRelationships(relationships);
                    relationshipsWritten += relationships.size();
                    progress.advance(relationships.size());
                }
            } catch (NotFoundException e) {
                Matcher item = ITEM.matcher(e.field());
                long line =
                        item.find() ? relationshipLines.get(Integer.parseInt(item.group(1))) : relationshipLines.get(0);
                throw new Failure(
                        line,
                        "the relationship's " + (e.field().endsWith(".from") ? "start" : "end") + " memory " + e.id()
                                + " is not in the namespace");
            } catch (MemoryException e) {
                throw new Failure(
                        relationshipLines.get(0), "the chunk of relationships starting here failed: " + e.getMessage());
            }
            nodes.clear();
            nodeLines.clear();
            relationships.clear();
            relationshipLines.clear();
        }
    }
}
