package dev.graphmemory.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void shouldTabulateEveryRatioWithItsTargetAndVerdict() {
        String md = MarkdownReport.write(Reports.sample());

        assertThat(md)
                .contains("A full run on 2026-11-27 03:00 UTC, 754 s in all, on Test CPU \"X\", 2 cores")
                .contains("| S1 | single createEntity | ours / raw driver | **0.95** | ≥ 0.90 | met |")
                .contains(
                        "| S6b | getEntityContext latency | p50 latency at 1M ÷ at 10k | **1.80** | ≤ 1.50 | **missed** |");
    }

    @Test
    void shouldListEveryVariantWithThroughputAndLatencies() {
        String md = MarkdownReport.write(Reports.sample());

        assertThat(md)
                .contains("| S1 | **graphmemory** | 190 entities/s | 5.10 ms | 9.25 ms | 5 | 5,000 |")
                .contains("| S1 | raw driver | 200 entities/s | 5.00 ms | 9.00 ms | 5 | 5,000 |");
    }

    @Test
    void shouldReadTheResultsInSentences() {
        String md = MarkdownReport.write(Reports.sample());

        assertThat(md)
                .contains("1 of 2 targets met; missed: S6b.")
                .contains("- **S1** (single createEntity): graphmemory 190 entities/s, raw driver 200; "
                        + "ours / raw driver = 0.95×, target ≥ 0.90, met.")
                .contains("- **S6b** (getEntityContext latency): p50 latency at 1M ÷ at 10k = 1.80, target ≤ 1.50, "
                        + "missed. p99 ratio 1.75.");
    }
}
