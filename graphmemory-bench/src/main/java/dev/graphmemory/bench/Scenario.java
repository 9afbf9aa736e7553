package dev.graphmemory.bench;

import dev.graphmemory.bench.report.ScenarioResult;
import java.util.List;

/** A group of measurements that reports one or more scenarios of the table (S3 reports S3, S3b and S5). */
public interface Scenario {

    /** The ids this group reports, e.g. {@code S3, S3b, S5}. */
    List<String> ids();

    /** Runs the measurements and returns one result per id. */
    List<ScenarioResult> run(BenchContext context) throws Exception;
}
