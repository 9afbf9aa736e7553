package dev.graphmemory.bench.startup;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * One fresh process, as {@code graphmemory serve} is when an assistant starts it: an embedded Neo4j on an existing
 * memory store, the library connected to it, then every tool's operation called once (its first call in this process)
 * and then {@value #WARM} times more (warm). Started by {@link StartupRun} as a child JVM; prints one line per tool on
 * standard output: {@code tool <tab> first call ns <tab> warm median ns}, after a line {@code start <tab> ms}.
 *
 * <p>Arguments: the data directory, {@code on} or {@code off} for the plan warm-up, and how long to wait between
 * connecting and the first call (the MCP handshake, in ms).
 */
public final class FirstCalls {
    static final int WARM = 9;

    private FirstCalls() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean warmUp = args[1].equals("on");
        long pause = Long.parseLong(args[2]);
        long started = System.nanoTime();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(data).start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace(StartupRun.NAMESPACE)
                        .planWarmUp(warmUp)
                        .build())) {
            System.out.println("start\t" + (System.nanoTime() - started) / 1_000_000);
            Thread.sleep(pause);
            Map<String, IntConsumer> tools = tools(memory);
            Map<String, Long> first = new LinkedHashMap<>();
            for (var tool : tools.entrySet()) {
                first.put(tool.getKey(), time(tool.getValue(), 0));
            }
            for (var tool : tools.entrySet()) {
                List<Long> warm = new ArrayList<>();
                for (int i = 1; i <= WARM; i++) {
                    warm.add(time(tool.getValue(), i));
                }
                warm.sort(null);
                System.out.println(tool.getKey() + "\t" + first.get(tool.getKey()) + "\t" + warm.get(WARM / 2));
            }
        }
        System.out.flush();
        System.exit(0); // the driver's and Neo4j's non-daemon threads are closed; leave no straggler behind
    }

    private static long time(IntConsumer call, int round) {
        long start = System.nanoTime();
        call.accept(round);
        return System.nanoTime() - start;
    }

    /**
     * The operation behind each MCP tool, in the order an assistant meets them in {@code docs/tools.md}; each call of
     * round {@code i} works on memories of its own. The first, {@code health_check}, also pays what any first call
     * would (the connection, the driver's and the server's first round trips), so that the others show their own.
     */
    static Map<String, IntConsumer> tools(GraphMemory memory) {
        Map<String, IntConsumer> tools = new LinkedHashMap<>();
        List<Commitment> commitments = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        List<Conversation> conversations = new ArrayList<>();
        float[] vector = new float[memory.config().embeddingDimensions()];
        tools.put("health_check", i -> memory.healthCheck());
        tools.put(
                "create_commitment",
                i -> commitments.add(memory.createCommitment(
                        NewCommitment.of("Send the report " + i).toWhom("Dana"))));
        tools.put(
                "complete_commitment",
                i -> memory.completeCommitment(commitments.get(i).id(), "Sent"));
        tools.put("get_commitments", i -> memory.getCommitments(CommitmentQuery.all()));
        tools.put(
                "record_decision",
                i -> decisions.add(memory.recordDecision(NewDecision.of("Use plan " + i, "Cheaper"))));
        tools.put("get_decisions", i -> memory.getDecisions(DecisionQuery.all()));
        tools.put(
                "supersede_decision",
                i -> memory.supersedeDecision(
                        decisions.get(i).id(), NewDecision.of("Use plan " + i + "b", "Cheaper still")));
        tools.put(
                "record_pattern",
                i -> memory.recordPattern(PatternObservation.of("Works late on Fridays " + i, PatternType.BEHAVIOR)));
        tools.put("get_patterns", i -> memory.getPatterns(PatternQuery.all()));
        tools.put(
                "start_session", i -> conversations.add(memory.startConversation(NewConversation.of("Planning " + i))));
        tools.put(
                "end_session",
                i -> memory.endConversation(
                        new ConversationEnd(conversations.get(i).id(), "Planned", null)));
        tools.put("record_energy", i -> memory.recordEnergy(EnergyReading.of(EnergyLevel.HIGH)));
        tools.put(
                "create_entity", i -> entities.add(memory.createEntity(NewEntity.of("Dana " + i, EntityType.PERSON))));
        tools.put("get_entity_context", i -> memory.getEntityContext("Dana " + i));
        tools.put(
                "link_nodes",
                i -> memory.linkNodes(NewLink.of(
                        commitments.get(i).id(),
                        RelationshipType.INVOLVES,
                        entities.get(i).id())));
        tools.put(
                "find_related",
                i -> memory.findRelated(RelatedQuery.around(entities.get(i).id())));
        tools.put(
                "store_memory",
                i -> memory.storeMemory(NewMemory.builder()
                        .commitment("c", NewCommitment.of("Call the supplier " + i))
                        .decision("d", NewDecision.of("Switch supplier " + i, "Late twice"))
                        .entity("e", NewEntity.of("Supplier " + i, EntityType.ORGANIZATION))
                        .link("d", RelationshipType.LEADS_TO, "c")
                        .link("c", RelationshipType.INVOLVES, "e")
                        .build()));
        tools.put(
                "create_entities",
                i -> memory.createEntities(
                        List.of(
                                NewEntity.of("Ann " + i, EntityType.PERSON),
                                NewEntity.of("Bo " + i, EntityType.PERSON)),
                        BatchMode.ATOMIC));
        tools.put(
                "create_commitments",
                i -> memory.createCommitments(
                        List.of(NewCommitment.of("Book " + i), NewCommitment.of("Pay " + i)), BatchMode.ATOMIC));
        tools.put(
                "record_patterns",
                i -> memory.recordPatterns(
                        List.of(PatternObservation.of("Skips lunch " + i, PatternType.BEHAVIOR)), BatchMode.ATOMIC));
        tools.put(
                "link_nodes_batch",
                i -> memory.linkNodes(
                        List.of(NewLink.of(
                                decisions.get(i).id(),
                                RelationshipType.LEADS_TO,
                                commitments.get(i).id())),
                        BatchMode.ATOMIC));
        tools.put("search_memory", i -> memory.searchMemory(SearchQuery.of("report " + i)));
        tools.put("timeline", i -> memory.timeline(TimelineQuery.lastDays(7)));
        tools.put(
                "query_graph",
                i -> memory.queryGraph(
                        GraphQuery.of("MATCH (c:Commitment) WHERE c.namespace = $namespace RETURN c.content LIMIT 5")));
        tools.put("set_embedding", i -> {
            vector[i % vector.length] = 1f;
            memory.setEmbedding(commitments.get(i).id(), Embedding.of(vector.clone()));
        });
        tools.put(
                "similar_memories",
                i -> memory.similarMemories(
                        SimilarityQuery.like(commitments.get(i).id())));
        tools.put("forget", i -> memory.forget(entities.get(i).id()));
        tools.put(
                "forget_namespace",
                i -> memory.withNamespace(StartupRun.NAMESPACE + "-gone-" + i).forgetNamespace());
        return tools;
    }
}
