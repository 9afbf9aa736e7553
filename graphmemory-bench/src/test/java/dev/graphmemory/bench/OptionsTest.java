package dev.graphmemory.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldDefaultToTheFullModeInTargetBench() {
        Options options = Options.parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.out()).isEqualTo(Path.of("target", "bench"));
        assertThat(options.runs("S1")).isTrue();
    }

    @Test
    void shouldReadQuickOutAndOnly() {
        Options options = Options.parse("--quick", "--out", "docs", "--only", "s1, S6B");

        assertThat(options.quick()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("docs"));
        assertThat(options.only()).containsExactlyInAnyOrder("S1", "S6b");
        assertThat(options.runs("S6", "S6b")).isTrue();
        assertThat(options.runs("S2", "S2b")).isFalse();
        assertThat(options.pick(1, 2)).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownArgumentsWithTheUsage() {
        assertThatThrownBy(() -> Options.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> Options.parse("--out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
    }
}
