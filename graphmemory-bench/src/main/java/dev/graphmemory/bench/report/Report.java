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
 * @param sections what else was measured (plans, growth, first calls), in order
 */
public record Report(
        String mode,
        Instant date,
        Duration took,
        String command,
        MachineInfo machine,
        List<ScenarioResult> scenarios,
        List<Section> sections) {

    public Report {
        scenarios = List.copyOf(scenarios);
        sections = List.copyOf(sections);
    }

    /** A report of scenarios only. */
    public Report(
            String mode,
            Instant date,
            Duration took,
            String command,
            MachineInfo machine,
            List<ScenarioResult> scenarios) {
        this(mode, date, took, command, machine, scenarios, List.of());
    }
}
