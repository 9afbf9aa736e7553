package dev.graphmemory.bench.startup;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.Options;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first call of each tool in a fresh process: a memory store is made once (about 3,000 memories of every kind), then
 * for each configuration a child JVM ({@link FirstCalls}) starts on a copy of it, as {@code graphmemory serve} starts on
 * {@code ~/.graphmemory/neo4j}, and times each tool's first call and its warm calls. The configurations: without the
 * plan warm-up (each first call plans its own statements), and with it, the first call coming at once, after a pause
 * such as an assistant's MCP handshake leaves, or once the warm-up has finished (it takes 15-20 s in a cold process on
 * this machine).
 */
public final class StartupRun {
    static final String NAMESPACE = "startup";
    private static final Logger LOG = LoggerFactory.getLogger(StartupRun.class);

    private StartupRun() {}

    /**
     * A configuration of the fresh process.
     *
     * @param label how the report names it
     * @param warmUp whether the plan warm-up runs
     * @param pauseMillis how long after connecting the first call comes
     */
    record Configuration(String label, boolean warmUp, long pauseMillis) {}

    static final List<Configuration> CONFIGURATIONS = List.of(
            new Configuration("no warm-up", false, 0),
            new Configuration("warm-up, first call at once", true, 0),
            new Configuration("warm-up, first call after 5 s", true, 5_000),
            new Configuration("warm-up, first call after 30 s", true, 30_000));

    /** Runs every configuration and returns the section. */
    public static StartupSection run(Options options) throws Exception {
        Path root = Files.createTempDirectory("graphmemory-startup-");
        try {
            Path store = root.resolve("store");
            seed(store);
            List<StartupSection.Run> runs = new ArrayList<>();
            for (Configuration configuration : CONFIGURATIONS) {
                Path copy = root.resolve("run-" + runs.size());
                copy(store, copy);
                runs.add(child(configuration, copy));
                LOG.info("Start-up: {} done", configuration.label());
            }
            return new StartupSection(runs);
        } finally {
            delete(root);
        }
    }

    private static void seed(Path store) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(store).start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace(NAMESPACE)
                        .build())) {
            List<NewEntity> people = new ArrayList<>();
            List<NewCommitment> promises = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                people.add(NewEntity.of("Stored person " + i, EntityType.PERSON));
                promises.add(NewCommitment.of("Stored promise " + i));
            }
            List<Entity> entities =
                    memory.createEntities(people, BatchMode.ATOMIC).values();
            List<Commitment> commitments =
                    memory.createCommitments(promises, BatchMode.ATOMIC).values();
            List<NewLink> links = new ArrayList<>();
            for (int i = 0; i < entities.size(); i++) {
                links.add(NewLink.of(
                        commitments.get(i).id(),
                        RelationshipType.INVOLVES,
                        entities.get(i).id()));
            }
            memory.linkNodes(links, BatchMode.ATOMIC);
            // every kind, as in a store in use: a plan made while a label had no node at all is made again as soon as
            // it has one, which a first call would meet
            List<NewDecision> decisions = new ArrayList<>();
            List<PatternObservation> patterns = new ArrayList<>();
            List<NewFact> facts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                decisions.add(NewDecision.of("Stored choice " + i, "Stored reason " + i));
                patterns.add(PatternObservation.of("Stored habit " + i, PatternType.BEHAVIOR));
                facts.add(NewFact.of("Stored fact " + i, "Stored person " + i));
            }
            memory.recordDecisions(decisions, BatchMode.ATOMIC);
            memory.recordPatterns(patterns, BatchMode.ATOMIC);
            memory.recordFacts(facts, BatchMode.ATOMIC);
            for (int i = 0; i < 20; i++) {
                Conversation conversation = memory.startConversation(NewConversation.of("Stored talk " + i));
                List<NewTurn> turns = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    turns.add(NewTurn.of("Stored person " + i, "Stored words " + j));
                }
                memory.recordTurns(conversation.id(), turns);
                memory.endConversation(new ConversationEnd(conversation.id(), "Stored summary " + i, null));
                memory.recordEnergy(EnergyReading.of(EnergyLevel.MEDIUM));
            }
            memory.searchMemory(SearchQuery.of("promise"));
        }
    }

    private static StartupSection.Run child(Configuration configuration, Path data) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(
                "-Xms512m",
                "-Xmx2g",
                "-XX:+UseG1GC",
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp",
                System.getProperty("java.class.path"),
                FirstCalls.class.getName(),
                data.toString(),
                configuration.warmUp() ? "on" : "off",
                Long.toString(configuration.pauseMillis())));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, long[]> tools = new LinkedHashMap<>();
        long startMillis = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] fields = line.split("\t");
                if (fields[0].equals("start")) {
                    startMillis = Long.parseLong(fields[1]);
                } else if (fields.length == 3) {
                    tools.put(fields[0], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || tools.isEmpty()) {
            process.destroyForcibly();
            throw new IllegalStateException("the start-up child " + configuration + " failed");
        }
        return new StartupSection.Run(
                configuration.label(), configuration.warmUp(), configuration.pauseMillis(), startMillis, tools);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
