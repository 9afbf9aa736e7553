package dev.graphmemory.bench;

import dev.graphmemory.bench.growth.GrowthRun;
import dev.graphmemory.bench.merge.MergeRun;
import dev.graphmemory.bench.plans.PlanTimes;
import dev.graphmemory.bench.report.JsonReport;
import dev.graphmemory.bench.report.MarkdownReport;
import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.RatioChart;
import dev.graphmemory.bench.report.Report;
import dev.graphmemory.bench.report.ScenarioResult;
import dev.graphmemory.bench.report.Section;
import dev.graphmemory.bench.scaling.ProcessesRun;
import dev.graphmemory.bench.scenario.BulkEntities;
import dev.graphmemory.bench.scenario.BulkLinks;
import dev.graphmemory.bench.scenario.CoalescedWrites;
import dev.graphmemory.bench.scenario.CommitmentWithEntities;
import dev.graphmemory.bench.scenario.ConcurrentWriters;
import dev.graphmemory.bench.scenario.EntityContextAtScale;
import dev.graphmemory.bench.scenario.SingleEntity;
import dev.graphmemory.bench.scenario.StoreTurn;
import dev.graphmemory.bench.startup.CommandStartRun;
import dev.graphmemory.bench.startup.StartupRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comparison runner: every scenario side by side against its baselines, in one process, on one embedded Neo4j;
 * then {@code benchmarks.md}, {@code benchmarks.json} and {@code benchmarks.png} in the output folder.
 *
 * <pre>
 * graphmemory-bench/run --quick            (reports in target/bench)
 * graphmemory-bench/run --out docs         (the full mode)
 * </pre>
 */
public final class Bench {
    static final String COMMAND = "graphmemory-bench/run %s";
    /** The id of the plans section, for {@code --only}. */
    static final String PLANS = "PLANS";
    /** The id of the growth run, for {@code --only}. */
    static final String GROWTH = "GROWTH";
    /** The id of the first calls of a fresh process, for {@code --only}. */
    static final String STARTUP = "STARTUP";
    /** The id of the command's own start (serve and tool, fresh processes of the jar), for {@code --only}. */
    static final String COMMAND_START = "COMMAND";
    /** The id of the merge of two entities with 10,000 relationships each, for {@code --only}. */
    static final String MERGE = "MERGE";

    /** The id of the migration of an original adapter's graph, for {@code --only}. */
    static final String MIGRATE = "MIGRATE";
    /** The id of the 1-vs-2-process run, for {@code --only}. */
    static final String PROCESSES = "PROCESSES";

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private Bench() {}

    /** The scenario groups, in the order of the table. */
    static List<Scenario> scenarios() {
        return List.of(
                new SingleEntity(),
                new StoreTurn(),
                new BulkEntities(),
                new BulkLinks(),
                new EntityContextAtScale(),
                new ConcurrentWriters(),
                new CommitmentWithEntities(),
                new CoalescedWrites());
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        List<ScenarioResult> results = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        try (BenchContext context = new BenchContext(options)) {
            if (options.runs(PLANS) && (!options.quick() || !options.only().isEmpty())) {
                // first, while the server's planner is as cold as in a fresh process; the quick mode only when asked
                sections.add(PlanTimes.measure(context, options.pick(1, 7)));
            }
            if (options.runs(MERGE)) {
                LOG.info("Merge: running");
                sections.add(MergeRun.measure(context, options.pick(3, 5), 10_000));
            }
            for (Scenario scenario : scenarios()) {
                if (!options.runs(scenario.ids().toArray(String[]::new))) {
                    continue;
                }
                LOG.info("{}: running", scenario.ids());
                long start = System.nanoTime();
                for (ScenarioResult result : scenario.run(context)) {
                    results.add(result);
                    LOG.info(
                            "{} {}: {} (target {}) {}",
                            result.id(),
                            result.ratioName(),
                            Numbers.ratio(result.ratio()),
                            result.target().text(),
                            result.met() ? "met" : "MISSED");
                }
                LOG.info("{}: done in {} s", scenario.ids(), (System.nanoTime() - start) / 1_000_000_000);
            }
        }
        if (options.runs(GROWTH) && (!options.quick() || !options.only().isEmpty())) {
            // after the scenarios' server is closed: the growth run has an empty database of its own; it takes half an
            // hour, so the quick mode runs it only when asked for
            LOG.info("Growth: running");
            sections.add(GrowthRun.run(options));
        }
        if (options.runs(STARTUP) && (!options.quick() || !options.only().isEmpty())) {
            // a child JVM per configuration: the full mode, or when asked for
            LOG.info("Start-up: running");
            sections.add(StartupRun.run(options));
        }
        if (options.runs(COMMAND_START) && (!options.quick() || !options.only().isEmpty())) {
            LOG.info("Command start-up: running");
            sections.add(CommandStartRun.run(options));
        }
        if (options.runs(MIGRATE) && (!options.quick() || !options.only().isEmpty())) {
            LOG.info("Migration: running");
            sections.add(dev.graphmemory.bench.migrate.MigrateRun.run(options));
        }
        if (options.runs(PROCESSES) && (!options.quick() || !options.only().isEmpty())) {
            LOG.info("Processes: running");
            sections.add(ProcessesRun.run(options));
        }
        List<String> order = List.of("S1", "S2", "S2b", "S3", "S3b", "S4", "S5", "S6", "S6b", "S7", "S8", "S9", "S9b");
        results.sort(java.util.Comparator.comparingInt(result -> order.indexOf(result.id())));
        Report report = new Report(
                options.mode(),
                started,
                Duration.between(started, Instant.now()),
                COMMAND.formatted(String.join(" ", args)),
                Machine.info(),
                results,
                sections);
        write(report, options.out());
    }

    static void write(Report report, Path out) throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("benchmarks.md"), MarkdownReport.write(report));
        Files.writeString(out.resolve("benchmarks.json"), JsonReport.write(report));
        RatioChart.write(report, out.resolve("benchmarks.png"));
        System.out.print(MarkdownReport.write(report));
        System.out.println("Written to " + out.toAbsolutePath());
    }
}
