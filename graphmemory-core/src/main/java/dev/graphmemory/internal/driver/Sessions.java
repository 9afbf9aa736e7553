package dev.graphmemory.internal.driver;

import dev.graphmemory.internal.work.Work;
import java.time.Duration;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * Opens sessions and configures transactions the same way for every executor: the configured database (never the
 * server's default), one bookmark manager for the whole {@code GraphMemory} so that a read always sees the writes
 * acknowledged before it (also across sessions and cluster members), the transaction timeout, and metadata naming
 * the operation, visible in {@code SHOW TRANSACTIONS} and the query log.
 */
public final class Sessions {
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

    /** A blocking session, for graphmemory's own background work. */
    public Session open(AccessMode mode) {
        return driver.session(config(mode));
    }

    /** The transaction settings for a unit of work run in its own transaction. */
    public TransactionConfig transaction(Work<?> work, String namespace) {
        return transaction(work.name(), namespace, work.timeout().orElse(transactionTimeout));
    }

    /** The transaction settings for a scope. */
    public TransactionConfig transaction(String name, String namespace) {
        return transaction(name, namespace, transactionTimeout);
    }

    private SessionConfig config(AccessMode mode) {
        return SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(mode)
                .withBookmarkManager(bookmarks)
                .build();
    }

    private static TransactionConfig transaction(String name, String namespace, Duration timeout) {
        TransactionConfig.Builder builder = TransactionConfig.builder()
                .withMetadata(Map.of("app", "graphmemory", "operation", name, "namespace", namespace));
        return timeout.isZero() ? builder.build() : builder.withTimeout(timeout).build();
    }
}
