package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code graphmemory serve} answers its client at once: {@code initialize}, {@code tools/list} and
 * {@code ping} never wait for the database, a tool call waits for it, and a database that cannot start becomes a clear
 * error on every call while the server goes on answering.
 */
class ServeStartIT {
    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"start\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Test
    void shouldAnswerWhileTheDatabaseDoesNotAnswerAndSayWhyOnceItFails() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // a "database" that accepts and never says a word
                    }
                } catch (java.io.IOException closed) {
                    // the test closed it
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (ServeHostilityIT.Serve serve = ServeHostilityIT.Serve.launch(
                    true, "serve", "--uri", "bolt://127.0.0.1:" + silent.getLocalPort())) {
                serve.send(INITIALIZE);
                assertThat(serve.nextLine()).contains("\"serverInfo\"");
                serve.send(INITIALIZED);
                serve.send(TOOLS);
                assertThat(serve.nextLine()).contains("\"create_commitment\"").contains("\"search_memory\"");
                serve.send(ping(3));
                assertThat(serve.nextLine()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");
                assertThat(serve.log()).doesNotContain(ServeHostilityIT.MEMORY_READY);

                serve.send(call(4, "get_commitments"));
                silent.close(); // the database goes away: the start fails, and the waiting call says so
                for (Socket socket : accepted) {
                    socket.close();
                }
                String failed = serve.nextLine();
                assertThat(failed)
                        .contains("\"id\":4")
                        .contains("\"isError\":true")
                        .contains("could not start");
                serve.send(ping(5));
                assertThat(serve.nextLine()).contains("\"id\":5,\"result\":{}");

                serve.process.getOutputStream().close();
                assertThat(serve.process.waitFor(30, TimeUnit.SECONDS))
                        .as(serve.log())
                        .isTrue();
                assertThat(serve.process.exitValue()).as(serve.log()).isZero();
                assertThat(serve.log()).contains("The memory could not start").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void shouldAnswerEveryCallWithTheReasonTheEmbeddedDatabaseCannotStart(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        try (ServeHostilityIT.Serve serve = ServeHostilityIT.Serve.launch(
                true, "serve", "--data-dir", file.resolve("neo4j").toString())) {
            serve.send(INITIALIZE);
            assertThat(serve.nextLine()).contains("\"serverInfo\"");
            serve.send(INITIALIZED);
            for (int id = 2; id < 4; id++) {
                serve.send(call(id, "get_commitments"));
                assertThat(serve.nextLine())
                        .contains("\"isError\":true")
                        .contains("could not start")
                        .contains("cannot be created");
            }
            serve.process.getOutputStream().close();
            assertThat(serve.process.waitFor(30, TimeUnit.SECONDS))
                    .as(serve.log())
                    .isTrue();
            assertThat(serve.process.exitValue()).as(serve.log()).isZero();
            assertThat(serve.log())
                    .containsOnlyOnce("The memory could not start: cannot start the database")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void shouldServeACallMadeRightAfterInitializeOnceTheEmbeddedDatabaseHasStarted(@TempDir Path data)
            throws Exception {
        try (ServeHostilityIT.Serve serve =
                ServeHostilityIT.Serve.launch(true, "serve", "--data-dir", data.toString())) {
            serve.send(INITIALIZE);
            assertThat(serve.nextLine()).contains("\"serverInfo\"");
            serve.send(INITIALIZED);
            serve.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"create_commitment\",\"arguments\":{\"content\":\"Send the deck\",\"to_whom\":\"Dana\"}}}");

            assertThat(serve.nextLine())
                    .contains("\"id\":2")
                    .contains("\"isError\":false")
                    .contains("Send the deck");
            String log = serve.log();
            assertThat(log.indexOf("MCP server ready"))
                    .as("the server answers before the database has started:\n%s", log)
                    .isLessThan(log.indexOf("Embedded Neo4j started"));
        }
    }

    private static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    private static String call(int id, String tool) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{}}}";
    }
}
