package dev.graphmemory.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small report for the writer tests. */
final class Reports {
    private Reports() {}

    static Report sample() {
        MachineInfo machine =
                new MachineInfo("Test CPU \"X\"", 2, 24_000, "Linux 6 amd64", "OpenJDK 17", 4_096, "5.26.30", "6.1.0");
        ScenarioResult s1 = new ScenarioResult(
                "S1",
                "single createEntity",
                "ours / raw driver",
                0.95,
                Target.atLeast(0.9),
                List.of(
                        new VariantResult("graphmemory", true, 190.0, "entities", 5.1, 9.25, 5, 5_000),
                        new VariantResult("raw driver", false, 200.0, "entities", 5.0, 9.0, 5, 5_000)),
                List.of());
        ScenarioResult s6b = new ScenarioResult(
                "S6b",
                "getEntityContext latency",
                "p50 latency at 1M ÷ at 10k",
                1.8,
                Target.atMost(1.5),
                List.of(
                        new VariantResult("graphmemory at 1,000,000 nodes", true, 300, "calls", 3.6, 7.0, 5, 10_000),
                        new VariantResult("graphmemory at 10,000 nodes", true, 500, "calls", 2.0, 4.0, 5, 10_000)),
                List.of("p99 ratio 1.75."));
        return new Report(
                "full",
                Instant.parse("2026-11-27T03:00:00Z"),
                Duration.ofSeconds(754),
                "graphmemory-bench/run --out docs",
                machine,
                List.of(s1, s6b));
    }
}
