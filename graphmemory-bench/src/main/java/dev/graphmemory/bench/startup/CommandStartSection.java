package dev.graphmemory.bench.startup;

import dev.graphmemory.bench.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The section on the command's own start ({@link CommandStartRun}): per data directory, the medians of the runs.
 *
 * @param stores an empty data directory, then one with memories
 */
public record CommandStartSection(List<Store> stores) implements Section {
    /** The most process start to the {@code initialize} answer should take, in ms. */
    static final long INITIALIZE_TARGET_MILLIS = 1_500;
    /** The most a restart on existing data should add to the embedded Neo4j's own start, in ms. */
    static final long RESTART_TARGET_MILLIS = 1_000;

    /**
     * One {@code serve} process.
     *
     * @param initializeMillis process start to the {@code initialize} answer
     * @param firstCallMillis process start to the first tool result
     * @param neo4jMillis the embedded Neo4j's own start, as logged ({@code -1} if not)
     * @param memoryMillis the memory's start, Neo4j's included, as logged ({@code -1} if not)
     */
    public record Serve(long initializeMillis, long firstCallMillis, long neo4jMillis, long memoryMillis) {
        long afterNeo4j() {
            return neo4jMillis < 0 || memoryMillis < 0 ? -1 : memoryMillis - neo4jMillis;
        }
    }

    /**
     * The runs on one data directory.
     *
     * @param memories how many memories it held (0: a new, empty directory)
     * @param launch how the command was started ({@code java -jar}, or the launcher with its class archive)
     * @param serves the {@code serve} processes
     * @param toolMillis each {@code graphmemory tool} process's start to its result
     */
    public record Store(int memories, String launch, List<Serve> serves, List<Long> toolMillis) {
        public Store {
            serves = List.copyOf(serves);
            toolMillis = List.copyOf(toolMillis);
        }

        long median(ToLongFunction<Serve> value) {
            return CommandStartSection.median(
                    serves.stream().mapToLong(value).boxed().toList());
        }

        String label() {
            return memories == 0 ? "empty (new)" : String.format(Locale.ROOT, "%,d memories", memories);
        }
    }

    public CommandStartSection {
        stores = List.copyOf(stores);
    }

    @Override
    public String key() {
        return "commandStart";
    }

    @Override
    public String markdown() {
        StringBuilder md =
                new StringBuilder("## Start-up of the command: `graphmemory serve` and `graphmemory tool`\n\n");
        md.append(("The real command, a fresh process per run (median of %d), started as `java -jar graphmemory.jar` "
                        + "and as users start it, with the `./graphmemory` launcher (which maps the class archive it "
                        + "recorded once per build: AppCDS), side by side, on a new data directory and on one holding "
                        + "memories with their vectors. `serve`: from the process's start to the `initialize` answer "
                        + "(target: %,d ms or less; the database starts in the background meanwhile) and to the result "
                        + "of a `get_commitments` call sent right after `initialize` (it waits for the database); the "
                        + "embedded Neo4j's own start and what the memory's start added to it (connection, schema "
                        + "check; target on existing data: %,d ms or less), from the process's log. `tool`: from the "
                        + "process's start to the same call's result.\n\n")
                .formatted(stores.get(0).serves().size(), INITIALIZE_TARGET_MILLIS, RESTART_TARGET_MILLIS));
        md.append(
                "| data directory | started with | `serve`: initialize | first result | Neo4j's start | memory after Neo4j |"
                        + " `tool`: result |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Store store : stores) {
            long initialize = store.median(Serve::initializeMillis);
            long after = store.median(Serve::afterNeo4j);
            md.append("| %s | %s | %s | %,d ms | %,d ms | %s | %,d ms |\n"
                    .formatted(
                            store.label(),
                            store.launch(),
                            marked(initialize, INITIALIZE_TARGET_MILLIS),
                            store.median(Serve::firstCallMillis),
                            store.median(Serve::neo4jMillis),
                            store.memories() == 0 ? "%,d ms".formatted(after) : marked(after, RESTART_TARGET_MILLIS),
                            median(store.toolMillis())));
        }
        return md.append('\n').toString();
    }

    /** A time in ms, in bold when over its target. */
    private static String marked(long millis, long target) {
        String cell = "%,d ms".formatted(millis);
        return millis > target ? "**" + cell + "**" : cell;
    }

    @Override
    public String json() {
        List<String> items = new ArrayList<>();
        for (Store store : stores) {
            List<String> serves = new ArrayList<>();
            for (Serve serve : store.serves()) {
                serves.add(String.format(
                        Locale.ROOT,
                        "{\"initializeMs\": %d, \"firstCallMs\": %d, \"neo4jMs\": %d, \"memoryMs\": %d}",
                        serve.initializeMillis(),
                        serve.firstCallMillis(),
                        serve.neo4jMillis(),
                        serve.memoryMillis()));
            }
            items.add(String.format(
                    Locale.ROOT,
                    "    {\"memories\": %d, \"launch\": \"%s\", \"serve\": [%s], \"toolMs\": %s}",
                    store.memories(),
                    store.launch().replace("`", ""),
                    String.join(", ", serves),
                    store.toolMillis()));
        }
        return "[\n" + String.join(",\n", items) + "\n  ]";
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }
}
