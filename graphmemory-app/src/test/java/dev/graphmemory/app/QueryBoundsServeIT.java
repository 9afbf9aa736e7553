package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code graphmemory serve}, with the heap it is documented with ({@code -Xmx1g}), answering the queries
 * that once ran for twelve minutes, answered 65 million characters or took the process to 8.9 GB: every call ends
 * within the query timeout and a margin, every answer stays within its budget, and the process's peak resident memory
 * stays under the documented ceiling. The figures are printed for docs/reliability.md.
 */
class QueryBoundsServeIT {
    /** The documented ceiling of {@code serve} with {@code -Xmx1g}: heap, page cache (256 MiB) and the JVM's own. */
    static final long CEILING_BYTES = 1_792L * 1024 * 1024;

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BOUND = QUERY_TIMEOUT.plusSeconds(5);

    @Test
    void shouldEndEveryExpensiveQueryInTimeWithinItsBudgetAndUnderTheMemoryCeiling(@TempDir Path data)
            throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "reads peak memory from /proc");
        String pad = "p".repeat(100_000);
        List<String> queries = List.of(
                "{\"query\":\"RETURN reduce(s = '', i IN range(1, 10000000) | s + 'x') AS s\"}",
                "{\"query\":\"UNWIND range(1, 1000) AS i RETURN i, $pad AS pad\",\"parameters\":{\"pad\":\"" + pad
                        + "\"}}",
                "{\"query\":\"RETURN [x IN range(1, 100000) | $pad] AS l\",\"parameters\":{\"pad\":\""
                        + pad.substring(0, 650) + "\"}}",
                "{\"query\":\"UNWIND range(1, 100000) AS i RETURN i, [x IN range(1, 100000) | x] AS l\"}",
                "{\"query\":\"UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n\"}",
                "{\"query\":\"UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n\"}",
                "{\"query\":\"MATCH (a:Memory)-[*]-(b)-[*]-(c) WHERE a.namespace = $namespace RETURN count(*) AS n\"}",
                "{\"query\":\"UNWIND range(1, 100000) AS i WITH i, $pad + toString(i) AS s ORDER BY s DESC RETURN"
                        + " count(*) AS n\",\"parameters\":{\"pad\":\"" + pad.substring(0, 4_000) + "\"}}");
        try (ServeHostilityIT.Serve serve = ServeHostilityIT.Serve.start(data)) {
            serve.initialize();
            seed(serve);
            long worst = 0;
            int id = 100;
            List<String> figures = new ArrayList<>();
            for (String arguments : queries) {
                long started = System.nanoTime();
                serve.send("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"query_graph\",\"arguments\":" + arguments + "}}");
                String reply = serve.nextLine();
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                worst = Math.max(worst, took);
                String query = arguments.substring(0, Math.min(90, arguments.length()));
                figures.add(String.format("%6d ms %9d chars  %s", took, reply.length(), query));
                assertThat(Duration.ofMillis(took)).as(query).isLessThan(BOUND);
                // the text content and the structured content each hold the answer once: twice the budget at most
                assertThat(reply.length()).as(query).isLessThan(2 * 20_000 + 10_000);
            }
            long peak = peakResidentBytes(serve.process.pid());
            System.out.printf(
                    "serve -Xmx1g: the slowest expensive query ended after %d ms (timeout %d ms); peak resident"
                            + " memory %d MiB (ceiling %d MiB)%n%s%n",
                    worst,
                    QUERY_TIMEOUT.toMillis(),
                    peak / (1024 * 1024),
                    CEILING_BYTES / (1024 * 1024),
                    String.join("\n", figures));
            assertThat(peak).isLessThan(CEILING_BYTES);
            assertThat(serve.process.isAlive()).isTrue();
        }
    }

    /** Twenty memories, each commitment linked to each entity: paths through them explode. */
    private static void seed(ServeHostilityIT.Serve serve) throws Exception {
        StringBuilder entities = new StringBuilder();
        StringBuilder commitments = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            entities.append(i == 0 ? "" : ",")
                    .append("{\"key\":\"e")
                    .append(i)
                    .append("\",\"name\":\"Entity ")
                    .append(i)
                    .append("\",\"type\":\"project\"}");
            commitments
                    .append(i == 0 ? "" : ",")
                    .append("{\"key\":\"c")
                    .append(i)
                    .append("\",\"content\":\"Commitment ")
                    .append(i)
                    .append("\"}");
            for (int j = 0; j < 10; j++) {
                links.append(links.length() == 0 ? "" : ",")
                        .append("{\"from\":\"c")
                        .append(i)
                        .append("\",\"relationship\":\"INVOLVES\",\"to\":\"e")
                        .append(j)
                        .append("\"}");
            }
        }
        serve.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"store_memory\","
                + "\"arguments\":{\"entities\":[" + entities + "],\"commitments\":[" + commitments + "],\"links\":["
                + links + "]}}}");
        assertThat(serve.nextLine()).contains("\"isError\":false");
    }

    /** The highest resident set size of the process so far (VmHWM), in bytes. */
    static long peakResidentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }
}
