package dev.graphmemory.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built-in embedder makes no network call of its own: loading the model and embedding run in a JVM whose every
 * socket is refused by a security manager (a Java-level call fails the run), and, where {@code strace} is installed
 * (.ci/run installs it), the whole process tree's {@code connect} system calls are traced and none may reach an internet
 * address (a native call would show there). The DJL tokenizer, which calls a cloud metadata address on load unless
 * told not to, is not on the class path at all.
 */
class NoNetworkIT {

    @Test
    void shouldLoadAndEmbedWithoutANetworkCall() throws IOException, InterruptedException {
        Path trace = Files.createTempFile("graphmemory-embedder-trace", ".txt");
        boolean traced = strace().isPresent();
        List<String> command = new ArrayList<>();
        if (traced) {
            command.addAll(List.of(strace().get(), "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow",
                "-cp",
                System.getProperty("java.class.path"),
                NoNetworkProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("embedded 3 texts with e5-small-v2-q in 384 dimensions");
        if (traced) {
            List<String> connects = Files.readAllLines(trace);
            assertThat(connects).as("connect calls to internet addresses").noneMatch(line -> line.contains("AF_INET"));
        } else {
            System.err.println("strace is not installed: only Java-level sockets were checked");
        }
        Files.deleteIfExists(trace);
    }

    private static java.util.Optional<String> strace() {
        for (String place : List.of("/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace")) {
            if (Files.isExecutable(Path.of(place))) {
                return java.util.Optional.of(place);
            }
        }
        return java.util.Optional.empty();
    }
}
