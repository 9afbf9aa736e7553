package dev.graphmemory.app;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.ui.InspectorServer;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Measures the inspector's pages on a namespace of 100,000 memories (not a test: timings are measured, never
 * asserted). 40,000 commitments (half overdue), 20,000 decisions, 20,000 patterns (some observed many times),
 * 20,000 entities, and one entity linked from 5,000 commitments; embeddings off (the search is by words). Prints,
 * for each page, the first answer's time and the median of five more.
 *
 * <pre>{@code
 * ./mvnw -Dmaven.repo.local=… -o test-compile -pl graphmemory-app -am
 * java -cp graphmemory-app/target/test-classes:graphmemory-app/target/classes:$(cat cp.txt) \
 *     dev.graphmemory.app.InspectorTimings [DATA_DIR]   # a directory it filled before: measure again
 * }</pre>
 */
final class InspectorTimings {
    private static final int CHUNK = 2_000;

    public static void main(String[] args) throws Exception {
        boolean filled = args.length > 0; // a data directory this tool filled before
        Path data = filled ? Path.of(args[0]) : Files.createTempDirectory("inspector-timings");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(data).start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace("timings")
                        .embeddings(Embeddings.off())
                        .build())) {
            long start = System.nanoTime();
            Map<String, String> ids = filled ? found(memory) : fill(memory);
            System.out.printf("filled 100,000 memories in %.0f s (%s)%n", (System.nanoTime() - start) / 1e9, data);
            try (InspectorServer server = InspectorServer.start(() -> memory, 0, "timings")) {
                URI base = server.uri();
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("search (words)", "?q=proposal%20client&mode=words");
                pages.put("search, 200 hits", "?q=proposal&mode=words&limit=200");
                pages.put("timeline", "timeline");
                pages.put("open commitments", "commitments");
                pages.put("overdue commitments", "commitments?overdue=1");
                pages.put("patterns by strength", "patterns");
                pages.put("entity with 5,000 links", "memory/" + ids.get("hub"));
                pages.put("its graph (JSON)", "api/graph/" + ids.get("hub"));
                pages.put("a commitment", "memory/" + ids.get("commitment"));
                pages.put("forget confirmation", "memory/" + ids.get("commitment") + "/forget");
                HttpClient http = HttpClient.newHttpClient();
                System.out.println("| page | first | median of 5 | bytes |");
                System.out.println("|---|---:|---:|---:|");
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    time(http, page.getKey(), base.resolve("/" + page.getValue()));
                }
                // Deep pages: follow the "next" link 20 times and time the page reached.
                for (String list : List.of("commitments", "patterns", "timeline")) {
                    URI deep = base.resolve("/" + list);
                    for (int i = 0; i < 20; i++) {
                        String body = get(http, deep).body();
                        Matcher next = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"")
                                .matcher(body);
                        if (!next.find()) {
                            break;
                        }
                        deep = base.resolve(next.group(1).replace("&amp;", "&"));
                    }
                    time(http, list + ", 21st page", deep);
                }
            }
        }
    }

    private static Map<String, String> fill(GraphMemory memory) {
        Map<String, String> ids = new LinkedHashMap<>();
        Entity hub = memory.createEntity(NewEntity.of("Acme Corp", EntityType.CLIENT));
        ids.put("hub", hub.id());
        LocalDate today = LocalDate.now();
        for (int chunk = 0; chunk < 40_000 / CHUNK; chunk++) {
            List<NewCommitment> commitments = new ArrayList<>();
            for (int i = 0; i < CHUNK; i++) {
                int n = chunk * CHUNK + i;
                commitments.add(NewCommitment.of("Send the client proposal number " + n + " with the figures")
                        .toWhom("Person " + (n % 500))
                        .due(today.plusDays(n % 2 == 0 ? -(n % 90) - 1 : (n % 90) + 1)));
            }
            List<Commitment> made =
                    memory.createCommitments(commitments, BatchMode.ATOMIC).values();
            ids.putIfAbsent("commitment", made.get(0).id());
            if (chunk < 5_000 / CHUNK + 1) {
                List<NewLink> links = new ArrayList<>();
                for (Commitment commitment : made.subList(0, Math.min(made.size(), 5_000 - chunk * CHUNK))) {
                    links.add(NewLink.of(commitment.id(), dev.graphmemory.model.RelationshipType.INVOLVES, hub.id()));
                }
                if (!links.isEmpty()) {
                    memory.linkNodes(links, BatchMode.ATOMIC);
                }
            }
        }
        for (int chunk = 0; chunk < 20_000 / CHUNK; chunk++) {
            List<NewDecision> decisions = new ArrayList<>();
            List<PatternObservation> patterns = new ArrayList<>();
            List<NewEntity> entities = new ArrayList<>();
            for (int i = 0; i < CHUNK; i++) {
                int n = chunk * CHUNK + i;
                decisions.add(NewDecision.of("Choose vendor " + n, "Cheaper and closer to the client " + n));
                patterns.add(PatternObservation.of("Works best on task kind " + n, PatternType.SUCCESS));
                entities.add(NewEntity.of("Entity number " + n, EntityType.PERSON));
            }
            memory.recordDecisions(decisions, BatchMode.ATOMIC);
            memory.recordPatterns(patterns, BatchMode.ATOMIC);
            memory.createEntities(entities, BatchMode.ATOMIC);
        }
        // Some patterns seen again: strengths from 0.5 to 1.0.
        List<PatternObservation> again = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            for (int times = 0; times < n % 6; times++) {
                again.add(PatternObservation.of("Works best on task kind " + n, PatternType.SUCCESS));
            }
        }
        for (int from = 0; from < again.size(); from += CHUNK) {
            memory.recordPatterns(again.subList(from, Math.min(again.size(), from + CHUNK)), BatchMode.ATOMIC);
        }
        return ids;
    }

    private static Map<String, String> found(GraphMemory memory) {
        return Map.of(
                "hub", memory.getEntityContext("Acme Corp", 1).entity().id(),
                "commitment",
                        memory.getCommitments(CommitmentQuery.all().limit(1))
                                .get(0)
                                .id());
    }

    private static void time(HttpClient http, String name, URI uri) throws Exception {
        long first = System.nanoTime();
        HttpResponse<String> response = get(http, uri);
        double firstMs = (System.nanoTime() - first) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            get(http, uri);
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        System.out.printf(
                "| %s | %.0f ms | %.1f ms | %,d |%n",
                name, firstMs, runs[2], response.body().length());
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer timings")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
