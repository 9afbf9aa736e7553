package dev.graphmemory.bench.scaling;

import dev.graphmemory.bench.Options;
import dev.graphmemory.bench.report.Stats;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process or two on one database, doing the same {@link Workload} in one namespace: the benchmark's process alone
 * with all the callers, then the callers split between it and a child JVM, then each process with as many callers as
 * the first had, after the same workload warmed the server up (its first plans, its JIT). The database is an embedded
 * Neo4j in the benchmark's process, reached over Bolt by both; the child's own JIT starts cold. After each
 * configuration: entities stored twice (none expected), memories left waiting for the search index after both closed
 * (none expected).
 */
public final class ProcessesRun {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessesRun.class);

    private ProcessesRun() {}

    /**
     * A configuration.
     *
     * @param label how the report names it
     * @param here the callers in the benchmark's process
     * @param there the callers in the child process, 0 for none
     */
    record Configuration(String label, int here, int there) {}

    static final List<Configuration> CONFIGURATIONS = List.of(
            new Configuration("1 process, 8 callers", 8, 0),
            new Configuration("2 processes, 4 callers each", 4, 4),
            new Configuration("2 processes, 8 callers each", 8, 8));

    /** Runs every configuration for the mode's duration and returns the section. */
    public static ScalingSection run(Options options) throws Exception {
        long seconds = options.pick(20, 60);
        List<ScalingSection.Run> runs = new ArrayList<>();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder()
                        .pageCacheBytes(ByteUnit.mebiBytes(512))
                        .start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            // The server's first plans and JIT on a namespace of its own, before anything is timed.
            Workload.run(neo4j.boltUri(), "scaling-warm-up", 8, options.pick(10, 20), 0);
            int n = 0;
            for (Configuration configuration : CONFIGURATIONS) {
                String namespace = "scaling-" + n++;
                runs.add(run(configuration, neo4j.boltUri(), driver, namespace, seconds, n));
                LOG.info("Scaling: {} done", configuration.label());
            }
        }
        return new ScalingSection(seconds, runs);
    }

    private static ScalingSection.Run run(
            Configuration configuration, URI bolt, Driver driver, String namespace, long seconds, long seed)
            throws Exception {
        Process child =
                configuration.there() == 0 ? null : child(bolt, namespace, configuration.there(), seconds, seed);
        CompletableFuture<Workload.Result> there = child == null
                ? CompletableFuture.completedFuture(new Workload.Result(List.of(), List.of(), 0))
                : CompletableFuture.supplyAsync(() -> read(child));
        Workload.Result here = Workload.run(bolt, namespace, configuration.here(), seconds, seed);
        Workload.Result other = there.get(10, TimeUnit.MINUTES);
        List<Long> all = new ArrayList<>(here.micros());
        all.addAll(other.micros());
        List<Long> writes = new ArrayList<>(here.writes());
        writes.addAll(other.writes());
        List<Long> searches = new ArrayList<>(here.searches());
        searches.addAll(other.searches());
        long duplicates = single(driver, """
                MATCH (e:Entity {namespace: $ns})
                WITH e.nameKey AS key, count(*) AS copies
                RETURN sum(copies - 1)
                """, namespace);
        long pending = single(driver, "MATCH (p:SearchPending {namespace: $ns}) RETURN count(p)", namespace);
        return new ScalingSection.Run(
                configuration.label(),
                configuration.here() + configuration.there(),
                all.size() / (double) seconds,
                here.micros().size() / (double) seconds,
                other.micros().size() / (double) seconds,
                Stats.percentile(all, 50) / 1e3,
                Stats.percentile(all, 99) / 1e3,
                Stats.percentile(writes, 99) / 1e3,
                Stats.percentile(searches, 99) / 1e3,
                here.failures() + other.failures(),
                duplicates,
                pending);
    }

    private static Process child(URI bolt, String namespace, int threads, long seconds, long seed) throws Exception {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xms256m",
                        "-Xmx1g",
                        "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Workload.class.getName(),
                        bolt.toString(),
                        namespace,
                        Integer.toString(threads),
                        Long.toString(seconds),
                        Long.toString(seed + 100))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Workload.Result read(Process child) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0 || line == null) {
                child.destroyForcibly();
                throw new IllegalStateException("the scaling child failed");
            }
            String[] fields = line.split("\t", -1);
            return new Workload.Result(micros(fields, 2), micros(fields, 3), Long.parseLong(fields[1]));
        } catch (Exception e) {
            throw new IllegalStateException("reading the scaling child failed", e);
        }
    }

    private static List<Long> micros(String[] fields, int index) {
        List<Long> micros = new ArrayList<>();
        if (fields.length > index && !fields[index].isEmpty()) {
            for (String value : fields[index].split(",")) {
                micros.add(Long.parseLong(value));
            }
        }
        return micros;
    }

    private static long single(Driver driver, String query, String namespace) {
        return driver.executableQuery(query)
                .withParameters(Map.of("ns", namespace))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong(0);
    }
}
