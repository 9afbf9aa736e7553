package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UiCommandTest {

    @Test
    void shouldRefuseAPortOutOfRangeBeforeStartingAnything() {
        for (String port : new String[] {"70000", "-1"}) {
            CommandIT.Run run = CommandIT.run("ui", "--port", port);
            assertThat(run.status()).as(port).isEqualTo(2);
            assertThat(run.err()).contains("--port must be between 0 and 65535 (0 picks a free one); was " + port);
        }
        CommandIT.Run notANumber = CommandIT.run("ui", "--port", "eighty");
        assertThat(notANumber.status()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--port");
    }
}
