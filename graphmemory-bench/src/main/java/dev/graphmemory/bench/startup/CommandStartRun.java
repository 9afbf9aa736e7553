package dev.graphmemory.bench.startup;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.Options;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.embeddings.E5SmallEmbedder;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command as a user starts it: {@code graphmemory serve} and {@code graphmemory tool}, each a fresh process of the
 * real jar ({@code graphmemory-app/target/graphmemory.jar}, or the system property {@value #JAR_PROPERTY}) on an empty
 * data directory and on one holding many memories (with their vectors, as a store that has been in use has). For
 * {@code serve}: process start to the {@code initialize} answer, and to its first tool result (a call sent right after
 * {@code initialize}); the embedded Neo4j's own start and how much later the memory was ready, from the process's log.
 * For {@code tool}: process start to its result.
 */
public final class CommandStartRun {
    /** The system property naming the command's jar. */
    public static final String JAR_PROPERTY = "graphmemory.app.jar";
    /** The system property naming the launcher script, which is given the jar in {@code GRAPHMEMORY_JAR}. */
    public static final String LAUNCHER_PROPERTY = "graphmemory.launcher";

    static final String NAMESPACE = "default";
    private static final Logger LOG = LoggerFactory.getLogger(CommandStartRun.class);
    private static final Pattern NEO4J_STARTED = Pattern.compile("Embedded Neo4j started in (\\d+) ms");
    private static final Pattern MEMORY_READY = Pattern.compile("The memory is ready .*started in (\\d+) ms");
    private static final String FIRST_CALL = "get_commitments";
    private static final String FIRST_ARGUMENTS = "{\"limit\":1}";
    private static final int BATCH = 5_000;
    private static final String WAITING = """
            MATCH (n:EmbedPending) WHERE n.namespace = $namespace RETURN n.id AS id LIMIT $batch
            """;
    private static final String STORE = """
            UNWIND $rows AS row
            MATCH (n:Memory) WHERE n.namespace = $namespace AND n.id = row.id
            CALL db.create.setNodeVectorProperty(n, 'textVector', row.vector)
            SET n.textModel = $model
            REMOVE n:EmbedPending
            RETURN count(n) AS stored
            """;

    private CommandStartRun() {}

    /** Runs every data directory and command {@code options.pick(1, 3)} times and returns the section. */
    public static CommandStartSection run(Options options) throws Exception {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "graphmemory-app/target/graphmemory.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No command jar at " + jar + ": build graphmemory-app, or set -D" + JAR_PROPERTY);
        }
        int memories = options.pick(2_000, 100_000);
        int repeats = options.pick(1, 3);
        List<Launch> launches = launches(jar);
        Path root = Files.createTempDirectory("graphmemory-command-start-");
        try {
            Path seeded = root.resolve("seeded");
            seed(seeded, memories);
            List<CommandStartSection.Store> stores = new ArrayList<>();
            for (int stored : List.of(0, memories)) {
                Map<Launch, List<CommandStartSection.Serve>> serves = new LinkedHashMap<>();
                Map<Launch, List<Long>> tools = new LinkedHashMap<>();
                for (int i = 0; i < repeats; i++) {
                    for (Launch launch : launches) { // side by side: each run of one beside the same run of the other
                        Path data = root.resolve("serve-" + stored + "-" + i + "-" + launch.ordinal());
                        if (stored > 0) {
                            StartupRun.copy(seeded, data);
                        }
                        serves.computeIfAbsent(launch, l -> new ArrayList<>()).add(serve(launch, jar, data));
                        Path again = root.resolve("tool-" + stored + "-" + i + "-" + launch.ordinal());
                        if (stored > 0) {
                            StartupRun.copy(seeded, again);
                        }
                        tools.computeIfAbsent(launch, l -> new ArrayList<>()).add(tool(launch, jar, again));
                    }
                }
                for (Launch launch : launches) {
                    stores.add(
                            new CommandStartSection.Store(stored, launch.label, serves.get(launch), tools.get(launch)));
                }
                LOG.info("Command start-up: {} memories done", stored);
            }
            return new CommandStartSection(stores);
        } finally {
            StartupRun.delete(root);
        }
    }

    /** How the command is started. */
    public enum Launch {
        /** {@code java -jar graphmemory.jar}: the JVM loads every class from the jars. */
        JAR("`java -jar`"),
        /** The {@code graphmemory} launcher script, which starts the JVM with its class archive (AppCDS). */
        LAUNCHER("`./graphmemory` (class archive)");

        /** How the report names it. */
        public final String label;

        Launch(String label) {
            this.label = label;
        }

        /** The process that runs {@code arguments} of the command, started this way, on {@code jar}. */
        public ProcessBuilder command(Path jar, List<String> arguments) {
            List<String> command =
                    new ArrayList<>(this == JAR ? List.of(java(), "-jar", jar.toString()) : List.of(launcher()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("GRAPHMEMORY_JAR", jar.toString());
            builder.environment().remove("GRAPHMEMORY_JAVA_OPTS");
            return builder;
        }
    }

    /** The launcher script: the system property, else the repository's, run from its root. */
    private static String launcher() {
        return Path.of(System.getProperty(LAUNCHER_PROPERTY, "graphmemory"))
                .toAbsolutePath()
                .toString();
    }

    /**
     * Both ways when the launcher is there; it records its class archive on its first start, which is done here,
     * before anything is timed.
     */
    public static List<Launch> launches(Path jar) throws Exception {
        if (!Files.isExecutable(Path.of(launcher()))) {
            LOG.info("No launcher script at {}: timing java -jar only", launcher());
            return List.of(Launch.JAR);
        }
        Process warm = Launch.LAUNCHER
                .command(jar, List.of("--version"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!warm.waitFor(10, TimeUnit.MINUTES) || warm.exitValue() != 0) {
            warm.destroyForcibly();
            throw new IllegalStateException("The launcher's first start (its class archive) failed or took 10 minutes");
        }
        return List.of(Launch.values());
    }

    /**
     * {@code memories} memories in the default namespace: entities and commitments, each commitment INVOLVES an
     * entity, every one with a vector of the built-in model's size and name (random: start-up reads none of them).
     */
    private static void seed(Path store, int memories) {
        long started = System.nanoTime();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(store).start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri());
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace(NAMESPACE)
                        .embeddings(Embeddings.off())
                        .build())) {
            for (int written = 0; written < memories; written += 2 * BATCH) {
                int pairs = Math.min(BATCH, (memories - written) / 2);
                List<NewEntity> people = new ArrayList<>(pairs);
                List<NewCommitment> promises = new ArrayList<>(pairs);
                for (int i = 0; i < pairs; i++) {
                    people.add(NewEntity.of("Stored person " + (written + i), EntityType.PERSON));
                    promises.add(NewCommitment.of("Stored promise " + (written + i) + " to call back about the plan"));
                }
                List<Entity> entities =
                        memory.createEntities(people, BatchMode.ATOMIC).values();
                List<Commitment> commitments =
                        memory.createCommitments(promises, BatchMode.ATOMIC).values();
                List<NewLink> links = new ArrayList<>(pairs);
                for (int i = 0; i < pairs; i++) {
                    links.add(NewLink.of(
                            commitments.get(i).id(),
                            RelationshipType.INVOLVES,
                            entities.get(i).id()));
                }
                memory.linkNodes(links, BatchMode.ATOMIC);
            }
            vectors(driver);
        }
        // As a store in use: the embedder's vector index made and online, and its model recorded, as the built-in
        // model's first start on a store does once (the statements of EmbeddingStatements, which is internal).
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(store).start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri())) {
            driver.executableQuery(("CREATE VECTOR INDEX gm_text_vector IF NOT EXISTS FOR (m:Memory) ON m.textVector"
                                    + " OPTIONS {indexConfig: {`vector.dimensions`: %d,"
                                    + " `vector.similarity_function`: 'cosine'}}")
                            .formatted(E5SmallEmbedder.DIMENSIONS))
                    .execute();
            driver.executableQuery("MERGE (s:GraphMemorySchema {name: 'graphmemory'})"
                            + " SET s.textModel = $model, s.textDimensions = $dimensions")
                    .withParameters(Map.of("model", E5SmallEmbedder.MODEL, "dimensions", E5SmallEmbedder.DIMENSIONS))
                    .execute();
            driver.executableQuery("CALL db.awaitIndexes(600)").execute();
        }
        LOG.info(
                "Command start-up: {} memories with vectors stored in {} s",
                memories,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void vectors(Driver driver) {
        Random random = new Random(42);
        while (true) {
            List<String> ids = driver
                    .executableQuery(WAITING)
                    .withParameters(Map.of("namespace", NAMESPACE, "batch", BATCH))
                    .execute()
                    .records()
                    .stream()
                    .map(r -> r.get("id").asString())
                    .toList();
            if (ids.isEmpty()) {
                return;
            }
            List<Map<String, Object>> rows = new ArrayList<>(ids.size());
            for (String id : ids) {
                rows.add(Map.of("id", id, "vector", unit(random, E5SmallEmbedder.DIMENSIONS)));
            }
            driver.executableQuery(STORE)
                    .withParameters(Map.of("rows", rows, "namespace", NAMESPACE, "model", E5SmallEmbedder.MODEL))
                    .execute();
        }
    }

    private static List<Double> unit(Random random, int dimensions) {
        double[] vector = new double[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        List<Double> values = new ArrayList<>(dimensions);
        for (double value : vector) {
            values.add(value / Math.sqrt(norm));
        }
        return values;
    }

    /** One {@code serve} process: the initialize answer and a first tool call sent right after it, timed. */
    private static CommandStartSection.Serve serve(Launch launch, Path jar, Path data) throws Exception {
        Path log = Files.createTempFile("graphmemory-serve-", ".log");
        ProcessBuilder serve = launch.command(jar, List.of("serve", "--data-dir", data.toString()));
        long started = System.nanoTime();
        Process process = serve.redirectError(log.toFile()).start();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            await(out, 1);
            long initialized = System.nanoTime() - started;
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + FIRST_CALL
                            + "\",\"arguments\":" + FIRST_ARGUMENTS + "}}");
            String result = await(out, 2);
            long first = System.nanoTime() - started;
            if (result.contains("\"isError\":true")) {
                throw new IllegalStateException("serve's first call failed: " + result);
            }
            in.close();
            try {
                end(process, "serve");
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; its log:\n" + Files.readString(log), e);
            }
            String text = Files.readString(log);
            return new CommandStartSection.Serve(
                    initialized / 1_000_000,
                    first / 1_000_000,
                    logged(text, NEO4J_STARTED),
                    logged(text, MEMORY_READY));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** One {@code graphmemory tool} process: start to its result on standard output. */
    private static long tool(Launch launch, Path jar, Path data) throws Exception {
        ProcessBuilder tool =
                launch.command(jar, List.of("tool", FIRST_CALL, FIRST_ARGUMENTS, "--data-dir", data.toString()));
        long started = System.nanoTime();
        Process process = tool.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String result = out.readLine();
            long took = System.nanoTime() - started;
            if (result == null || result.contains("\"error\"")) {
                throw new IllegalStateException("graphmemory tool failed: " + result);
            }
            end(process, "tool");
            return took / 1_000_000;
        } finally {
            process.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Reads replies until the one with {@code id}. */
    private static String await(BufferedReader out, int id) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains("\"id\":" + id + ",") || line.contains("\"id\":" + id + "}")) {
                return line;
            }
        }
        throw new IllegalStateException("serve ended before answering message " + id);
    }

    private static void end(Process process, String command) throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(command + " did not end within 2 minutes of its input");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " ended with status " + process.exitValue());
        }
    }

    private static long logged(String log, Pattern pattern) {
        Matcher matcher = pattern.matcher(log);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
