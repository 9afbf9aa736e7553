package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A server's memory starting in the background ({@link BackgroundStart}) behind real tool calls on the shared Neo4j:
 * a call made while it starts waits for it, one that waits too long and one made after a failed start get a clear
 * {@code unavailable} error, and arguments are checked without waiting.
 */
@Neo4jTest
class BackgroundStartIT {
    private static final Map<String, Object> COMMITMENT = Map.of("content", "Send the deck", "to_whom", "Dana");

    @Test
    void shouldAnswerACallMadeWhileTheMemoryStartsOnceItHasStarted(SharedNeo4j neo4j, TestNamespace namespace)
            throws Exception {
        CountDownLatch database = new CountDownLatch(1);
        try (BackgroundStart memory = BackgroundStart.begin(
                gated(database, options(neo4j.server().boltUri(), namespace)), Duration.ofSeconds(60), ready -> {})) {
            ToolCalls calls = new ToolCalls(memory);
            CompletableFuture<ToolCalls.Outcome> early =
                    CompletableFuture.supplyAsync(() -> calls.call("create_commitment", COMMITMENT));

            Thread.sleep(300);
            assertThat(early)
                    .as("the call waits while the database is not there")
                    .isNotDone();
            database.countDown();

            ToolCalls.Outcome created = early.get(60, TimeUnit.SECONDS);
            assertThat(created.error()).as("%s", created.content()).isFalse();
            assertThat(calls.call("get_commitments", Map.of()).content().toString())
                    .contains((String) created.content().get("id"));
        }
    }

    @Test
    void shouldAnswerUnavailableWhenTheStartTakesLongerThanACallWaits(SharedNeo4j neo4j, TestNamespace namespace) {
        CountDownLatch database = new CountDownLatch(1);
        try (BackgroundStart memory = BackgroundStart.begin(
                gated(database, options(neo4j.server().boltUri(), namespace)), Duration.ofMillis(200), ready -> {})) {
            ToolCalls calls = new ToolCalls(memory);

            ToolCalls.Outcome waited = calls.call("create_commitment", COMMITMENT);
            ToolCalls.Outcome invalid = calls.call("create_commitment", Map.of("to_whom", "Dana"));

            assertThat(waited.error()).isTrue();
            assertThat(waited.content())
                    .containsEntry("error", "unavailable")
                    .extractingByKey("message")
                    .asString()
                    .contains("still starting");
            assertThat(invalid.content())
                    .containsEntry("error", "invalid_input")
                    .containsEntry("field", "content");
            database.countDown(); // closing waits for the start to end
        }
    }

    @Test
    void shouldAnswerEveryCallWithTheReasonTheStartFailed(TestNamespace namespace) throws Exception {
        URI nowhere;
        try (ServerSocket closed = new ServerSocket(0)) {
            nowhere = URI.create("bolt://127.0.0.1:" + closed.getLocalPort()); // nothing listens there any more
        }
        try (BackgroundStart memory = BackgroundStart.begin(
                () -> MemoryRuntime.start(options(nowhere, namespace)), Duration.ofSeconds(60), ready -> {})) {
            ToolCalls calls = new ToolCalls(memory);

            for (int call = 0; call < 2; call++) {
                ToolCalls.Outcome failed = calls.call("get_commitments", Map.of());
                assertThat(failed.error()).isTrue();
                assertThat(failed.content())
                        .containsEntry("error", "unavailable")
                        .extractingByKey("message")
                        .asString()
                        .contains("could not start")
                        .contains("unavailable")
                        .contains("restarted");
            }
        }
    }

    /** Starts the runtime once {@code gate} opens, as an embedded database starts after a while. */
    private static Supplier<MemoryRuntime> gated(CountDownLatch gate, ConnectionOptions options) {
        return () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return MemoryRuntime.start(options);
        };
    }

    private static ConnectionOptions options(URI uri, TestNamespace namespace) {
        ConnectionOptions options = new ConnectionOptions();
        options.uri = uri;
        options.namespace = namespace.value();
        return options;
    }
}
