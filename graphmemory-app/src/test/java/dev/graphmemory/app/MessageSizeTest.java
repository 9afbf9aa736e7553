package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageSizeTest {

    @Test
    void shouldReadBytesAndBinaryUnitsAndRefuseTheRest() {
        assertThat(MessageSize.parse(null)).isEqualTo(4 * 1024 * 1024);
        assertThat(MessageSize.parse(" ")).isEqualTo(4 * 1024 * 1024);
        assertThat(MessageSize.parse("65536")).isEqualTo(65536);
        assertThat(MessageSize.parse("512KiB")).isEqualTo(512 * 1024);
        assertThat(MessageSize.parse("16 mb")).isEqualTo(16 * 1024 * 1024);
        for (String bad : new String[] {"0", "1", "-5", "4GiB", "300MiB", "lots", "1.5MiB", "99999999999999"}) {
            assertThatThrownBy(() -> MessageSize.parse(bad)).as(bad).hasMessageContaining("--max-message-size");
        }
    }
}
