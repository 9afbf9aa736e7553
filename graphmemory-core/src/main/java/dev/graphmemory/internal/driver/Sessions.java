package dev.graphmemory.internal.driver;

import dev.graphmemory.internal.work.Work;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens sessions and configures transactions the same way for every executor: the configured database (never the
 * server's default), one bookmark manager for the whole {@code GraphMemory} so that a read always sees the writes
 * acknowledged before it (also across sessions and cluster members), the transaction timeout, and metadata naming
 * the operation, visible in {@code SHOW TRANSACTIONS} and the query log.
 *
 * <p>Work with a timeout of its own also gets a unique {@code call} in its metadata, by which {@link #terminate}
 * finds its transaction on the server when the client stops waiting for it.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    static final String CALL = "call";
    private static final String FIND = "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.call = $call"
            + " RETURN collect(transactionId) AS ids";
    private static final String TERMINATE = "TERMINATE TRANSACTIONS $ids";

    private final Driver driver;
    private final String database;
    private final BookmarkManager bookmarks;
    private final Duration transactionTimeout;

    public Sessions(Driver driver, String database, BookmarkManager bookmarks, Duration transactionTimeout) {
        this.driver = driver;
        this.database = database;
        this.bookmarks = bookmarks;
        this.transactionTimeout = transactionTimeout;
    }

    /** The driver. */
    public Driver driver() {
        return driver;
    }

    /** The database name. */
    public String database() {
        return database;
    }

    /** An asynchronous session. */
    public AsyncSession openAsync(AccessMode mode) {
        return driver.session(AsyncSession.class, config(mode));
    }

    /** An asynchronous session for this work: its access mode, and its fetch size if it asks for one. */
    public AsyncSession openAsync(Work<?> work) {
        SessionConfig.Builder config = builder(work.mode());
        work.fetchSize().ifPresent(config::withFetchSize);
        return driver.session(AsyncSession.class, config.build());
    }

    /** A blocking session, for graphmemory's own background work. */
    public Session open(AccessMode mode) {
        return driver.session(config(mode));
    }

    /** The transaction settings for a unit of work run in its own transaction. */
    public TransactionConfig transaction(Work<?> work, String namespace) {
        if (work.timeout().isPresent()) {
            Map<String, Object> metadata = metadata(work.name(), namespace);
            metadata.put(CALL, UUID.randomUUID().toString());
            return config(metadata, work.timeout().get());
        }
        return transaction(work.name(), namespace, transactionTimeout);
    }

    /**
     * How long the client waits for this work before it gives up and {@linkplain #terminate terminates} its
     * transaction: none, or the work's own timeout.
     */
    public Limit limit(Work<?> work, TransactionConfig config) {
        Object call = config.metadata().get(CALL);
        if (work.timeout().isEmpty() || call == null) {
            return Limit.NONE;
        }
        String id = call instanceof org.neo4j.driver.Value value ? value.asString() : call.toString();
        return new Limit(work.timeout().get(), () -> terminate(id));
    }

    /**
     * Asks the server to terminate the transaction with this {@code call} in its metadata, in the background: the
     * database then stops the work at its next check, and rolls it back. Nothing happens if it has ended already.
     */
    public void terminate(String call) {
        AsyncSession admin = driver.session(
                AsyncSession.class,
                SessionConfig.builder().withDatabase(database).build());
        admin.runAsync(FIND, Map.of(CALL, call))
                .thenCompose(ResultCursor::singleAsync)
                .thenCompose(found -> {
                    var ids = found.get("ids").asList(org.neo4j.driver.Value::asString);
                    return ids.isEmpty()
                            ? CompletableFuture.completedFuture(null)
                            : admin.runAsync(TERMINATE, Map.of("ids", ids)).thenCompose(ResultCursor::consumeAsync);
                })
                .whenComplete((done, error) -> {
                    if (error != null) {
                        LOG.debug("Terminating the transaction of call {} failed", call, error);
                    }
                    admin.closeAsync();
                });
    }

    /**
     * How long the client waits for a unit of work, and how it stops the work on the server when it gives up.
     *
     * @param timeout the work's timeout; the client waits a little longer, so that the database's own timeout,
     *     which reports more precisely what happened, normally comes first
     * @param terminate stops the work on the server
     */
    public record Limit(Duration timeout, Runnable terminate) {
        /** No limit of its own: the transaction timeout of the configuration applies on the server. */
        public static final Limit NONE = new Limit(Duration.ZERO, () -> {});

        /** Whether there is a limit. */
        public boolean isSet() {
            return !timeout.isZero();
        }
    }

    /** The transaction settings for a scope. */
    public TransactionConfig transaction(String name, String namespace) {
        return transaction(name, namespace, transactionTimeout);
    }

    private SessionConfig config(AccessMode mode) {
        return builder(mode).build();
    }

    private SessionConfig.Builder builder(AccessMode mode) {
        return SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(mode)
                .withBookmarkManager(bookmarks);
    }

    private static TransactionConfig transaction(String name, String namespace, Duration timeout) {
        return config(metadata(name, namespace), timeout);
    }

    private static Map<String, Object> metadata(String name, String namespace) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("app", "graphmemory");
        metadata.put("operation", name);
        metadata.put("namespace", namespace);
        return metadata;
    }

    private static TransactionConfig config(Map<String, Object> metadata, Duration timeout) {
        TransactionConfig.Builder builder = TransactionConfig.builder().withMetadata(metadata);
        return timeout.isZero() ? builder.build() : builder.withTimeout(timeout).build();
    }
}
