package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code graphmemory serve} process over stdio, on its own embedded database, fed what a broken or hostile
 * client sends: it answers, goes on, and when the client goes away it exits within seconds and leaves the data
 * directory free for the next command.
 */
class ServeHostilityIT {
    private static final Path JAR = Path.of("target", "graphmemory.jar").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(120);
    /** What serve logs once its memory has started (it answers MCP messages before). */
    static final String MEMORY_READY = "The memory is ready";
    /** The stop limit of {@code serve} and a margin for a loaded machine. */
    private static final Duration EXIT = ServeCommand.STOP_LIMIT.plusSeconds(10);

    @Test
    void shouldSurviveGarbageAndExitAtTheEndOfInputWhileAQueryRuns(@TempDir Path data) throws Exception {
        try (Serve serve = Serve.start(data)) {
            serve.initialize();
            serve.send("{bad json");
            assertThat(serve.nextLine()).contains("\"code\":-32700");
            serve.send("[]");
            assertThat(serve.nextLine()).contains("\"code\":-32600").contains("batches");
            byte[] huge = new byte[17 * 1024 * 1024]; // over the default limit of 4 MiB, and over the SDK's 16 MiB
            Arrays.fill(huge, (byte) 'x');
            serve.sendRaw(
                    "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\",\"x\":\"".getBytes(StandardCharsets.UTF_8));
            serve.sendRaw(huge);
            serve.send("\"}");
            assertThat(serve.nextLine()).contains("\"code\":-32600").contains("4194304 bytes");
            serve.send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}");
            assertThat(serve.nextLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":{}}");
            serve.send("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"query_graph\","
                    + "\"arguments\":{\"query\":\"UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b"
                    + " RETURN count(*) AS n\"}}}");
            Thread.sleep(1_000); // the query is running

            long closed = System.nanoTime();
            serve.process.getOutputStream().close();

            assertThat(serve.process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                    .as("exited within %s of the end of input:\n%s", EXIT, serve.log())
                    .isTrue();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - closed);
            assertThat(serve.process.exitValue()).as(serve.log()).isZero();
            assertThat(serve.log()).contains("End of input: stopping").doesNotContain("\tat ");
            System.out.printf("serve exited %d s after the end of its input, with a query running%n", seconds);
        }
        CommandIT.Run health = CommandIT.run("health", "--data-dir", data.toString());
        assertThat(health.status()).as(health.err()).isZero(); // the data directory is not locked
    }

    @Test
    void shouldExitWhenTheClientStopsReadingItsOutput(@TempDir Path data) throws Exception {
        // Replies are read on this thread: a pipe stays open while another thread is blocked reading it.
        try (Serve serve = Serve.start(data, false)) {
            serve.initialize();

            serve.process.getInputStream().close();
            serve.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");

            assertThat(serve.process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                    .as(serve.log())
                    .isTrue();
            assertThat(serve.log()).contains("Standard output is closed").doesNotContain("\tat ");
        }
        assertThat(CommandIT.run("health", "--data-dir", data.toString()).status())
                .isZero();
    }

    /**
     * A full disk, for real: a small file system fills up under a running server. The write that meets it is
     * answered with an error that says so, the server exits with status 75 and one clear line (a supervisor starts it
     * again), and once space is free the next start recovers everything that was acknowledged.
     */
    @Test
    void shouldExitWithAClearLineWhenTheDiskIsFullAndRecoverOnceSpaceIsBack(@TempDir Path directory) throws Exception {
        Path mount = directory.resolve("small-disk");
        Files.createDirectories(mount);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start();
        Assumptions.assumeTrue(
                mounting.waitFor() == 0, "needs a small file system: mounting tmpfs is not allowed here");
        try {
            Path data = mount.resolve("neo4j");
            Path filler = mount.resolve("filler");
            List<String> acknowledged = new ArrayList<>();
            try (Serve serve = Serve.start(data)) {
                serve.initialize();
                serve.send(
                        call(1_000, "create_commitment", "{\"content\":\"Commitment 1000 before the disk filled\"}"));
                assertThat(serve.nextLine()).contains("\"isError\":false");
                acknowledged.add("Commitment 1000 ");
                fill(filler);

                String reply = "";
                for (int id = 2; id < 200 && !reply.contains("\"isError\":true"); id++) {
                    String content = "Commitment " + id + " " + "x".repeat(9_000);
                    serve.send(call(id, "create_commitment", "{\"content\":\"" + content + "\"}"));
                    reply = serve.nextLine();
                    if (reply.contains("\"isError\":false")) {
                        acknowledged.add("Commitment " + id + " ");
                    }
                }

                assertThat(reply).contains("\"isError\":true").contains("disk");
                assertThat(serve.process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                        .as(serve.log())
                        .isTrue();
                assertThat(serve.process.exitValue()).as(serve.log()).isEqualTo(ServeCommand.DATABASE_STOPPED);
                assertThat(serve.log())
                        .contains("is full")
                        .contains("Exiting with status 75")
                        .doesNotContain("\tat ");
            }
            Files.delete(filler);
            CommandIT.Run after = CommandIT.run(
                    "tool",
                    "query_graph",
                    "{\"query\":\"MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN"
                            + " left(c.content, 16) AS c\"}",
                    "--data-dir",
                    data.toString());
            assertThat(after.status()).as(after.err()).isZero();
            assertThat(acknowledged).isNotEmpty();
            for (String kept : acknowledged) {
                assertThat(after.out()).contains(kept.substring(0, Math.min(16, kept.length())));
            }
            System.out.printf(
                    "a full disk stopped serve after %d acknowledged writes; all of them were kept%n",
                    acknowledged.size());
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
        }
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    /** Writes a file until the disk under it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: what the test wants
        }
    }

    /** A {@code serve} process on its own data directory, with its output and log collected. */
    static final class Serve implements AutoCloseable {
        final Process process;
        private final OutputStream in;
        private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
        private final BufferedReader direct;
        private final List<String> log = Collections.synchronizedList(new ArrayList<>());

        private Serve(Process process, boolean follow) {
            this.process = process;
            this.in = process.getOutputStream();
            if (follow) {
                follow(process.getInputStream(), out::add);
                direct = null;
            } else {
                direct = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            }
            follow(process.getErrorStream(), log::add);
        }

        static Serve start(Path data, String... extra) throws Exception {
            return start(data, true, extra);
        }

        /** With {@code follow}, replies are collected in the background; without, read when asked for. */
        static Serve start(Path data, boolean follow, String... extra) throws Exception {
            List<String> command = new ArrayList<>(List.of("serve", "--data-dir", data.toString()));
            command.addAll(List.of(extra));
            Serve serve = launch(follow, command.toArray(String[]::new));
            serve.awaitLog(MEMORY_READY);
            return serve;
        }

        /**
         * Starts {@code graphmemory} with {@code arguments} and returns once it answers MCP messages, which it does before its memory has
         * started (and whether or not the memory can start).
         */
        static Serve launch(boolean follow, String... arguments) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-jar",
                    JAR.toString()));
            command.addAll(List.of(arguments));
            Serve serve = new Serve(new ProcessBuilder(command).start(), follow);
            serve.awaitLog("MCP server ready");
            return serve;
        }

        /** Waits until the log has a line containing {@code text}. */
        void awaitLog(String text) throws InterruptedException {
            long deadline = System.nanoTime() + START.toNanos();
            while (!log().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("serve logged no '" + text + "':\n" + log());
                }
                Thread.sleep(50);
            }
        }

        void initialize() throws Exception {
            send(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"hostile\",\"version\":\"1\"}}}");
            assertThat(nextLine()).contains("\"serverInfo\"");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        void send(String line) throws IOException {
            sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        void sendRaw(byte[] bytes) throws IOException {
            in.write(bytes);
            in.flush();
        }

        String nextLine() throws InterruptedException, IOException {
            String line = direct != null ? direct.readLine() : out.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("a reply; log:\n%s", log()).isNotNull();
            return line;
        }

        String log() {
            synchronized (log) {
                return String.join("\n", log);
            }
        }

        private static void follow(java.io.InputStream stream, java.util.function.Consumer<String> sink) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    lines.lines().forEach(sink);
                } catch (IOException | java.io.UncheckedIOException closed) {
                    // the process ended, or the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
