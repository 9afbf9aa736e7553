package dev.graphmemory.bench;

import dev.graphmemory.bench.report.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the measurements ran on. */
public final class Machine {
    private Machine() {}

    public static String describe() {
        return info().describe();
    }

    /** The machine, from the JVM and, on Linux, {@code /proc}. */
    static MachineInfo info() {
        Runtime runtime = Runtime.getRuntime();
        return new MachineInfo(
                cpu(),
                runtime.availableProcessors(),
                memoryMiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                runtime.maxMemory() / (1024 * 1024),
                org.neo4j.kernel.internal.Version.getNeo4jVersion(),
                driverVersion());
    }

    private static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
            }
        }
        return System.getProperty("os.arch");
    }

    private static long memoryMiB() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    private static String driverVersion() {
        String resource = "/META-INF/maven/org.neo4j.driver/neo4j-java-driver/pom.properties";
        try (var in = org.neo4j.driver.Driver.class.getResourceAsStream(resource)) {
            var properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
