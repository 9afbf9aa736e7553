package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void shouldAllowOnlyTheServersOwnSchemeHostAndPort() {
        OriginPolicy policy = OriginPolicy.of("127.0.0.1", true, 8080, List.of());

        assertThat(policy.allowsOrigin(null)).isTrue();
        for (String own : List.of(
                "http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "HTTP://LOCALHOST:8080")) {
            assertThat(policy.allowsOrigin(own)).as(own).isTrue();
        }
        for (String foreign : List.of(
                "http://127.0.0.1:9999",
                "http://localhost",
                "https://localhost:8080",
                "http://localhost:8080.evil.example",
                "http://localhost:80801",
                "http://127.0.0.1:8080/",
                "http://127.0.0.1:8080/path",
                "http://user@127.0.0.1:8080",
                "http://evil.example:8080",
                "null",
                "",
                "file://",
                "http://127.0.0.1:8080?x")) {
            assertThat(policy.allowsOrigin(foreign)).as(foreign).isFalse();
        }
    }

    @Test
    void shouldAllowExplicitOriginsExactlyAndRefuseOnesThatAreNotOrigins() {
        OriginPolicy policy = OriginPolicy.of("127.0.0.1", true, 8080, List.of("https://app.example"));

        assertThat(policy.allowsOrigin("https://app.example")).isTrue();
        assertThat(policy.allowsOrigin("https://app.example:443")).isTrue();
        assertThat(policy.allowsOrigin("https://app.example:8443")).isFalse();
        assertThat(policy.allowsOrigin("https://app.example.evil")).isFalse();
        assertThatThrownBy(() -> OriginPolicy.of("127.0.0.1", true, 8080, List.of("https://app.example/path")))
                .hasMessageContaining("--allow-origin");
    }

    @Test
    void shouldCheckTheHostHeaderOnLoopbackOnly() {
        OriginPolicy loopback = OriginPolicy.of("127.0.0.1", true, 8080, List.of());
        OriginPolicy wildcard = OriginPolicy.of("0.0.0.0", false, 8080, List.of());

        assertThat(loopback.allowsHost("127.0.0.1:8080")).isTrue();
        assertThat(loopback.allowsHost("localhost")).isTrue();
        assertThat(loopback.allowsHost("[::1]:8080")).isTrue();
        assertThat(loopback.allowsHost("evil.example:8080")).isFalse();
        assertThat(loopback.allowsHost(null)).isFalse();
        assertThat(wildcard.allowsHost("192.168.1.5:8080")).isTrue();
        assertThat(wildcard.allowsOrigin("http://localhost:8080")).isTrue();
        assertThat(wildcard.allowsOrigin("http://192.168.1.5:8080")).isFalse();
    }
}
