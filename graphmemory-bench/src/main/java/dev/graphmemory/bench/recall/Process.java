package dev.graphmemory.bench.recall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.driver.Driver;

/** What the benchmark reads about its own process and the graph. */
final class Process {
    private Process() {}

    /** The process's peak resident memory ({@code VmHWM}), in MiB; 0 where {@code /proc} is not there. */
    static long peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** A count, with {@code $namespace} bound. */
    static long count(Driver driver, String query, String namespace) {
        return driver.executableQuery(query)
                .withParameters(Map.of("namespace", namespace))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }
}
