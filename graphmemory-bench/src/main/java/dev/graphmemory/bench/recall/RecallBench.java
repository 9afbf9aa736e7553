package dev.graphmemory.bench.recall;

import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.bench.Machine;
import dev.graphmemory.bench.report.Stats;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.embeddings.E5SmallEmbedder;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchQuery.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recall benchmark: LoCoMo conversations recorded through the library's own bulk turn API (one namespace per
 * conversation, each turn at its session's date and time, the speakers as entities), every question of categories 1
 * to 4 asked through the library's own search, by words, by meaning and by the default hybrid search side by side, and
 * the share of each question's evidence turns in the top k (evidence recall@k) reported overall and per category.
 * Also: ingest throughput with the embedder on and off (side by side, conversation by conversation), how fast the
 * background embedder catches up, search latency, the latency of the default search over 100,000 memories, and the
 * process's peak memory.
 *
 * <pre>
 * graphmemory-bench/run --recall                                     (the dev set beside this checkout)
 * graphmemory-bench/run --recall --data DIR --out docs               (any folder of LoCoMo files)
 * </pre>
 */
public final class RecallBench {
    static final int[] KS = {1, 5, 10, 20};
    private static final Logger LOG = LoggerFactory.getLogger(RecallBench.class);
    private static final Duration EMBED_WAIT = Duration.ofMinutes(30);

    private RecallBench() {}

    /**
     * The command line.
     *
     * @param data the folder of LoCoMo JSON files
     * @param out where {@code recall.md}, {@code recall.json} and {@code recall.png} go
     * @param largeMemories the size of the namespace the latency at scale is measured on (0 to skip)
     */
    record Options(Path data, Path out, int largeMemories) {
        static Options parse(String... args) {
            Path data = Path.of("..", "shared", "datasets", "locomo-dev");
            Path out = Path.of("target", "bench");
            int large = 100_000;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--large" -> large = Integer.parseInt(args[++i]);
                    default ->
                        throw new IllegalArgumentException("Unknown argument " + args[i]
                                + "\nUsage: graphmemory-bench/run --recall [--data DIR] [--out DIR] [--large N]");
                }
            }
            return new Options(data, out, large);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        List<Locomo.Dialogue> dialogues = Locomo.read(options.data());
        LOG.info(
                "{} conversations, {} turns, {} questions from {}",
                dialogues.size(),
                dialogues.stream().mapToInt(Locomo.Dialogue::turns).sum(),
                dialogues.stream()
                        .mapToInt(dialogue -> dialogue.questions().size())
                        .sum(),
                options.data());
        RecallReport report;
        long loadStarted = System.nanoTime();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
                E5SmallEmbedder model =
                        E5SmallEmbedder.load(Embeddings.DEFAULT_THREADS, 32)) { // as the provider loads it
            Duration modelLoad = Duration.ofNanos(System.nanoTime() - loadStarted);
            MemoryConfig base = MemoryConfig.builder().uri(neo4j.boltUri()).build();
            Ingest ingest = new Ingest(driver, base, model);
            List<Ingest.Timing> timings = new ArrayList<>();
            for (int i = 0; i < dialogues.size(); i++) {
                timings.add(ingest.both(dialogues.get(i), i % 2 == 0));
            }
            Recall recall = new Recall(base, model);
            for (Locomo.Dialogue dialogue : dialogues) {
                recall.ask(dialogue, Ingest.namespace(dialogue, true));
            }
            Map<Mode, List<Double>> large = options.largeMemories() > 0
                    ? new Scale(driver, base, model).latencies(options.largeMemories(), dialogues)
                    : Map.of();
            report = new RecallReport(
                    started,
                    Duration.between(started, Instant.now()),
                    Machine.describe(),
                    options.data().toString(),
                    dialogues.size(),
                    modelLoad,
                    timings,
                    recall.results(),
                    options.largeMemories(),
                    large,
                    Process.peakResidentMiB());
        }
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("recall.md"), report.markdown());
        Files.writeString(options.out().resolve("recall.json"), report.json());
        RecallChart.write(report, options.out().resolve("recall.png"));
        System.out.print(report.markdown());
        System.out.println("Written to " + options.out().toAbsolutePath());
    }

    /** Records a conversation into a namespace, with embeddings on or off, and waits for the embedder to catch up. */
    static final class Ingest {
        private final Driver driver;
        private final MemoryConfig base;
        private final E5SmallEmbedder model;

        Ingest(Driver driver, MemoryConfig base, E5SmallEmbedder model) {
            this.driver = driver;
            this.base = base;
            this.model = model;
        }

        /**
         * One conversation's ingest time and turns per second with the embedder off and on, and the embedder's
         * catch-up.
         */
        record Timing(
                String dialogue, int turns, double offSeconds, double onSeconds, double embedSeconds, long embedded) {}

        /** Memories of the whole database with a vector: the embedder takes waiting memories of every namespace. */
        private static final String WITH_VECTORS = "MATCH (n:Memory) WHERE n.textVector IS NOT NULL RETURN count(n)";

        static String namespace(Locomo.Dialogue dialogue, boolean embedded) {
            return "locomo-" + dialogue.id() + (embedded ? "" : "-words");
        }

        /** Records the conversation twice, off then on or on then off, and times each and the catch-up. */
        Timing both(Locomo.Dialogue dialogue, boolean offFirst) throws InterruptedException {
            double off = 0;
            double on = 0;
            double embed = 0;
            long vectors = 0;
            for (boolean embedded : offFirst ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Embeddings settings = embedded ? Embeddings.defaults().withEmbedder(model) : Embeddings.off();
                MemoryConfig config = base.toBuilder()
                        .namespace(namespace(dialogue, embedded))
                        .embeddings(settings)
                        .build();
                try (GraphMemory memory = GraphMemory.connect(config)) {
                    if (embedded) {
                        memory.searchMemory(SearchQuery.of("warm").mode(Mode.MEANING)); // the model is loaded
                    }
                    long before = embedded ? Process.count(driver, WITH_VECTORS, "") : 0;
                    long started = System.nanoTime();
                    record(memory, dialogue);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (embedded) {
                        on = seconds;
                        long waiting = System.nanoTime();
                        awaitEmbedded(memory.namespace());
                        embed = (System.nanoTime() - waiting) / 1e9;
                        vectors = Process.count(driver, WITH_VECTORS, "") - before;
                    } else {
                        off = seconds;
                    }
                }
            }
            LOG.info(
                    "{}: {} turns recorded in {} s without the embedder, {} s with it; embedded {} s later",
                    dialogue.id(),
                    dialogue.turns(),
                    round(off),
                    round(on),
                    round(embed));
            return new Timing(dialogue.id(), dialogue.turns(), off, on, embed, vectors);
        }

        private static void record(GraphMemory memory, Locomo.Dialogue dialogue) {
            memory.createEntities(
                    List.of(
                            NewEntity.of(dialogue.speakerA(), EntityType.PERSON),
                            NewEntity.of(dialogue.speakerB(), EntityType.PERSON)),
                    BatchMode.ATOMIC);
            for (Locomo.Session session : dialogue.sessions()) {
                Conversation conversation = memory.startConversation(NewConversation.of("locomo"));
                List<NewTurn> turns = new ArrayList<>(session.turns().size());
                for (int i = 0; i < session.turns().size(); i++) {
                    Locomo.Said said = session.turns().get(i);
                    turns.add(new NewTurn(
                            said.speaker(), said.text(), session.at().plusSeconds(i), said.id()));
                }
                memory.recordTurns(conversation.id(), turns);
            }
        }

        private void awaitEmbedded(String namespace) throws InterruptedException {
            long deadline = System.nanoTime() + EMBED_WAIT.toNanos();
            while (Process.count(
                            driver, "MATCH (n:EmbedPending) WHERE n.namespace = $namespace RETURN count(n)", namespace)
                    > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedder did not catch up within " + EMBED_WAIT);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Asks every question in every mode, taking turns, and keeps what each found and how long it took. */
    static final class Recall {
        private final MemoryConfig base;
        private final E5SmallEmbedder model;
        private final List<RecallReport.Answer> results = new ArrayList<>();
        private int turn;

        Recall(MemoryConfig base, E5SmallEmbedder model) {
            this.base = base;
            this.model = model;
        }

        void ask(Locomo.Dialogue dialogue, String namespace) {
            MemoryConfig config = base.toBuilder()
                    .namespace(namespace)
                    .embeddings(Embeddings.defaults().withEmbedder(model))
                    .build();
            try (GraphMemory memory = GraphMemory.connect(config)) {
                for (Locomo.Question question : dialogue.questions()) {
                    Map<Mode, RecallReport.Found> found = new EnumMap<>(Mode.class);
                    Mode[] modes = Mode.values();
                    for (int i = 0; i < modes.length; i++) {
                        Mode mode = modes[(i + turn) % modes.length]; // side by side, in turns
                        found.put(mode, search(memory, question, mode));
                    }
                    turn++;
                    results.add(new RecallReport.Answer(dialogue.id(), question, found));
                }
            }
        }

        private static RecallReport.Found search(GraphMemory memory, Locomo.Question question, Mode mode) {
            SearchQuery query = SearchQuery.of(question.text())
                    .mode(mode)
                    .kinds(MemoryKind.TURN)
                    .limit(KS[KS.length - 1])
                    .maxChars(Limits.MAX_CHARS);
            long started = System.nanoTime();
            List<SearchHit> hits = memory.searchMemory(query).hits();
            double millis = (System.nanoTime() - started) / 1e6;
            List<String> refs = hits.stream()
                    .map(hit -> String.valueOf(hit.memory().properties().get("ref")))
                    .toList();
            return new RecallReport.Found(refs, millis);
        }

        List<RecallReport.Answer> results() {
            return results;
        }
    }

    static String round(double value) {
        return "%.2f".formatted(value);
    }

    static double median(List<Double> values) {
        return Stats.median(values);
    }
}
