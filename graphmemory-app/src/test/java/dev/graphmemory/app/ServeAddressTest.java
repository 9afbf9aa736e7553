package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServeAddressTest {

    @Test
    void shouldBindLoopbackUnlessAHostIsGiven() {
        assertThat(ServeCommand.Address.parse("8080")).isEqualTo(new ServeCommand.Address("127.0.0.1", 8080));
        assertThat(ServeCommand.Address.parse(":0")).isEqualTo(new ServeCommand.Address("127.0.0.1", 0));
        assertThat(ServeCommand.Address.parse("0.0.0.0:9000")).isEqualTo(new ServeCommand.Address("0.0.0.0", 9000));
        assertThat(ServeCommand.Address.parse("[::1]:9000")).isEqualTo(new ServeCommand.Address("::1", 9000));
        assertThatThrownBy(() -> ServeCommand.Address.parse("localhost:http")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ServeCommand.Address.parse("70000")).hasMessageContaining("HOST:PORT");
    }
}
