package dev.graphmemory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.Coalescing;
import dev.graphmemory.MemoryConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoalescingConfigTest {

    @Test
    void shouldBeOffUnlessTurnedOn() {
        assertThat(MemoryConfig.defaults().coalescing()).isEmpty();
        assertThat(MemoryConfig.fromEnv(Map.of("GRAPHMEMORY_COALESCING", "on")).coalescing())
                .contains(Coalescing.defaults());
        assertThat(MemoryConfig.fromEnv(Map.of("GRAPHMEMORY_COALESCING", " TRUE "))
                        .coalescing())
                .contains(Coalescing.defaults());
        assertThat(MemoryConfig.fromEnv(Map.of("GRAPHMEMORY_COALESCING", "off")).coalescing())
                .isEmpty();
        assertThatThrownBy(() -> MemoryConfig.fromEnv(Map.of("GRAPHMEMORY_COALESCING", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRAPHMEMORY_COALESCING");
    }

    @Test
    void shouldKeepTheSettingsAcrossCopies() {
        Coalescing settings =
                Coalescing.defaults().withWindow(Duration.ofMillis(2)).withMaxBatch(500);
        MemoryConfig config = MemoryConfig.builder().coalescing(settings).build();

        assertThat(config.withNamespace("other").coalescing()).contains(settings);
        assertThat(config.toBuilder().coalescing(null).build().coalescing()).isEmpty();
        assertThat(settings)
                .isEqualTo(new Coalescing(
                        Duration.ofMillis(2), 500, Coalescing.DEFAULT_QUEUE_CAPACITY, Coalescing.DEFAULT_CONCURRENCY));
    }

    @Test
    void shouldRefuseSettingsOutOfRange() {
        Coalescing defaults = Coalescing.defaults();
        assertThatThrownBy(() -> defaults.withWindow(Duration.ofMillis(-1))).hasMessageContaining("window");
        assertThatThrownBy(() -> defaults.withWindow(Duration.ofSeconds(2))).hasMessageContaining("window");
        assertThatThrownBy(() -> defaults.withMaxBatch(0)).hasMessageContaining("maxBatch");
        assertThatThrownBy(() -> defaults.withQueueCapacity(0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> defaults.withConcurrency(0)).hasMessageContaining("concurrency");
        assertThat(defaults.withWindow(Duration.ZERO).window()).isZero();
    }
}
