package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code graphmemory} launcher script that users run and configure in their assistants: it records the class
 * archive once (a short serve session), starts every later command with it, and keeps standard output for the
 * command's own output (the MCP protocol): the JVM's warnings and its own messages go to standard error.
 */
class LauncherIT {
    private static final Path LAUNCHER =
            Path.of("..", "graphmemory").toAbsolutePath().normalize();
    private static final Path ARCHIVE = Path.of("target", "graphmemory.jsa").toAbsolutePath();
    private static final String PREPARING = "preparing the class archive";
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    @Test
    void shouldRecordTheClassArchiveOnceAndStartEveryCommandWithIt() throws Exception {
        Files.deleteIfExists(ARCHIVE);

        Run off = run(Map.of("GRAPHMEMORY_CLASS_ARCHIVE", "off"), "--version");
        assertThat(off.status()).as(off.stderr()).isZero();
        assertThat(off.stdout()).isEqualTo("graphmemory " + Version.current() + "\n");
        assertThat(ARCHIVE).doesNotExist();

        Run first = run(Map.of(), "--version");
        assertThat(first.status()).as(first.stderr()).isZero();
        assertThat(first.stdout()).isEqualTo("graphmemory " + Version.current() + "\n");
        assertThat(first.stderr()).contains(PREPARING).doesNotContain("no class archive");
        assertThat(ARCHIVE).isNotEmptyFile();

        // -Xshare:on makes the JVM refuse to start unless it maps the archive.
        Run again = run(Map.of("GRAPHMEMORY_JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(again.status()).as(again.stderr()).isZero();
        assertThat(again.stderr()).doesNotContain(PREPARING);
    }

    /** Commands that end (tool, migrate, ...) compile with C1 only, wherever the name stands; the servers do not. */
    @Test
    void shouldCompileCommandsThatEndWithC1Only() throws Exception {
        Map<String, String> flags =
                Map.of("GRAPHMEMORY_CLASS_ARCHIVE", "off", "GRAPHMEMORY_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        assertThat(tieredStop(run(flags, "migrate", "--help"))).isEqualTo("1");
        assertThat(tieredStop(run(flags, "--data-dir", "x", "--namespace", "serve", "tool", "--help")))
                .as("an option's value is not the command")
                .isEqualTo("1");
        assertThat(tieredStop(run(flags, "--namespace", "import", "serve", "--help")))
                .isEqualTo("4");
        assertThat(tieredStop(run(flags, "ui", "--help"))).isEqualTo("4");
        assertThat(tieredStop(run(
                        Map.of(
                                "GRAPHMEMORY_CLASS_ARCHIVE",
                                "off",
                                "GRAPHMEMORY_JAVA_OPTS",
                                "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4"),
                        "migrate",
                        "--help")))
                .as("the user's own choice wins")
                .isEqualTo("4");
    }

    /**
     * The servers run with the serial collector in a heap that starts small and may grow to 1 GiB, wherever the
     * command's name stands; commands that end collect with the parallel collector in the JVM's default heap; the
     * user's own heap or collector wins.
     */
    @Test
    void shouldSizeTheServersHeapForAProcessBesideAnAssistant() throws Exception {
        Map<String, String> flags =
                Map.of("GRAPHMEMORY_CLASS_ARCHIVE", "off", "GRAPHMEMORY_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Run serve = run(flags, "--namespace", "tool", "serve", "--help");
        assertThat(flag(serve, "UseSerialGC")).isEqualTo("true");
        assertThat(flag(serve, "MaxHeapSize")).isEqualTo(String.valueOf(1L << 30));
        assertThat(flag(serve, "InitialHeapSize")).isEqualTo(String.valueOf(64L << 20));
        assertThat(flag(run(flags, "ui", "--help"), "UseSerialGC")).isEqualTo("true");
        Run tool = run(flags, "tool", "--help");
        assertThat(flag(tool, "MaxHeapSize"))
                .as("a command that ends keeps the JVM's default heap")
                .isNotEqualTo(String.valueOf(1L << 30));
        assertThat(flag(tool, "UseParallelGC")).isEqualTo("true");
        assertThat(flag(run(flags, "--namespace", "serve", "migrate", "--help"), "UseParallelGC"))
                .isEqualTo("true");
        assertThat(flag(
                        run(
                                Map.of(
                                        "GRAPHMEMORY_CLASS_ARCHIVE",
                                        "off",
                                        "GRAPHMEMORY_JAVA_OPTS",
                                        "-XX:+PrintFlagsFinal -XX:+UseG1GC"),
                                "migrate",
                                "--help"),
                        "UseParallelGC"))
                .as("the user's own collector wins")
                .isEqualTo("false");

        Run own = run(
                Map.of("GRAPHMEMORY_CLASS_ARCHIVE", "off", "GRAPHMEMORY_JAVA_OPTS", "-XX:+PrintFlagsFinal -Xmx768m"),
                "serve",
                "--help");
        assertThat(flag(own, "MaxHeapSize")).as("the user's own choice wins").isEqualTo(String.valueOf(768L << 20));
        assertThat(flag(own, "UseSerialGC")).isEqualTo("false");
    }

    private static String tieredStop(Run run) {
        return flag(run, "TieredStopAtLevel");
    }

    /** The value of one JVM flag, as {@code -XX:+PrintFlagsFinal} printed it. */
    private static String flag(Run run, String name) {
        assertThat(run.status()).as(run.stderr()).isZero();
        var flag = Pattern.compile("\\s" + name + "\\s+=\\s+(\\S+)").matcher(run.stdout());
        assertThat(flag.find()).as(run.stdout()).isTrue();
        return flag.group(1);
    }

    /** A signed library is checked at every start and kept out of the class archive: the build removes signatures. */
    @Test
    void shouldShipNoSignedLibrary() throws IOException {
        List<String> signed = new ArrayList<>();
        try (var libraries = Files.list(Path.of("target", "lib"))) {
            for (Path library :
                    libraries.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile jar = new JarFile(library.toFile(), false)) {
                    if (jar.stream()
                            .anyMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
                        signed.add(library.getFileName().toString());
                    }
                }
            }
        }
        assertThat(signed).isEmpty();
    }

    @Test
    void shouldKeepStandardOutputForTheProtocol(@TempDir Path data) throws Exception {
        Process serve = launcher(Map.of(), "serve", "--data-dir", data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = serve.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"launcher\",\"version\":\"1\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(out.readLine())
                    .startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":")
                    .contains("serverInfo");
        } finally {
            assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static Run run(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("launcher-out", ".txt");
        Path stderr = Files.createTempFile("launcher-err", ".txt");
        try {
            Process process = launcher(environment, arguments)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static ProcessBuilder launcher(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(LAUNCHER.getParent().toFile());
        builder.environment().remove("GRAPHMEMORY_JAVA_OPTS");
        builder.environment().putAll(environment);
        return builder;
    }

    private record Run(int status, String stdout, String stderr) {}
}
