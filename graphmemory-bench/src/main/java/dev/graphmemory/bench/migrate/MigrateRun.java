package dev.graphmemory.bench.migrate;

import dev.graphmemory.bench.Options;
import dev.graphmemory.bench.startup.CommandStartRun;
import dev.graphmemory.bench.startup.StartupRun;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds an embedded Neo4j with a graph shaped like the original adapter's (no namespace, short ids, string times,
 * every tenth link duplicated, entity-to-commitment links the other way round, one entity in fifty a case variant
 * of another, strengths above 1.0), then runs the real command {@code graphmemory migrate --from} against it into a
 * new data directory, and reads the rate from its report.
 */
public final class MigrateRun {
    private static final Logger LOG = LoggerFactory.getLogger(MigrateRun.class);
    private static final Pattern TOOK = Pattern.compile("took ([0-9.]+) s: ([0-9,]+) nodes/s");
    private static final int CHUNK = 5_000;
    private static final String TIME = "2025-11-03T14:07:55.123456";

    /** Per group of ten nodes: 2 entities, 4 commitments, 1 decision, 1 pattern, 1 session, 1 energy reading. */
    private static final String SEED = """
            UNWIND range($from, $to - 1) AS i
            WITH i, toString(i) AS n
            CREATE (e:Entity {id: 'entity_' + n, name: CASE WHEN i % 50 = 1 THEN 'person ' + toString(i - 1)
                    ELSE 'Person ' + n END, type: CASE WHEN i % 3 = 0 THEN 'auto' ELSE 'person' END,
                    domain: 'work', notes: '', created_at: $time})
            CREATE (o:Entity {id: 'entity_o' + n, name: 'Org ' + n, type: 'organization', domain: 'work',
                    created_at: $time})
            CREATE (s:Session {id: 'session_' + n, agent: 'claude', started_at: $time, ended_at: $time,
                    summary: 'Session ' + n, tokens_used: 1200})
            CREATE (x:EnergyState {id: 'energy_' + n, level: 'high', timestamp: $time, context: 'morning',
                    oura_readiness: 80, oura_sleep: 75})
            CREATE (d:Decision {id: 'decision_' + n, content: 'Decision ' + n, rationale: 'Because ' + n,
                    alternatives: ['Other ' + n], domain: 'work', confidence: 0.7, created_at: $time})
            CREATE (p:Pattern {id: 'pattern_' + n, description: 'Pattern ' + n, type: 'task_completion',
                    domain: 'work', frequency: '7-day', first_observed: $time, last_observed: $time,
                    strength: 0.5 + (i % 12) * 0.1})
            CREATE (s)-[:AT_ENERGY]->(x)
            CREATE (p)-[:LEARNED_FROM]->(s)
            FOREACH (k IN range(0, 3) |
              CREATE (c:Commitment {id: 'commitment_' + n + '_' + toString(k), content: 'Promise ' + n + '/' + toString(k),
                  to_whom: 'self', deadline: CASE WHEN k = 3 THEN 'soonish' ELSE '2025-11-10' END, domain: 'work',
                  priority: 3, status: 'pending', created_at: $time})
              CREATE (c)-[:DURING]->(s)
              CREATE (d)-[:IMPACTS]->(c)
              FOREACH (_ IN CASE WHEN k = 0 THEN [1] ELSE [] END | CREATE (e)-[:INVOLVES]->(c))
              FOREACH (_ IN CASE WHEN k = 1 THEN [1] ELSE [] END | CREATE (c)-[:INVOLVES]->(e))
              FOREACH (_ IN CASE WHEN i % 10 = 0 AND k = 1 THEN [1] ELSE [] END | CREATE (c)-[:INVOLVES]->(e)))
            """;

    private MigrateRun() {}

    /**
     * Runs the migration of {@code options.pick(10_000, 100_000)} nodes once per way of starting the command (the jar;
     * the launcher, which also compiles batch jobs with C1 only) and returns the section.
     */
    public static MigrateSection run(Options options) throws Exception {
        Path jar = Path.of(System.getProperty(CommandStartRun.JAR_PROPERTY, "graphmemory-app/target/graphmemory.jar"))
                .toAbsolutePath();
        int groups = options.pick(1_000, 10_000);
        Path root = Files.createTempDirectory("graphmemory-migrate-");
        try (EmbeddedNeo4j original = EmbeddedNeo4j.builder()
                        .dataDirectory(root.resolve("original"))
                        .start();
                Driver driver = GraphDatabase.driver(original.boltUri(), AuthTokens.none())) {
            for (int from = 0; from < groups; from += CHUNK / 10) {
                driver.executableQuery(SEED)
                        .withParameters(Map.of("from", from, "to", Math.min(groups, from + CHUNK / 10), "time", TIME))
                        .execute();
            }
            driver.executableQuery("CREATE (:Note {id: 'note_1', text: 'another tool'})")
                    .execute();
            long nodes = single(driver, "MATCH (n) RETURN count(n)") - 1;
            long relationships = single(driver, "MATCH ()-[r]->() RETURN count(r)");
            LOG.info("Migration: the original graph holds {} nodes and {} relationships", nodes, relationships);
            List<MigrateSection.Run> runs = new ArrayList<>();
            for (CommandStartRun.Launch launch : CommandStartRun.launches(jar)) {
                Path data = root.resolve("target-" + launch.name().toLowerCase(java.util.Locale.ROOT));
                runs.add(migrate(launch, jar, original.boltUri().toString(), data));
            }
            return new MigrateSection(nodes, relationships, runs);
        } finally {
            StartupRun.delete(root);
        }
    }

    private static MigrateSection.Run migrate(CommandStartRun.Launch launch, Path jar, String from, Path data)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("graphmemory-migrate-", ".txt");
        try {
            List<String> arguments =
                    List.of("migrate", "--from", from, "--data-dir", data.toString(), "--namespace", "bench");
            ProcessBuilder builder = launch.command(jar, arguments);
            // e.g. -Dgraphmemory.bench.migrate.jvm=-XX:StartFlightRecording=filename=migrate.jfr to profile the command
            String jvm = System.getProperty("graphmemory.bench.migrate.jvm", "").strip();
            if (!jvm.isEmpty()) {
                builder.environment().put("GRAPHMEMORY_JAVA_OPTS", jvm);
                if (launch == CommandStartRun.Launch.JAR) {
                    builder.command().addAll(1, List.of(jvm.split("\\s+")));
                }
            }
            long started = System.nanoTime();
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("graphmemory migrate failed: " + Files.readString(out));
            }
            double processSeconds = (System.nanoTime() - started) / 1e9;
            String report = Files.readString(out, StandardCharsets.UTF_8);
            Matcher took = TOOK.matcher(report);
            if (!took.find()) {
                throw new IllegalStateException("no rate in the report of graphmemory migrate:\n" + report);
            }
            LOG.info("Migration ({}): {}", launch.label, took.group());
            return new MigrateSection.Run(
                    launch.label,
                    Double.parseDouble(took.group(2).replace(",", "")),
                    Double.parseDouble(took.group(1)),
                    processSeconds,
                    report);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long single(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().get(0).get(0).asLong();
    }
}
