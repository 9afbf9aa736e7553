package dev.graphmemory.bench.report;

/**
 * The machine a run measured.
 *
 * @param cpu the processor model
 * @param cores the cores available to the JVM
 * @param memoryMiB the machine's memory
 * @param os the operating system and architecture
 * @param java the Java runtime
 * @param heapMiB the benchmark JVM's maximum heap
 * @param neo4j the Neo4j server version (embedded, in the benchmark process)
 * @param driver the Neo4j Java driver version
 */
public record MachineInfo(
        String cpu, int cores, long memoryMiB, String os, String java, long heapMiB, String neo4j, String driver) {

    /** One line for a report. */
    public String describe() {
        return "%s, %d cores, %,d MiB RAM, %s, Java %s (heap %,d MiB), Neo4j %s embedded, driver %s"
                .formatted(cpu, cores, memoryMiB, os, java, heapMiB, neo4j, driver);
    }
}
