package dev.graphmemory.contract;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.SearchQuery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A second graphmemory process for {@link MultiProcessIT}: a {@code GraphMemory} of its own on the test's Neo4j, driven
 * line by line on standard input, answering one line per command on standard output.
 *
 * <ul>
 *   <li>{@code entities PREFIX FROM TO}: creates the entities {@code PREFIX i} one call each, and a commitment per
 *       entity; answers {@code ok}
 *   <li>{@code entity NAME}: creates one entity; answers {@code ok ID} once it is stored (acknowledged)
 *   <li>{@code search TERMS}: answers {@code hits N}
 *   <li>{@code close}: closes the memory (its indexer indexes what is still pending) and answers {@code indexed N}, the
 *       nodes its indexer relabelled
 * </ul>
 *
 * <p>Arguments: the Bolt URI and the namespace.
 */
public final class MemoryProcess {
    private MemoryProcess() {}

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                .uri(URI.create(args[0]))
                .namespace(args[1])
                .meterRegistry(registry)
                .build());
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.split(" ", 2);
            switch (words[0]) {
                case "entities" -> {
                    String[] range = words[1].split(" ");
                    for (int i = Integer.parseInt(range[1]); i < Integer.parseInt(range[2]); i++) {
                        memory.createEntity(NewEntity.of(range[0] + " " + i, EntityType.PERSON));
                        memory.createCommitment(NewCommitment.of("Call " + range[0] + " " + i));
                    }
                    System.out.println("ok");
                }
                case "entity" ->
                    System.out.println("ok "
                            + memory.createEntity(NewEntity.of(words[1], EntityType.PERSON))
                                    .id());
                case "search" ->
                    System.out.println("hits "
                            + memory.searchMemory(SearchQuery.of(words[1]).limit(200))
                                    .hits()
                                    .size());
                case "close" -> {
                    memory.close();
                    double indexed = registry.find("graphmemory.search.indexed").counters().stream()
                            .mapToDouble(counter -> counter.count())
                            .sum();
                    System.out.println("indexed " + (long) indexed);
                    System.out.flush();
                    System.exit(0);
                }
                default -> System.out.println("unknown " + line);
            }
            System.out.flush();
        }
    }
}
