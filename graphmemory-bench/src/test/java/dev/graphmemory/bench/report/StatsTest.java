package dev.graphmemory.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void shouldTakeTheMiddleValueAsMedian() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertThat(Stats.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
    }

    @Test
    void shouldTakePercentilesByNearestRank() {
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            values.add(i);
        }
        assertThat(Stats.percentile(values, 50)).isEqualTo(50);
        assertThat(Stats.percentile(values, 99)).isEqualTo(99);
        assertThat(Stats.percentile(values, 100)).isEqualTo(100);
    }

    @Test
    void shouldReportTheLargestValueAsP99OfFewValues() {
        assertThat(Stats.percentile(List.of(3, 1, 2), 99)).isEqualTo(3);
        assertThat(Stats.percentile(List.of(7), 50)).isEqualTo(7);
    }

    @Test
    void shouldRefuseNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSummarizeAVariantInMilliseconds() {
        VariantResult result = VariantResult.of(
                "graphmemory", true, 120.5, "entities", List.of(2_000_000L, 4_000_000L, 9_000_000L), 3);

        assertThat(result.p50Millis()).isEqualTo(4.0);
        assertThat(result.p99Millis()).isEqualTo(9.0);
        assertThat(result.calls()).isEqualTo(3);
    }
}
