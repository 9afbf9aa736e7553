package dev.graphmemory.internal.driver;

import dev.graphmemory.internal.telemetry.DaemonThreads;
import dev.graphmemory.internal.work.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the plans of the statements calls send fresh in the background, so that no call waits while Neo4j plans its
 * statement again.
 *
 * <p>Neo4j plans a cached statement again when a count its plan used has drifted far enough since (at most once per ten
 * seconds per statement), and the call that finds it stale waits for the planner: a tenth of a second to most of a
 * second for the larger statements on a busy machine, at moments nobody chose (the growth benchmark's slowest calls).
 * With a keeper, each of the library's own statements is sent as {@code CYPHER replan=skip}: a call uses the cached
 * plan, stale or not, and plans only what is not cached at all. Neo4j keys its cache without that option, so the keeper
 * thread, a few seconds after each round, sends {@code EXPLAIN} of every statement calls have sent, with blank
 * parameters of the types and sizes its calls had (the cache is keyed by the text, the parameters' types and, by
 * default, their sizes to the next power of ten; an {@code EXPLAIN} runs nothing, and the keeper holds no content of a
 * memory, not even one forgotten since): a fresh plan is a cache hit, a stale one is planned again there, by Neo4j's own rule, and
 * the next call finds the new plan. A call may meet a stale plan for a few seconds; a plan made for an empty graph (a
 * relationship scan where few relationships exist) is replaced once the counts grow.
 *
 * <p>Not kept, sent as they are: statements with their own {@code CYPHER} options (the plans pinned for good, see
 * {@code PinnedPlans}), an assistant's query ({@link Statement#keepPlan()}), and statements with large lists (bulk
 * writes, whose re-plan is a small part of their time). A round gives way
 * to calls: its next statement waits while one is running, for a second at most.
 */
public final class PlanKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanKeeper.class);

    /** Calls plan for themselves: statements are sent as they are, and nothing runs in the background. */
    public static final PlanKeeper OFF = new PlanKeeper();

    /** The option a kept statement is sent with. */
    static final String SKIP = "CYPHER replan=skip\n";

    /** How long the keeper waits between rounds. */
    public static final Duration PERIOD = Duration.ofSeconds(3);

    /** Most statements kept: beyond them, statements are sent as they are. */
    static final int CAPACITY = 256;

    /** Most list elements a kept statement's parameters hold in all. */
    static final int MOST_ELEMENTS = 1_000;

    /** An {@code EXPLAIN} slower than this was (most likely) a plan made again. */
    private static final long PLANNED_NANOS = Duration.ofMillis(25).toNanos();

    /** The longest a round's next statement waits for calls to end. */
    static final Duration MOST_WAIT = Duration.ofSeconds(1);

    private final Sessions sessions;
    private final BooleanSupplier callsRunning;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * A statement calls have sent, with parameters of the types and sizes its calls had ({@link #blank}).
     *
     * @param kind the kind of transaction it is explained in
     */
    private record Kept(String name, String text, Map<String, Object> parameters, Kind kind) {}

    /**
     * A kind of transaction a round explains statements in, each in a session and a transaction of its own.
     *
     * @param mode the access mode: the statement's, or a write after a write (on a cluster, the driver sends a read to
     *     one of the readers, each of which caches plans of its own, and round after round reaches them in turn)
     * @param afterAWrite whether the calls' transaction had written (a plan Neo4j caches apart)
     */
    record Kind(AccessMode mode, boolean afterAWrite) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(AccessMode.READ, false), new Kind(AccessMode.WRITE, false), new Kind(AccessMode.WRITE, true));

    private PlanKeeper() {
        this.sessions = null;
        this.callsRunning = () -> false;
        this.thread = null;
        this.closed = true;
    }

    private PlanKeeper(Sessions sessions, BooleanSupplier callsRunning, Duration period) {
        this.sessions = sessions;
        this.callsRunning = callsRunning;
        this.thread = period == null
                ? null
                : DaemonThreads.named("graphmemory-plan-keeper").newThread(() -> run(period));
    }

    /**
     * Starts a keeper whose rounds run every {@link #PERIOD}.
     *
     * @param callsRunning whether a call of the memory is running, which a round waits for
     */
    public static PlanKeeper start(Sessions sessions, BooleanSupplier callsRunning) {
        PlanKeeper keeper = new PlanKeeper(sessions, callsRunning, PERIOD);
        keeper.thread.start();
        return keeper;
    }

    /** A keeper without a thread of its own: its rounds run when {@link #refresh} is called (for tests). */
    static PlanKeeper manual(Sessions sessions) {
        return new PlanKeeper(sessions, () -> false, null);
    }

    /**
     * The text to send for {@code statement}: with {@code CYPHER replan=skip} when its plan is kept, and then
     * remembered, with blank parameters of the same types and sizes, for the next rounds.
     *
     * @param afterAWrite whether the statement's transaction has written already
     */
    public String text(Statement<?> statement, boolean afterAWrite) {
        String text = statement.text();
        if (closed
                || !statement.keepPlan()
                || text.startsWith("CYPHER")
                || text.startsWith("EXPLAIN")
                || elements(statement.parameters()) > MOST_ELEMENTS) {
            return text;
        }
        Kind kind = new Kind(afterAWrite ? AccessMode.WRITE : statement.mode(), afterAWrite);
        Key key = new Key(text, types(statement.parameters()), kind);
        if (!kept.containsKey(key)) {
            if (kept.size() >= CAPACITY) {
                return text;
            }
            kept.putIfAbsent(key, new Kept(statement.name(), text, blank(statement.parameters()), kind));
        }
        return SKIP + text;
    }

    /** How many statements are kept. */
    public int size() {
        return kept.size();
    }

    /**
     * One round: {@code EXPLAIN} of every kept statement, so that Neo4j plans again those whose plans have gone stale;
     * those calls sent after a write of their transaction are explained after a write too (a node created in a
     * transaction that is then rolled back), since Neo4j caches their plans apart. A statement Neo4j refuses to plan
     * (the schema changed under it) is forgotten, to be kept again by its next call.
     *
     * @param stop asked before each statement; true ends the round
     * @return how many statements it explained
     */
    int refresh(BooleanSupplier stop) {
        if (kept.isEmpty()) {
            return 0;
        }
        List<Map.Entry<Key, Kept>> round = List.copyOf(kept.entrySet());
        int explained = 0;
        for (Kind kind : KINDS) {
            List<Map.Entry<Key, Kept>> ofKind = round.stream()
                    .filter(entry -> entry.getValue().kind().equals(kind))
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            try (Session session = sessions.open(kind.mode())) {
                Transaction transaction = null;
                try {
                    for (Map.Entry<Key, Kept> entry : ofKind) {
                        if (stop.getAsBoolean()) {
                            return explained;
                        }
                        if (transaction == null) {
                            transaction = begin(session, kind.afterAWrite());
                        }
                        if (explain(transaction, entry)) {
                            explained++;
                        } else { // the transaction failed with the statement: the next one gets a new one
                            transaction.close();
                            transaction = null;
                        }
                    }
                } finally {
                    if (transaction != null) {
                        transaction.close(); // rolls it back
                    }
                }
            }
        }
        return explained;
    }

    private static Transaction begin(Session session, boolean afterAWrite) {
        Transaction transaction = session.beginTransaction();
        if (afterAWrite) {
            transaction.run("CREATE ()").consume(); // rolled back with the transaction
        }
        return transaction;
    }

    /** Explains one kept statement; false if Neo4j refused to plan it, which forgets it. */
    private boolean explain(Transaction transaction, Map.Entry<Key, Kept> entry) {
        Kept statement = entry.getValue();
        long started = System.nanoTime();
        try {
            transaction
                    .run("EXPLAIN " + statement.text(), statement.parameters())
                    .consume();
        } catch (ClientException e) {
            kept.remove(entry.getKey(), statement);
            LOG.debug("{} cannot be planned now, no longer kept: {}", statement.name(), e.getMessage());
            return false;
        }
        long took = System.nanoTime() - started;
        if (took > PLANNED_NANOS) {
            LOG.debug(
                    "Planned {} again in the background (likely: its EXPLAIN took {} ms)",
                    statement.name(),
                    took / 1_000_000);
        }
        return true;
    }

    private void run(Duration period) {
        while (!closed) {
            try {
                synchronized (this) {
                    if (!closed) {
                        wait(period.toMillis()); // close() wakes it
                    }
                }
                if (!closed) {
                    refresh(() -> closed || !waitForCalls());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    // the database is restarting or unreachable: calls see it too; the next round tries again
                    LOG.debug("Keeping plans fresh failed this round: {}", e.toString());
                }
            }
        }
    }

    /**
     * Waits while calls are running, at most {@link #MOST_WAIT} (a server never without a call would otherwise keep
     * stale plans for good); false if the keeper was closed meanwhile.
     */
    private boolean waitForCalls() {
        return DaemonThreads.pauseWhile(() -> callsRunning.getAsBoolean() && !closed, MOST_WAIT) && !closed;
    }

    /**
     * What Neo4j keys a statement's plan on: its text, the type of each parameter with, for a string or a list, its size
     * to the next power of ten (Neo4j 5's size hint; the embedded server turns it off, which only makes this key finer
     * than Neo4j's), and the kind of transaction. A record, so that a call hashes the statement's constant text once.
     */
    record Key(String text, String types, Kind kind) {}

    /** The key of {@code text} with these parameters, whatever the transaction (for tests). */
    static Key key(String text, Map<String, Object> parameters) {
        return new Key(text, types(parameters), null);
    }

    private static String types(Map<String, Object> parameters) {
        Map<String, String> types = new TreeMap<>();
        parameters.forEach((name, value) -> types.put(name, typeOf(value) + sizeHint(value)));
        return types.toString();
    }

    /** A parameter's type as Neo4j tells plans apart by it (a list by its first element's). */
    public static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "list" : "list<" + typeOf(list.iterator().next()) + ">";
        }
        if (value instanceof Map<?, ?>) {
            return "map";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "integer";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        return value.getClass().getName();
    }

    private static String sizeHint(Object value) {
        int size;
        if (value instanceof String string) {
            size = string.length();
        } else if (value instanceof Collection<?> list) {
            size = list.size();
        } else {
            return "";
        }
        return "~" + (size <= 1 ? size : (long) Math.pow(10, Math.ceil(Math.log10(size))));
    }

    /**
     * Parameters of the same types and sizes as {@code parameters}, with none of their content: what the keeper holds
     * to explain a statement (the plan does not depend on the values), so that it keeps no memory's text, not even
     * one forgotten since.
     */
    static Map<String, Object> blank(Map<String, Object> parameters) {
        Map<String, Object> blank = new HashMap<>();
        parameters.forEach((name, value) -> blank.put(name, blank(value, true)));
        return blank;
    }

    private static Object blank(Object value, boolean topLevel) {
        if (value instanceof String string) {
            return topLevel ? "~".repeat(string.length()) : ""; // only a top-level string's size is in the key
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return 0L;
        }
        if (value instanceof Double || value instanceof Float) {
            return 0.0;
        }
        if (value instanceof Boolean) {
            return false;
        }
        if (value instanceof Collection<?> list) {
            List<Object> blank = new ArrayList<>(list.size());
            list.forEach(element -> blank.add(blank(element, false)));
            return blank;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> blank = new HashMap<>();
            map.forEach((name, element) -> blank.put(name, blank(element, false)));
            return blank;
        }
        if (value instanceof byte[] bytes) {
            return new byte[bytes.length];
        }
        return value; // null, and temporal and spatial values: kept as they are
    }

    private static int elements(Map<String, Object> parameters) {
        int count = 0;
        for (Object value : parameters.values()) {
            if (value instanceof Collection<?> list) {
                count += list.size();
            }
        }
        return count;
    }

    /**
     * Stops after the statement being planned, waiting for it at most three seconds: a connection closed while the
     * server is still answering makes the server log an error.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
