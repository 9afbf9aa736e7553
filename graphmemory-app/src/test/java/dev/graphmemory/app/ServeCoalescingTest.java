package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.Coalescing;
import dev.graphmemory.MemoryConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCoalescingTest {

    @Test
    void shouldCoalesceOverHttpUnlessTurnedOff() {
        assertThat(configured(Map.of(), "--http", "8080").coalescing()).contains(Coalescing.defaults());
        assertThat(configured(Map.of(), "--http", "8080", "--no-coalescing").coalescing())
                .isEmpty();
        assertThat(configured(Map.of("GRAPHMEMORY_COALESCING", "off"), "--http", "8080")
                        .coalescing())
                .isEmpty();
    }

    @Test
    void shouldLeaveStdioToTheEnvironment() {
        assertThat(configured(Map.of()).coalescing()).isEmpty();
        assertThat(configured(Map.of("GRAPHMEMORY_COALESCING", "on")).coalescing())
                .contains(Coalescing.defaults());
        assertThat(configured(Map.of("GRAPHMEMORY_COALESCING", "on"), "--no-coalescing")
                        .coalescing())
                .isEmpty();
    }

    private static MemoryConfig configured(Map<String, String> environment, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.coalescing(MemoryConfig.builder().applyEnv(environment), environment)
                .build();
    }
}
