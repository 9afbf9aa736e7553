package dev.graphmemory.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole run.
 *
 * @param mode {@code quick} or {@code full}
 * @param date when it started
 * @param took how long it ran
 * @param command the command that ran it
 * @param machine what it ran on
 * @param scenarios the scenarios, in order
 */
public record Report(
        String mode, Instant date, Duration took, String command, MachineInfo machine, List<ScenarioResult> scenarios) {

    public Report {
        scenarios = List.copyOf(scenarios);
    }
}
