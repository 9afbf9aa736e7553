package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.app.tools.ToolCalls;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-JVM stdio server on operating-system pipes, and a client that writes raw lines to it and reads its replies.
 * Pipes rather than {@code PipedInputStream}, which fails once the thread that last wrote to it has ended.
 */
final class PipedStdio implements AutoCloseable {
    static final Duration REPLY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StdioMcpServer server;
    private final OutputStream toServer;
    private final InputStream fromServer;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean outputGone;
    private int nextId = 1000;

    PipedStdio(ToolCalls calls, int maxMessageBytes) throws IOException {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        toServer = Channels.newOutputStream(in.sink());
        fromServer = Channels.newInputStream(out.source());
        OutputStream toClient = Channels.newOutputStream(out.sink());
        // What a pipe whose reader is gone does (EPIPE), at once: closing a channel that another thread reads from
        // takes effect only once that read returns, and meanwhile the server's replies still went through.
        OutputStream serverOut = new FilterOutputStream(toClient) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (outputGone) {
                    throw new IOException("Broken pipe");
                }
                out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        server = StdioMcpServer.start(calls, "test", Channels.newInputStream(in.source()), serverOut, maxMessageBytes);
        reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            replies.add(line);
                        }
                    } catch (IOException | UncheckedIOException e) {
                        // the test closed its end
                    }
                },
                "test-stdio-replies");
        reader.setDaemon(true);
        reader.start();
    }

    StdioMcpServer server() {
        return server;
    }

    /** Sends the initialize request and the initialized notification. */
    void initialize() throws Exception {
        JsonNode reply = request(
                "initialize",
                Map.of(
                        "protocolVersion", "2025-06-18",
                        "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "hostile", "version", "1")));
        assertThat(reply.path("result").path("serverInfo").path("name").asString())
                .isEqualTo("graphmemory");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** Sends one line as it is. */
    void send(String line) throws IOException {
        send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** Sends a request and returns the reply with its id. */
    JsonNode request(String method, Object params) throws Exception {
        int id = nextId++;
        send(JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)));
        return replyTo(id);
    }

    /** Whether the server answers a ping. */
    boolean answersPing() throws Exception {
        int id = nextId++;
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
        JsonNode reply = replyTo(id);
        return reply.has("result");
    }

    /** The next reply, whatever its id. */
    JsonNode nextReply() throws InterruptedException {
        String line = replies.poll(REPLY.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a reply within %s", REPLY).isNotNull();
        return JSON.readTree(line);
    }

    /** The reply with this id; replies to other ids before it are skipped. */
    JsonNode replyTo(Object id) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (System.nanoTime() < deadline) {
            String line = replies.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                JsonNode reply = JSON.readTree(line);
                if (reply.path("id").asString("").equals(String.valueOf(id))) {
                    return reply;
                }
            }
        }
        throw new AssertionError("no reply to " + id + " within " + REPLY);
    }

    /** Ends the server's input, as a client that goes away does. */
    void closeInput() throws IOException {
        toServer.close();
    }

    /** The stacks of this JVM's threads that serve or test stdio, to say where a server that did not end waits. */
    static String threads() {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("stdio") || thread.getName().contains("boundedElastic")) {
                text.append(thread.getName())
                        .append(' ')
                        .append(thread.getState())
                        .append('\n');
                for (StackTraceElement frame : stack) {
                    text.append("    ").append(frame).append('\n');
                }
            }
        });
        return text.toString();
    }

    /** Stops reading the server's output, as a client that goes away does. */
    void closeOutput() throws IOException {
        outputGone = true;
        reader.interrupt();
        fromServer.close();
    }

    /** Whether serving ended within {@code limit}. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            try {
                server.awaitEndOfInput();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(limit.toMillis());
        return !waiter.isAlive();
    }

    @Override
    public void close() throws IOException {
        try {
            toServer.close();
        } finally {
            server.close();
        }
    }
}
