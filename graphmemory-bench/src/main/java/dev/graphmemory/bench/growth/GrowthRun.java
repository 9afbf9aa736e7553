package dev.graphmemory.bench.growth;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.Options;
import dev.graphmemory.bench.plans.PlanCache;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grows one namespace from empty to {@link #target} memories through single calls, the mix an assistant makes, and
 * times every call: a turn stored with {@code storeMemory} (a commitment, a decision and three entities, one of them a
 * project met again every ten turns, four links), an entity and a commitment of their own, a link between them, the
 * context of the project, and a search for the turn before. One call at a time, as one assistant makes them, on an
 * embedded Neo4j of its own that starts empty: Neo4j plans every statement anew whenever the counts it planned for have
 * drifted, which on a growing graph happens again and again, and a call that meets a re-plan waits for it.
 *
 * <p>The latencies are kept per operation and per tenth of the target, with Neo4j's own count of re-plans in each
 * tenth; the first minute (first plans, JIT, page cache) is reported apart.
 */
public final class GrowthRun {
    private static final Logger LOG = LoggerFactory.getLogger(GrowthRun.class);

    /** The operations of the mix, in the order of each step. */
    enum Operation {
        STORE_MEMORY("storeMemory"),
        CREATE_ENTITY("createEntity"),
        CREATE_COMMITMENT("createCommitment"),
        LINK_NODES("linkNodes"),
        GET_ENTITY_CONTEXT("getEntityContext"),
        SEARCH_MEMORY("searchMemory");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** A timed call. */
    @FunctionalInterface
    private interface Call {
        void run();
    }

    private final int target;
    private final Duration limit;
    private final List<GrowthSection.Window> windows = new ArrayList<>();
    private final Map<Operation, List<Long>> afterFirstMinute = new EnumMap<>(Operation.class);
    private final List<GrowthSection.SlowCall> slowCalls = new ArrayList<>();
    private Map<Operation, List<Long>> current;
    private long started;
    private int memories;

    private GrowthRun(int target, Duration limit) {
        this.target = target;
        this.limit = limit;
        for (Operation operation : Operation.values()) {
            afterFirstMinute.put(operation, new ArrayList<>());
        }
    }

    /** Runs the growth of the mode's size (200,000 memories in the full mode) and returns its section. */
    public static GrowthSection run(Options options) {
        // the longest it may take: it stops there even short of its size (-Dgraphmemory.bench.growth.minutes=N)
        int minutes = Integer.getInteger("graphmemory.bench.growth.minutes", options.pick(2, 90));
        GrowthRun run = new GrowthRun(options.pick(4_000, 200_000), Duration.ofMinutes(minutes));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder()
                        .pageCacheBytes(ByteUnit.mebiBytes(512))
                        .start();
                GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                        .uri(neo4j.boltUri())
                        .namespace("growth")
                        .planWarmUp(true) // as graphmemory serve
                        .build())) {
            return run.grow(memory, PlanCache.of(neo4j));
        }
    }

    private GrowthSection grow(GraphMemory memory, PlanCache plans) {
        started = System.nanoTime();
        int window = target / 10;
        long windowStart = started;
        long replansAtStart = plans.replans();
        long waitAtStart = plans.replanWaitMillis();
        int windowFrom = 0;
        current = newWindow();
        int step = 0;
        while (memories < target && System.nanoTime() - started < limit.toNanos()) {
            step(memory, step++);
            if (memories >= windowFrom + window || memories >= target) {
                long now = System.nanoTime();
                windows.add(GrowthSection.Window.of(
                        windowFrom,
                        memories,
                        Duration.ofNanos(now - started),
                        Duration.ofNanos(now - windowStart),
                        plans.replans() - replansAtStart,
                        plans.replanWaitMillis() - waitAtStart,
                        current));
                LOG.info(
                        "Growth: {} memories after {} s, {} re-plans in this tenth",
                        memories,
                        (now - started) / 1_000_000_000,
                        plans.replans() - replansAtStart);
                windowFrom = memories;
                windowStart = now;
                replansAtStart = plans.replans();
                waitAtStart = plans.replanWaitMillis();
                current = newWindow();
            }
        }
        return new GrowthSection(
                target,
                memories,
                Duration.ofNanos(System.nanoTime() - started),
                windows,
                GrowthSection.Summary.of(afterFirstMinute),
                slowCalls,
                plans.replans());
    }

    private void step(GraphMemory memory, int i) {
        String project = "Project " + (i / 10);
        NewMemory turn = NewMemory.builder()
                .commitment(
                        "commitment",
                        NewCommitment.of("Send the proposal to client " + i).toWhom("Client " + i))
                .decision("decision", NewDecision.of("Pilot with client " + i + " first", "Lower risk"))
                .entity("person", NewEntity.of("Person " + i, EntityType.PERSON))
                .entity("client", NewEntity.of("Client " + i, EntityType.CLIENT))
                .entity("project", NewEntity.of(project, EntityType.PROJECT))
                .link("decision", RelationshipType.LEADS_TO, "commitment")
                .link("commitment", RelationshipType.INVOLVES, "person")
                .link("commitment", RelationshipType.INVOLVES, "client")
                .link("decision", RelationshipType.INVOLVES, "project")
                .build();
        time(Operation.STORE_MEMORY, () -> memory.storeMemory(turn));
        Entity[] contact = new Entity[1];
        time(
                Operation.CREATE_ENTITY,
                () -> contact[0] = memory.createEntity(NewEntity.of("Contact " + i, EntityType.PERSON)));
        Commitment[] followUp = new Commitment[1];
        time(
                Operation.CREATE_COMMITMENT,
                () -> followUp[0] = memory.createCommitment(NewCommitment.of("Follow up with contact " + i)));
        time(
                Operation.LINK_NODES,
                () -> memory.linkNodes(NewLink.of(followUp[0].id(), RelationshipType.INVOLVES, contact[0].id())));
        time(Operation.GET_ENTITY_CONTEXT, () -> memory.getEntityContext(project));
        String previous = "client " + Math.max(0, i - 1);
        time(
                Operation.SEARCH_MEMORY,
                () -> memory.searchMemory(SearchQuery.of("proposal " + previous).limit(5)));
        memories += 6 + (i % 10 == 0 ? 1 : 0); // commitment, decision, person, client, contact, follow-up; a project
    }

    private void time(Operation operation, Call call) {
        long start = System.nanoTime();
        call.run();
        long took = System.nanoTime() - start;
        current.get(operation).add(took);
        if (start - started >= Duration.ofMinutes(1).toNanos()) {
            afterFirstMinute.get(operation).add(took);
            if (took > GrowthSection.SLOW.toNanos()) {
                slowCalls.add(new GrowthSection.SlowCall(
                        operation.label, took / 1e6, memories, Duration.ofNanos(start - started)));
                // its time in the log, to set beside Neo4j's debug log and a GC log
                LOG.info("Growth: {} took {} ms at {} memories", operation.label, took / 1_000_000, memories);
            }
        }
    }

    private static Map<Operation, List<Long>> newWindow() {
        Map<Operation, List<Long>> window = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            window.put(operation, new ArrayList<>());
        }
        return window;
    }
}
