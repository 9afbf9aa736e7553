package dev.graphmemory.embedded;

import dev.graphmemory.embedded.internal.Directories;
import dev.graphmemory.embedded.internal.Slf4jLogProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusLogger;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j 5 (community) server with Bolt bound to the loopback interface.
 *
 * <p>This is the database graphmemory uses when no {@code NEO4J_URI} is given, and the one every integration test
 * runs against. It listens on {@code 127.0.0.1} only, with authentication off, so nothing outside this machine can
 * reach it. Data lives in a persistent directory, or in a temporary one that {@link #close()} deletes.
 *
 * <pre>{@code
 * try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(Path.of("memory")).start()) {
 *     URI bolt = neo4j.boltUri(); // e.g. bolt://127.0.0.1:40123
 * }
 * }</pre>
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    /** How long closing waits for a database that stopped after a failure. */
    static final Duration SHUTDOWN_AFTER_FAILURE = Duration.ofSeconds(3);

    /** The default memory limit of one transaction: 256 MiB. */
    public static final long DEFAULT_TRANSACTION_MEMORY_BYTES = 256L * 1024 * 1024;

    private final DatabaseManagementService service;
    private final GraphDatabaseService database;
    private final Path homeDirectory;
    private final boolean temporary;
    private final URI boltUri;
    private final Duration startupTime;
    private final List<Consumer<Failure>> failureListeners = new CopyOnWriteArrayList<>();
    private volatile Failure failure;
    private volatile boolean closed;

    private EmbeddedNeo4j(
            DatabaseManagementService service,
            Path homeDirectory,
            boolean temporary,
            URI boltUri,
            Duration startupTime) {
        this.service = service;
        this.database = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.homeDirectory = homeDirectory;
        this.temporary = temporary;
        this.boltUri = boltUri;
        this.startupTime = startupTime;
        service.registerDatabaseEventListener(new FailureWatch());
    }

    /**
     * Why a database of this server stopped working while it ran (a full disk, another critical error), if one did.
     * Neo4j then refuses every transaction until it is restarted; the data it acknowledged is safe and recovered at
     * the next start.
     *
     * @param database the database that stopped
     * @param diskFull whether the disk holding the data directory is full
     * @param message what happened and what to do, in a sentence for the user
     * @param cause what Neo4j reported, if it said
     */
    public record Failure(String database, boolean diskFull, String message, Throwable cause) {}

    /** The failure that stopped a database of this server, if one did. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Calls {@code listener}, on a thread of Neo4j's, when a database of this server stops working. */
    public void onFailure(Consumer<Failure> listener) {
        failureListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A builder with the defaults: a temporary data directory and a free Bolt port. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Bolt address to give a driver, always on {@code 127.0.0.1}. */
    public URI boltUri() {
        return boltUri;
    }

    /** The name of the database that holds the memory graph. */
    public String databaseName() {
        return GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    }

    /** The directory that holds the data, logs and lock files of this server. */
    public Path homeDirectory() {
        return homeDirectory;
    }

    /** How long the server took to start. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * The database itself, for in-process work without Bolt (the physical ceiling in the benchmarks).
     * Applications should go through a driver.
     */
    public GraphDatabaseService database() {
        return database;
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return !closed && database.isAvailable();
    }

    /** Stops the server, waiting for open transactions to end, and deletes a temporary data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        if (failure != null && failure.diskFull()) {
            // Stopping would flush and checkpoint onto the full disk: it fails, loudly, and may wait for the disk.
            // The database writes nothing more anyway; its lock and memory go with the process, and the next start
            // recovers from the transaction log.
            LOG.warn("Not stopping the database that stopped for a full disk; the next start recovers it");
        } else if (failure != null) {
            shutdownAfterFailure();
        } else {
            service.shutdown();
        }
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        if (temporary) {
            Directories.deleteRecursively(homeDirectory);
        }
    }

    /**
     * A database that stopped for a full disk cannot write its final checkpoint, and its shutdown may wait for the
     * disk for a long time. It gets {@link #SHUTDOWN_AFTER_FAILURE}; what it did not close, the next start recovers.
     */
    private void shutdownAfterFailure() {
        Thread shutdown = new Thread(service::shutdown, "graphmemory-neo4j-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        try {
            shutdown.join(SHUTDOWN_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shutdown.isAlive()) {
            LOG.warn(
                    "The database did not stop within {} s after its failure; the next start recovers it",
                    SHUTDOWN_AFTER_FAILURE.toSeconds());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedNeo4j[" + boltUri + ", home=" + homeDirectory + "]";
    }

    /** Turns Neo4j's panic and out-of-disk events into one {@link Failure} for the application. */
    private final class FailureWatch extends DatabaseEventListenerAdapter {
        @Override
        public void databasePanic(DatabaseEventContext event) {
            failed(event.getDatabaseName(), false);
        }

        @Override
        public void databaseOutOfDiskSpace(DatabaseEventContext event) {
            failed(event.getDatabaseName(), true);
        }

        private void failed(String name, boolean outOfDisk) {
            if (closed || failure != null) {
                return;
            }
            Throwable cause = causeOfPanic(name);
            boolean diskFull = outOfDisk || mentionsFullDisk(cause) || freeSpace() < ByteUnit.mebiBytes(1);
            String message = diskFull
                    ? "The disk holding " + homeDirectory + " is full (" + freeSpace() / 1024
                            + " KiB free): the database stopped writing to keep what it stored intact. Free some space"
                            + " and start graphmemory again; everything it acknowledged is kept."
                    : "The database " + name + " stopped after a critical error (" + rootMessage(cause)
                            + "); start graphmemory again to recover it.";
            failure = new Failure(name, diskFull, message, cause);
            LOG.error(message);
            for (Consumer<Failure> listener : failureListeners) {
                try {
                    listener.accept(failure);
                } catch (RuntimeException e) {
                    LOG.warn("A failure listener failed: {}", e.toString());
                }
            }
        }

        private Throwable causeOfPanic(String name) {
            try {
                GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(name);
                return api.getDependencyResolver()
                        .resolveDependency(DatabaseHealth.class)
                        .causeOfPanic();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private long freeSpace() {
            try {
                return Files.getFileStore(homeDirectory).getUsableSpace();
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        }
    }

    private static boolean mentionsFullDisk(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        if (failure == null) {
            return "no cause given";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** Settings for an {@link EmbeddedNeo4j}; every setting has a sane default. */
    public static final class Builder {
        private Path dataDirectory;
        private int boltPort;
        private long pageCacheBytes = 256L * 1024 * 1024;
        private Duration transactionTimeout = Duration.ZERO;
        private Duration lockAcquisitionTimeout = Duration.ZERO;
        private Duration keepAlive = Duration.ofSeconds(5);
        private long transactionMemoryBytes = DEFAULT_TRANSACTION_MEMORY_BYTES;
        private final Map<Setting<?>, Object> extraSettings = new LinkedHashMap<>();

        private Builder() {}

        /** Keeps the data in this directory (created if missing) so it survives restarts. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The Bolt port; {@code 0} (the default) picks a free one. */
        public Builder boltPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("boltPort must be between 0 and 65535, was " + port);
            }
            this.boltPort = port;
            return this;
        }

        /** Memory for the page cache (default 256 MiB). */
        public Builder pageCacheBytes(long bytes) {
            if (bytes < ByteUnit.mebiBytes(8)) {
                throw new IllegalArgumentException("pageCacheBytes must be at least 8 MiB, was " + bytes);
            }
            this.pageCacheBytes = bytes;
            return this;
        }

        /** A server-side limit for every transaction; {@link Duration#ZERO} (the default) means none. */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = requireNonNegative(timeout, "transactionTimeout");
            return this;
        }

        /** How long a transaction may wait for a lock; {@link Duration#ZERO} (the default) means no limit. */
        public Builder lockAcquisitionTimeout(Duration timeout) {
            this.lockAcquisitionTimeout = requireNonNegative(timeout, "lockAcquisitionTimeout");
            return this;
        }

        /**
         * How often the server pings a client during a long request (default 5 s). The server also tells clients to
         * give up on a connection that stays silent for two of these periods, so a stalled connection surfaces as a
         * timeout within seconds rather than minutes.
         */
        public Builder keepAlive(Duration interval) {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("keepAlive must be at least 1 s, was " + interval);
            }
            this.keepAlive = interval;
            return this;
        }

        /**
         * The most heap one transaction may use for the work the database counts (sorting, aggregating, collecting,
         * building results; default 256 MiB, {@code db.memory.transaction.max}); a transaction that needs more is
         * rolled back with a memory-limit error instead of pressing the whole process for memory. {@code 0} means no
         * limit.
         */
        public Builder transactionMemory(long bytes) {
            if (bytes != 0 && bytes < ByteUnit.mebiBytes(1)) {
                throw new IllegalArgumentException(
                        "transactionMemory must be 0 (no limit) or at least 1 MiB, was " + bytes);
            }
            this.transactionMemoryBytes = bytes;
            return this;
        }

        /** Any other Neo4j setting, for tests and tuning. */
        public <T> Builder setting(Setting<T> setting, T value) {
            extraSettings.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Starts the server and waits until the database and Bolt accept work. */
        public EmbeddedNeo4j start() {
            boolean temporary = dataDirectory == null;
            Path home = temporary ? createTemporaryHome() : createHome(dataDirectory);
            long started = System.nanoTime();
            DatabaseManagementService service;
            try {
                service = new DatabaseManagementServiceBuilder(home)
                        .setUserLogProvider(new Slf4jLogProvider())
                        .setConfig(settings())
                        .build();
            } catch (RuntimeException e) {
                if (temporary) {
                    Directories.deleteRecursively(home);
                }
                throw new EmbeddedStartException(explain(home, e), e);
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            if (!LoggerFactory.getLogger("org.neo4j").isInfoEnabled()) {
                quietLog4jStatus(); // after the build: Neo4j's logging configuration registers its own listener
            }
            GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            var address = api.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            URI uri = URI.create("bolt://127.0.0.1:" + address.getPort());
            LOG.info(
                    "Embedded Neo4j started in {} ms on {} ({} data in {})",
                    startup.toMillis(),
                    uri,
                    temporary ? "temporary" : "persistent",
                    home);
            warmQueryEngine(api);
            return new EmbeddedNeo4j(service, home, temporary, uri, startup);
        }

        /**
         * Runs a first statement in-process, on a daemon thread, while the first client connects over Bolt: a fresh
         * JVM's first statement costs a third of a second of Cypher's own start (parser, planner and runtime made
         * ready), which then overlaps the client's connection instead of following it. Measured on a restart of the
         * server: the schema check of the memory's start took 130 ms less (median of three, 850–880 ms against
         * 990–1,060 ms). A failure changes nothing but the time of the client's first statement.
         */
        private static void warmQueryEngine(GraphDatabaseService database) {
            Thread warm = new Thread(
                    () -> {
                        try {
                            database.executeTransactionally("RETURN 1");
                        } catch (RuntimeException e) {
                            LOG.debug("The query engine's warm-up failed (the first statement starts it instead)", e);
                        }
                    },
                    "graphmemory-neo4j-warm-up");
            warm.setDaemon(true);
            warm.start();
        }

        private Map<Setting<?>, Object> settings() {
            Map<Setting<?>, Object> settings = new LinkedHashMap<>();
            settings.put(BoltConnector.enabled, true);
            settings.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort));
            settings.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
            settings.put(HttpConnector.enabled, false);
            settings.put(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.ALL);
            settings.put(BoltConnector.connection_keep_alive, keepAlive);
            settings.put(BoltConnector.connection_keep_alive_probes, 2);
            // The in-JVM "local" Bolt channel serves Neo4j's own internal clients only (none in community);
            // its netty LocalChannel does not start on the netty 4.2 that the driver needs.
            settings.put(BoltConnectorInternalSettings.enable_local_connector, false);
            settings.put(GraphDatabaseSettings.auth_enabled, false);
            settings.put(GraphDatabaseSettings.pagecache_memory, pageCacheBytes);
            settings.put(GraphDatabaseSettings.transaction_timeout, transactionTimeout);
            settings.put(GraphDatabaseSettings.lock_acquisition_timeout, lockAcquisitionTimeout);
            settings.put(GraphDatabaseSettings.memory_transaction_max_size, transactionMemoryBytes);
            // Stopping waits this long for running transactions before it terminates them: a query left running by a
            // client that went away must not hold the data directory for long.
            settings.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2));
            // The assistant-facing query tool refuses LOAD CSV; the server refuses file URLs as well.
            settings.put(GraphDatabaseSettings.allow_file_urls, false);
            settings.put(GraphDatabaseSettings.preallocate_logical_logs, false);
            settings.put(GraphDatabaseSettings.keep_logical_logs, "keep_none");
            settings.put(GraphDatabaseSettings.udc_enabled, false);
            // One plan per statement and parameter types, not also per order of magnitude of each string's and list's
            // length: with size hints, a statement is planned again for a longer name or a bigger batch (a second or
            // more when cold), so a plan made ahead at start-up rarely served the call that came.
            settings.put(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false);
            // Bolt's defaults wait seconds for idle network threads at shutdown; there is nothing to drain in-process.
            settings.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            settings.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
            settings.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2));
            settings.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(2));
            settings.putAll(extraSettings);
            return settings;
        }

        private static Path createTemporaryHome() {
            try {
                return Files.createTempDirectory("graphmemory-neo4j-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for Neo4j", e);
            }
        }

        /**
         * The data directory, created if missing, after making sure the database can write there: Neo4j itself would
         * report an unwritable directory as one "in use by another process", after hundreds of lines of log errors.
         */
        private static Path createHome(Path directory) {
            Path home = directory.toAbsolutePath().normalize();
            try {
                Files.createDirectories(home);
            } catch (FileAlreadyExistsException e) {
                throw new EmbeddedStartException(
                        "The data directory " + home + " cannot be created: " + e.getFile() + " is a file", e);
            } catch (AccessDeniedException e) {
                throw new EmbeddedStartException(
                        "The data directory " + home + " cannot be created: permission denied on " + e.getFile(), e);
            } catch (IOException e) {
                throw new EmbeddedStartException("The data directory " + home + " cannot be created: " + reason(e), e);
            }
            Path probe = home.resolve(".graphmemory-write-check");
            try {
                Files.deleteIfExists(probe);
                Files.writeString(probe, "graphmemory checks that it can write here");
                Files.delete(probe);
            } catch (IOException e) {
                throw new EmbeddedStartException(
                        "The data directory " + home + " is not writable (" + reason(e)
                                + "): make it writable, or choose another data directory",
                        e);
            }
            return home;
        }

        private static String reason(IOException e) {
            if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
                return fileSystem.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            return String.valueOf(e.getMessage());
        }

        /**
         * Neo4j's file logging reports its own trouble (a debug log it cannot write to a full disk) on standard
         * error, stack traces included; the user log (through SLF4J) says what matters. With Neo4j's logging at INFO
         * or finer ({@code --verbose}) it stays on.
         */
        private static void quietLog4jStatus() {
            StatusLogger status = StatusLogger.getLogger();
            status.getListeners().forEach(status::removeListener);
            status.getFallbackListener().setLevel(Level.OFF);
        }

        private static String explain(Path home, RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage());
                if (message.contains("Lock file has been locked") || message.contains("locked by another process")) {
                    return "The Neo4j data directory " + home + " is in use by another process";
                }
                if (message.contains("Read-only file system") || message.contains("Permission denied")) {
                    return "The data directory " + home + " is not writable (" + message
                            + "): make it writable, or choose another data directory";
                }
                if (message.contains("Address already in use")) {
                    return "The Bolt port is already in use: " + message;
                }
            }
            return "Neo4j failed to start in " + home + ": " + e.getMessage();
        }

        private static Duration requireNonNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + duration);
            }
            return duration;
        }
    }
}
