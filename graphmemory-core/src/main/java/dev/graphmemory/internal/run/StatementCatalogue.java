package dev.graphmemory.internal.run;

import dev.graphmemory.internal.cypher.AliasStatements;
import dev.graphmemory.internal.cypher.DecisionStatements;
import dev.graphmemory.internal.cypher.EmbeddingStatements;
import dev.graphmemory.internal.cypher.FactStatements;
import dev.graphmemory.internal.cypher.SearchIndexing;
import dev.graphmemory.internal.cypher.SearchStatements;
import dev.graphmemory.internal.cypher.StoreMemoryStatement;
import dev.graphmemory.internal.driver.PlanKeeper;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.work.Batches;
import dev.graphmemory.internal.work.Chain;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Sequence;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.internal.work.Timed;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.TurnQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every statement the library sends, once each, with parameters of the types its operations send: what the plan
 * warm-up plans at start-up ({@link PlanWarmUp}), what {@code GraphMemory.planStatements} measures, and what the
 * plan tests check.
 *
 * <p>Neo4j caches a plan per statement text <em>and per parameter type</em> (a {@code null} is a type of its own), so
 * the parameters here are those of the common calls: the defaults of each query, one row for single writes, and as
 * many rows as make a batch label its own nodes for search (a text of its own, see {@link SearchIndexing}). The
 * order is that of first use by an assistant: the reads a conversation starts with, then the writes, so that a
 * warm-up under way has planned a statement by the time its first call comes.
 */
public final class StatementCatalogue {
    /** The namespace of the catalogue's parameters; never written: the statements are only planned. */
    static final String NAMESPACE = "graphmemory-plan";

    private static final String SOME_ID = "0192f0a0-0000-7000-8000-000000000000";
    /** The depths of {@code findRelated} with statements of their own: each exact one, and the deepest. */
    private static final int[] RELATED_DEPTHS = {1, 2, 3, 4, 5, Limits.MAX_DEPTH};

    /**
     * The namespace the warm-up runs the catalogue's statements in for a memory of {@code namespace}: as long as it,
     * so that a server that keeps a plan per order of magnitude of a string parameter's length (Neo4j's default) files
     * the warm-up's plans where the memory's calls look for them, and made of a character no namespace may have, so
     * that no memory is ever read or written by the warm-up.
     */
    public static String rehearsalNamespace(String namespace) {
        return "~".repeat(namespace.length());
    }

    /**
     * The statements that often run after another write of the same transaction: the writes an assistant groups in
     * one transaction (a memory, its entities and decisions, then links), and a superseding decision after its check.
     * Neo4j keeps a plan apart for a transaction that has written already, so the warm-up runs each of these once
     * more after a {@linkplain #firstWrite first write} of its own.
     */
    private static final java.util.regex.Pattern AFTER_A_WRITE = java.util.regex.Pattern.compile(
            "recordDecision|createEntity|recordPattern|storeMemory|linkNodes [A-Z_]+|supersedeDecision");

    private StatementCatalogue() {}

    /** Whether {@code entry} also runs after another write of the same transaction, planned apart by Neo4j. */
    static boolean afterAWrite(Entry entry) {
        return AFTER_A_WRITE.matcher(entry.label()).matches();
    }

    /** A write that leaves {@code entry} a transaction that has written, in the namespace of its parameters. */
    static Entry firstWrite(Entry entry) {
        return new Entry(
                "a first write",
                Statement.write(
                        "warmUp",
                        "CREATE (:Memory {namespace: $namespace})",
                        Map.of("namespace", entry.statement().parameters().get("namespace")),
                        rows -> null));
    }

    /**
     * One statement of the catalogue.
     *
     * @param label the operation and what makes this statement one of its own, e.g. {@code linkNodes INVOLVES}
     * @param statement the statement with representative parameters
     */
    public record Entry(String label, Statement<?> statement) {}

    /**
     * The statements the warm-up plans: those the tools send, without the variants an assistant rarely meets first
     * (walks of a given type and depth, batches large enough to index their own nodes, export and import, aliases,
     * merging and duplicates of entities). Planned cold, each of those would cost the warm-up up to seconds that the
     * first calls, arriving meanwhile, would wait behind. Forgetting a whole namespace is in, near the end: its first
     * call was 353-473 ms over its warm latency after a warm-up without it, 9 ms after one with it.
     */
    public static List<Entry> warmUp(String namespace, int dimensions) {
        return entries(namespace, dimensions).stream()
                .filter(entry -> !entry.label()
                        .matches("findRelated .*|.*\\(" + SearchIndexing.DIRECT_ROWS
                                + "\\+\\)|import.*|createNodes.*|createRelationships.*|export.*"
                                + "|countSnapshot"
                                + "|mergeEntities .*|addEntityAliases.*|removeEntityAlias|findLikelyDuplicates"))
                .toList();
    }

    /** The catalogue for an embedding index of {@code dimensions}, in the catalogue's own namespace. */
    public static List<Entry> entries(int dimensions) {
        return entries(NAMESPACE, dimensions);
    }

    /**
     * The catalogue for an embedding index of {@code dimensions}, its statements' parameters in {@code namespace}: a
     * server that keeps a plan per parameter <em>size</em> (Neo4j's default: strings and lists by their order of
     * magnitude) finds the warm-up's plans for the namespace a memory really sends.
     */
    public static List<Entry> entries(String namespace, int dimensions) {
        OperationTable ops = new OperationTable(
                namespace,
                () -> SOME_ID,
                1_000,
                java.time.Duration.ofSeconds(10),
                2_000,
                dimensions,
                HybridSearch.wordsOnly());
        Map<String, Entry> entries = new LinkedHashMap<>(); // by text and parameter types: each plan once
        add(entries, "getEntityContext", ops.getEntityContext("x", Limits.DEFAULT_LIMIT));
        addSearch(entries, namespace, dimensions);
        add(entries, "getCommitments", ops.getCommitments(CommitmentQuery.all()));
        add(entries, "createCommitment", ops.createCommitment(NewCommitment.of("x")));
        add(entries, "createEntity", ops.createEntity(NewEntity.of("x", EntityType.PERSON)));
        add(entries, "recordDecision", ops.recordDecision(NewDecision.of("x", "y")));
        add(entries, "recordPattern", ops.recordPattern(PatternObservation.of("x", PatternType.BEHAVIOR)));
        add(
                entries,
                "storeMemory",
                ops.storeMemory(NewMemory.builder()
                        .commitment("c", NewCommitment.of("x"))
                        .entity("e", NewEntity.of("x", EntityType.PERSON))
                        .link("c", RelationshipType.INVOLVES, "e")
                        .build()));
        for (RelationshipType type : RelationshipType.values()) {
            add(entries, "linkNodes " + type, ops.linkNodes(NewLink.of(SOME_ID, type, SOME_ID)));
        }
        add(entries, "storeMemory (links to stored memories)", checkExternals(namespace));
        add(
                entries,
                "linkNodes (check of an atomic batch in a transaction)",
                ops.linkNodes(
                                List.of(
                                        NewLink.of(SOME_ID, RelationshipType.INVOLVES, SOME_ID),
                                        NewLink.of(SOME_ID, RelationshipType.LEADS_TO, SOME_ID)),
                                BatchMode.ATOMIC)
                        .check());
        add(entries, "getCommitments", ops.getCommitments(CommitmentQuery.all()));
        add(
                entries,
                "getCommitments (to whom)",
                ops.getCommitments(CommitmentQuery.all().toWhom("a")));
        add(
                entries,
                "getCommitments (due)",
                ops.getCommitments(CommitmentQuery.all().overdue(true).dueWithinDays(7)));
        add(entries, "completeCommitment", ops.completeCommitment(SOME_ID, "done"));
        add(
                entries,
                "setCommitmentStatus",
                ops.setCommitmentStatus(SOME_ID, dev.graphmemory.model.CommitmentStatus.DEFERRED, null));
        add(entries, "getDecisions", ops.getDecisions(DecisionQuery.all()));
        add(entries, "getDecisions (days)", ops.getDecisions(DecisionQuery.all().days(3)));
        add(entries, "getPatterns", ops.getPatterns(PatternQuery.all()));
        add(entries, "startConversation", ops.startConversation(NewConversation.of("a")));
        add(entries, "endConversation", ops.endConversation(new ConversationEnd(SOME_ID, "s", null)));
        add(entries, "recordEnergy", ops.recordEnergy(EnergyReading.of(EnergyLevel.HIGH)));
        add(entries, "recordTurns", ops.recordTurns(SOME_ID, List.of(NewTurn.of("a", "b"))));
        add(entries, "getTurns", ops.getTurns(TurnQuery.of(SOME_ID)));
        add(entries, "getTurns (after)", ops.getTurns(TurnQuery.of(SOME_ID).after(3)));
        add(entries, "turnsAround", ops.turnsAround(SOME_ID, 3, 3));
        add(entries, "timeline", ops.timeline(TimelineQuery.lastDays(7)));
        add(
                entries,
                "timeline (kinds)",
                ops.timeline(TimelineQuery.lastDays(7).kinds(MemoryKind.DECISION, MemoryKind.PATTERN)));
        add(entries, "findRelated", ops.findRelated(RelatedQuery.around(SOME_ID)));
        add(entries, "supersedeDecision (check)", ops.supersedeDecision(SOME_ID, NewDecision.of("x", "y")));
        add(entries, "supersedeDecision", supersede(namespace));
        add(entries, "forget", ops.forget(SOME_ID));
        add( // a memory with pattern observations: rarer, so planned later
                entries,
                "storeMemory (patterns)",
                ops.storeMemory(NewMemory.builder() // alone: every id of the catalogue is the same
                        .pattern("p", PatternObservation.of("x", PatternType.BEHAVIOR))
                        .build()));
        addFacts(entries, ops, namespace);
        AliasStatements.catalogue(namespace, SOME_ID).forEach((label, statement) -> add(entries, label, statement));
        float[] vector = unit(dimensions);
        add(entries, "setEmbedding", ops.setEmbedding(SOME_ID, Embedding.of(vector)));
        add(entries, "similarMemories (of a memory)", ops.similarMemories(SimilarityQuery.like(SOME_ID)));
        add(entries, "similarMemories", ops.similarMemories(SimilarityQuery.to(Embedding.of(vector))));
        int large = SearchIndexing.DIRECT_ROWS;
        add(entries, "createEntities (" + large + "+)", ops.createEntities(entities(large), BatchMode.ATOMIC));
        add(
                entries,
                "createCommitments (" + large + "+)",
                ops.createCommitments(Collections.nCopies(large, NewCommitment.of("x")), BatchMode.ATOMIC));
        add(
                entries,
                "recordDecisions (" + large + "+)",
                ops.recordDecisions(Collections.nCopies(large, NewDecision.of("x", "y")), BatchMode.ATOMIC));
        add(entries, "recordPatterns (" + large + "+)", ops.recordPatterns(patterns(large), BatchMode.ATOMIC));
        for (RelationshipType type : RelationshipType.values()) {
            for (int depth : RELATED_DEPTHS) {
                add(
                        entries,
                        "findRelated " + type + " depth " + depth,
                        ops.findRelated(RelatedQuery.around(SOME_ID).via(type).depth(depth)));
            }
        }
        for (int depth : RELATED_DEPTHS) {
            if (depth == 1) {
                continue;
            }
            add(
                    entries,
                    "findRelated depth " + depth,
                    ops.findRelated(RelatedQuery.around(SOME_ID).depth(depth)));
        }
        add(entries, "forgetNamespace", ops.forgetNamespaceBatch(SOME_ID));
        add(entries, "forgetNamespace (done)", ops.forgetNamespaceDone(SOME_ID));
        for (Entry entry : Snapshots.catalogue(namespace)) {
            entries.putIfAbsent(key(entry.statement()), entry);
        }
        add(
                entries,
                "search indexer (any pending)",
                Statement.read("indexForSearch", SearchIndexing.COUNT_PENDING, Map.of(), rows -> null));
        add(entries, "search indexer", indexer(SearchIndexing.INDEX_PENDING));
        add(entries, "search indexer (finish)", indexer(SearchIndexing.FINISH_PENDING));
        addEmbedder(entries, namespace, dimensions);
        return List.copyOf(entries.values());
    }

    private static void add(Map<String, Entry> entries, String label, Work<?> work) {
        Statement<?> statement = first(work);
        entries.putIfAbsent(key(statement), new Entry(label, statement));
    }

    private static void add(Map<String, Entry> entries, String label, Batches<?> batch) {
        add(entries, label, batch.chunks().get(0).statement());
    }

    /** The same text with parameters of the same types is the same plan. */
    private static String key(Statement<?> statement) {
        Map<String, String> types = new java.util.TreeMap<>();
        statement.parameters().forEach((name, value) -> types.put(name, PlanKeeper.typeOf(value)));
        return statement.text() + types;
    }

    /** The statement a unit of work starts with. */
    static Statement<?> first(Work<?> work) {
        if (work instanceof Statement<?> statement) {
            return statement;
        }
        if (work instanceof Chain<?, ?> chain) {
            return first(chain.first());
        }
        if (work instanceof Timed<?> timed) {
            return first(timed.work());
        }
        if (work instanceof Sequence<?> sequence && !sequence.parts().isEmpty()) {
            return first(sequence.parts().get(0));
        }
        throw new IllegalArgumentException("no statement first in " + work);
    }

    private static Statement<?> checkExternals(String namespace) {
        Map<String, Object> external = Params.row(0)
                .with("link", 0)
                .with("end", "to")
                .with("id", SOME_ID)
                .with("labels", List.of(MemoryKind.ENTITY.label()))
                .map();
        return Statement.write(
                "storeMemory",
                StoreMemoryStatement.CHECK_EXTERNALS,
                Params.in(namespace).with("externals", List.of(external)).map(),
                rows -> null);
    }

    private static Statement<?> supersede(String namespace) {
        return Statement.write(
                "supersedeDecision",
                DecisionStatements.SUPERSEDE,
                Params.in(namespace)
                        .with("oldId", SOME_ID)
                        .with("decision", DecisionStatements.row(0, SOME_ID, NewDecision.of("x", "y")))
                        .map(),
                rows -> null);
    }

    private static Statement<?> indexer(String text) {
        return Statement.write("indexForSearch", text, Map.of("batch", 1_000, "busy", List.of()), rows -> null);
    }

    /**
     * What a search sends (see {@code HybridSearch}): its first step (index what waits, read the filters' and the named
     * entities' context), then the best memories by words and by meaning.
     */
    private static void addSearch(Map<String, Entry> entries, String namespace, int dimensions) {
        SearchQuery plain = SearchQuery.of("x");
        List<Double> vector = EmbeddingStatements.asList(unit(dimensions));
        add(entries, "searchMemory (context)", SearchStatements.context(namespace, plain, List.of("x"), 0, null, true));
        add(
                entries,
                "searchMemory (context, by meaning)",
                SearchStatements.context(namespace, plain, List.of("x"), 64, "model", true));
        add(entries, "searchMemory (by words)", SearchStatements.words(namespace, plain, 50));
        add(entries, "searchMemory (by meaning)", SearchStatements.meaning(namespace, plain, "model", vector, 50, 50));
        add(
                entries,
                "searchMemory (by meaning, exactly)",
                SearchStatements.meaningExactly(namespace, plain, "model", vector, 50));
        add(
                entries,
                "searchMemory (about, since)",
                SearchStatements.context(
                        namespace,
                        SearchQuery.of("x").about("a").since(java.time.Instant.EPOCH),
                        List.of("x"),
                        0,
                        null,
                        true));
    }

    /** What the operations of facts send. */
    private static void addFacts(Map<String, Entry> entries, OperationTable ops, String namespace) {
        NewFact fact = NewFact.of("x", "a").learnedIn(SOME_ID);
        add(entries, "recordFact", ops.recordFact(fact));
        add(
                entries,
                "recordFacts (check of an atomic batch in a transaction)",
                ops.recordFacts(List.of(fact, fact), BatchMode.ATOMIC).check());
        add(entries, "endFact (check)", ops.endFact(SOME_ID, null));
        add(
                entries,
                "endFact",
                Statement.write(
                        "endFact",
                        FactStatements.END,
                        Params.in(namespace)
                                .with("factId", SOME_ID)
                                .with("until", java.time.ZonedDateTime.now())
                                .with("operation", SOME_ID)
                                .with("fact", Map.of("aboutKeys", List.of()))
                                .map(),
                        rows -> null));
        add(entries, "replaceFact (check)", ops.replaceFact(SOME_ID, fact));
        add(
                entries,
                "replaceFact",
                Statement.write(
                        "replaceFact",
                        FactStatements.REPLACE,
                        Params.in(namespace)
                                .with("factId", SOME_ID)
                                .with("fact", FactStatements.row(0, SOME_ID, fact, java.time.Instant.now()))
                                .map(),
                        rows -> null));
        add(entries, "getFacts", ops.getFacts(FactQuery.about("a")));
        add(entries, "getFacts (as of)", ops.getFacts(FactQuery.about("a").asOf(java.time.Instant.now())));
        add(
                entries,
                "recordFacts (" + SearchIndexing.DIRECT_ROWS + "+)",
                ops.recordFacts(Collections.nCopies(SearchIndexing.DIRECT_ROWS, fact), BatchMode.ATOMIC));
    }

    /** What the background embedder sends. */
    private static void addEmbedder(Map<String, Entry> entries, String namespace, int dimensions) {
        Map<String, Object> row = Map.of(
                "namespace",
                namespace,
                "id",
                SOME_ID,
                "text",
                "x",
                "vector",
                EmbeddingStatements.asList(unit(dimensions)));
        add(
                entries,
                "embedder (claim)",
                Statement.write(
                        "claimEmbeddings",
                        EmbeddingStatements.CLAIM,
                        Map.of("batch", 16, "worker", "w", "seconds", 60),
                        rows -> null));
        add(
                entries,
                "embedder (store)",
                Statement.write(
                        "embedMemories",
                        EmbeddingStatements.STORE,
                        Map.of("rows", List.of(row), "model", "m"),
                        rows -> null));
        add(
                entries,
                "embedder (finish)",
                Statement.write("embedMemories", EmbeddingStatements.FINISH, Map.of("batch", 16), rows -> null));
    }

    /** A vector of the index's size, as a query's or a memory's is. */
    private static float[] unit(int dimensions) {
        float[] vector = new float[dimensions];
        vector[0] = 1f;
        return vector;
    }

    private static List<NewEntity> entities(int count) {
        List<NewEntity> entities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entities.add(NewEntity.of("x" + i, EntityType.PERSON));
        }
        return entities;
    }

    private static List<PatternObservation> patterns(int count) {
        List<PatternObservation> patterns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            patterns.add(PatternObservation.of("x" + i, PatternType.BEHAVIOR));
        }
        return patterns;
    }
}
