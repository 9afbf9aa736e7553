package dev.graphmemory;

import dev.graphmemory.model.Validate;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * Immutable settings of a {@link GraphMemory}. Every setting has a default; {@link #fromEnv()} reads the connection
 * from the standard Neo4j environment variables.
 *
 * <pre>{@code
 * MemoryConfig config = MemoryConfig.builder()
 *         .uri(URI.create("neo4j://db.example.com"))
 *         .credentials("neo4j", secret)
 *         .namespace("alice")
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>environment</th><th>default</th></tr>
 *   <tr><td>uri</td><td>NEO4J_URI</td><td>none (the app then starts an embedded Neo4j)</td></tr>
 *   <tr><td>username / password</td><td>NEO4J_USERNAME / NEO4J_PASSWORD</td><td>none (no authentication)</td></tr>
 *   <tr><td>database</td><td>NEO4J_DATABASE</td><td>{@code neo4j}</td></tr>
 *   <tr><td>namespace</td><td>GRAPHMEMORY_NAMESPACE</td><td>{@code default}</td></tr>
 *   <tr><td>embedding dimensions</td><td>GRAPHMEMORY_EMBEDDING_DIMENSIONS</td><td>384</td></tr>
 *   <tr><td>write coalescing</td><td>GRAPHMEMORY_COALESCING ({@code on}/{@code off})</td><td>off</td></tr>
 * </table>
 */
public final class MemoryConfig {
    /** The namespace used when none is given. */
    public static final String DEFAULT_NAMESPACE = "default";
    /** The database used when none is given. */
    public static final String DEFAULT_DATABASE = "neo4j";
    /** The embedding size used when none is given (that of many small sentence-embedding models). */
    public static final int DEFAULT_EMBEDDING_DIMENSIONS = 384;

    private final URI uri;
    private final String username;
    private final String password;
    private final String database;
    private final String namespace;
    private final int maxConnectionPoolSize;
    private final Duration connectionAcquisitionTimeout;
    private final Duration connectionTimeout;
    private final Duration maxConnectionLifetime;
    private final Duration connectionLivenessCheckTimeout;
    private final Duration transactionTimeout;
    private final Duration maxRetryTime;
    private final int batchChunkSize;
    private final int queryRowLimit;
    private final Duration queryTimeout;
    private final Object meterRegistry;
    private final int embeddingDimensions;
    private final Coalescing coalescing;
    private final boolean planWarmUp;
    private final Embeddings embeddings;

    private MemoryConfig(Builder builder) {
        this.meterRegistry = builder.meterRegistry;
        this.uri = builder.uri;
        this.username = builder.username;
        this.password = builder.password;
        this.database = builder.database;
        this.namespace = builder.namespace;
        this.maxConnectionPoolSize = builder.maxConnectionPoolSize;
        this.connectionAcquisitionTimeout = builder.connectionAcquisitionTimeout;
        this.connectionTimeout = builder.connectionTimeout;
        this.maxConnectionLifetime = builder.maxConnectionLifetime;
        this.connectionLivenessCheckTimeout = builder.connectionLivenessCheckTimeout;
        this.transactionTimeout = builder.transactionTimeout;
        this.maxRetryTime = builder.maxRetryTime;
        this.batchChunkSize = builder.batchChunkSize;
        this.queryRowLimit = builder.queryRowLimit;
        this.queryTimeout = builder.queryTimeout;
        this.embeddingDimensions = builder.embeddingDimensions;
        this.coalescing = builder.coalescing;
        this.planWarmUp = builder.planWarmUp;
        this.embeddings = builder.embeddings;
    }

    /** The defaults. */
    public static MemoryConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults with the connection taken from {@code NEO4J_URI}, {@code NEO4J_USERNAME} and so on. */
    public static MemoryConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /** Like {@link #fromEnv()}, reading the given variables (for tests and launchers). */
    public static MemoryConfig fromEnv(Map<String, String> environment) {
        return builder().applyEnv(environment).build();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same settings with another namespace. */
    public MemoryConfig withNamespace(String newNamespace) {
        return toBuilder().namespace(newNamespace).build();
    }

    /** The Neo4j address, if one was given. */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** The user name, if any. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Whether a password was given (the password itself is only handed to the driver). */
    public boolean hasPassword() {
        return password != null;
    }

    /**
     * The credentials as the driver takes them: basic authentication when a username is given, else none. This is the
     * only way the password leaves the configuration.
     */
    public AuthToken authToken() {
        return username != null ? AuthTokens.basic(username, password) : AuthTokens.none();
    }

    /** The database the memory lives in; passed to every session. */
    public String database() {
        return database;
    }

    /** The namespace (tenant) every operation is scoped to. */
    public String namespace() {
        return namespace;
    }

    /** Most connections the pool holds. */
    public int maxConnectionPoolSize() {
        return maxConnectionPoolSize;
    }

    /** How long a caller waits for a pooled connection before a {@code BusyException}. */
    public Duration connectionAcquisitionTimeout() {
        return connectionAcquisitionTimeout;
    }

    /** How long opening a connection may take. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** How long a pooled connection lives. */
    public Duration maxConnectionLifetime() {
        return maxConnectionLifetime;
    }

    /** Idle time after which a pooled connection is checked before use, if set. */
    public Optional<Duration> connectionLivenessCheckTimeout() {
        return Optional.ofNullable(connectionLivenessCheckTimeout);
    }

    /** The server-side limit of each transaction; {@link Duration#ZERO} leaves it to the server. */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /** The retry budget: how long managed transactions keep retrying transient failures. */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** Rows per statement in batches. */
    public int batchChunkSize() {
        return batchChunkSize;
    }

    /** Most rows a read-only query returns. */
    public int queryRowLimit() {
        return queryRowLimit;
    }

    /** The server-side limit of a read-only query. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** The Micrometer {@code MeterRegistry} graphmemory records its metrics in, if one was given. */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /**
     * The number of dimensions of memory embeddings: the vector index is made with it, and embeddings of another
     * length are refused.
     */
    public int embeddingDimensions() {
        return embeddingDimensions;
    }

    /** How memories are embedded for search by meaning (on, with the built-in embedder, by default). */
    public Embeddings embeddings() {
        return embeddings;
    }

    /** The write coalescing of single writes called on the memory itself, if turned on (off by default). */
    public Optional<Coalescing> coalescing() {
        return Optional.ofNullable(coalescing);
    }

    /**
     * Whether connecting starts planning every statement the library sends in the background (off by default), so
     * that the first call of each operation finds its plan in Neo4j's cache instead of waiting for the planner, and
     * keeps the plans of the statements calls send fresh in the background instead of at a call.
     */
    public boolean planWarmUp() {
        return planWarmUp;
    }

    @Override
    public String toString() {
        return "MemoryConfig[uri=" + uri + ", username=" + username + ", password="
                + (password == null ? "none" : "***")
                + ", database=" + database + ", namespace=" + namespace + ", maxConnectionPoolSize="
                + maxConnectionPoolSize + ", connectionAcquisitionTimeout=" + connectionAcquisitionTimeout
                + ", transactionTimeout=" + transactionTimeout + ", maxRetryTime=" + maxRetryTime
                + ", batchChunkSize=" + batchChunkSize + ", queryRowLimit=" + queryRowLimit + ", queryTimeout="
                + queryTimeout + ", embeddingDimensions=" + embeddingDimensions + ", coalescing=" + coalescing
                + ", embeddings=" + embeddings + "]";
    }

    /** Builds a {@link MemoryConfig}; every setter checks its value at once. */
    public static final class Builder {
        private URI uri;
        private String username;
        private String password;
        private String database = DEFAULT_DATABASE;
        private String namespace = DEFAULT_NAMESPACE;
        private int maxConnectionPoolSize = 100;
        private Duration connectionAcquisitionTimeout = Duration.ofSeconds(30);
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private Duration maxConnectionLifetime = Duration.ofHours(1);
        private Duration connectionLivenessCheckTimeout;
        private Duration transactionTimeout = Duration.ofSeconds(60);
        private Duration maxRetryTime = Duration.ofSeconds(30);
        private int batchChunkSize = 2_000;
        private int queryRowLimit = 1_000;
        private Duration queryTimeout = Duration.ofSeconds(10);
        private Object meterRegistry;
        private int embeddingDimensions = DEFAULT_EMBEDDING_DIMENSIONS;
        private Coalescing coalescing;
        private boolean planWarmUp;
        private Embeddings embeddings = Embeddings.defaults();

        private Builder() {}

        private Builder(MemoryConfig config) {
            uri = config.uri;
            username = config.username;
            password = config.password;
            database = config.database;
            namespace = config.namespace;
            maxConnectionPoolSize = config.maxConnectionPoolSize;
            connectionAcquisitionTimeout = config.connectionAcquisitionTimeout;
            connectionTimeout = config.connectionTimeout;
            maxConnectionLifetime = config.maxConnectionLifetime;
            connectionLivenessCheckTimeout = config.connectionLivenessCheckTimeout;
            transactionTimeout = config.transactionTimeout;
            maxRetryTime = config.maxRetryTime;
            batchChunkSize = config.batchChunkSize;
            queryRowLimit = config.queryRowLimit;
            queryTimeout = config.queryTimeout;
            meterRegistry = config.meterRegistry;
            embeddingDimensions = config.embeddingDimensions;
            coalescing = config.coalescing;
            planWarmUp = config.planWarmUp;
            embeddings = config.embeddings;
        }

        /**
         * Takes {@code NEO4J_URI}, {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}, {@code NEO4J_DATABASE},
         * {@code GRAPHMEMORY_NAMESPACE}, {@code GRAPHMEMORY_EMBEDDING_DIMENSIONS}, {@code GRAPHMEMORY_COALESCING}
         * ({@code on} for {@link Coalescing#defaults()}, {@code off}), {@code GRAPHMEMORY_EMBEDDINGS} ({@code on},
         * {@code off}), {@code GRAPHMEMORY_EMBEDDING_THREADS} and {@code GRAPHMEMORY_EMBEDDING_BATCH} from the given
         * variables where set and not blank.
         */
        public Builder applyEnv(Map<String, String> environment) {
            env(environment, "NEO4J_URI").ifPresent(value -> uri(URI.create(value)));
            env(environment, "NEO4J_USERNAME").ifPresent(value -> username = value);
            env(environment, "NEO4J_PASSWORD").ifPresent(value -> password = value);
            env(environment, "NEO4J_DATABASE").ifPresent(this::database);
            env(environment, "GRAPHMEMORY_NAMESPACE").ifPresent(this::namespace);
            env(environment, "GRAPHMEMORY_EMBEDDING_DIMENSIONS").ifPresent(value -> {
                try {
                    embeddingDimensions(Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "GRAPHMEMORY_EMBEDDING_DIMENSIONS must be a whole number, was " + value, e);
                }
            });
            env(environment, "GRAPHMEMORY_EMBEDDINGS")
                    .ifPresent(value -> embeddings(
                            switch (value.toLowerCase(java.util.Locale.ROOT)) {
                                case "on", "true" ->
                                    new Embeddings(
                                            true,
                                            embeddings.embedder(),
                                            embeddings.threads(),
                                            embeddings.batchSize(),
                                            embeddings.inlineLimit());
                                case "off", "false" ->
                                    new Embeddings(
                                            false,
                                            embeddings.embedder(),
                                            embeddings.threads(),
                                            embeddings.batchSize(),
                                            embeddings.inlineLimit());
                                default ->
                                    throw new IllegalArgumentException(
                                            "GRAPHMEMORY_EMBEDDINGS must be on or off, was " + value);
                            }));
            env(environment, "GRAPHMEMORY_EMBEDDING_THREADS")
                    .ifPresent(
                            value -> embeddings(embeddings.withThreads(whole("GRAPHMEMORY_EMBEDDING_THREADS", value))));
            env(environment, "GRAPHMEMORY_EMBEDDING_BATCH")
                    .ifPresent(
                            value -> embeddings(embeddings.withBatchSize(whole("GRAPHMEMORY_EMBEDDING_BATCH", value))));
            env(environment, "GRAPHMEMORY_COALESCING")
                    .ifPresent(value -> coalescing(
                            switch (value.toLowerCase(java.util.Locale.ROOT)) {
                                case "on", "true" -> Coalescing.defaults();
                                case "off", "false" -> null;
                                default ->
                                    throw new IllegalArgumentException(
                                            "GRAPHMEMORY_COALESCING must be on or off, was " + value);
                            }));
            return this;
        }

        /** The Neo4j address: {@code bolt://}, {@code neo4j://} (routing) or their {@code +s}/{@code +ssc} forms (TLS). */
        public Builder uri(URI value) {
            String scheme = Objects.requireNonNull(value, "uri").getScheme();
            if (scheme == null || !scheme.matches("(bolt|neo4j)(\\+s|\\+ssc)?")) {
                throw new IllegalArgumentException(
                        "uri must use bolt, neo4j, bolt+s, neo4j+s, bolt+ssc or neo4j+ssc: " + value);
            }
            this.uri = value;
            return this;
        }

        /** Basic authentication. */
        public Builder credentials(String user, String secret) {
            this.username = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** The database the memory lives in. */
        public Builder database(String value) {
            if (value == null || !value.matches("[A-Za-z][A-Za-z0-9.-]{0,62}")) {
                throw new IllegalArgumentException("database must be a Neo4j database name, was " + value);
            }
            this.database = value;
            return this;
        }

        /** The namespace (tenant): 1 to 64 letters, digits or {@code _ . -}. */
        public Builder namespace(String value) {
            this.namespace = Validate.namespace(value);
            return this;
        }

        /** Most pooled connections (default 100). */
        public Builder maxConnectionPoolSize(int value) {
            this.maxConnectionPoolSize = positive("maxConnectionPoolSize", value);
            return this;
        }

        /** How long to wait for a pooled connection (default 30 s). */
        public Builder connectionAcquisitionTimeout(Duration value) {
            this.connectionAcquisitionTimeout = positive("connectionAcquisitionTimeout", value);
            return this;
        }

        /** How long opening a connection may take (default 10 s). */
        public Builder connectionTimeout(Duration value) {
            this.connectionTimeout = positive("connectionTimeout", value);
            return this;
        }

        /** How long a pooled connection lives (default 1 h). */
        public Builder maxConnectionLifetime(Duration value) {
            this.maxConnectionLifetime = positive("maxConnectionLifetime", value);
            return this;
        }

        /** Check connections idle longer than this before use (default: no check). */
        public Builder connectionLivenessCheckTimeout(Duration value) {
            this.connectionLivenessCheckTimeout = positive("connectionLivenessCheckTimeout", value);
            return this;
        }

        /** The server-side limit of each transaction (default 60 s; {@link Duration#ZERO} leaves it to the server). */
        public Builder transactionTimeout(Duration value) {
            Objects.requireNonNull(value, "transactionTimeout");
            if (value.isNegative()) {
                throw new IllegalArgumentException("transactionTimeout must not be negative");
            }
            this.transactionTimeout = value;
            return this;
        }

        /** How long managed transactions keep retrying transient failures (default 30 s). */
        public Builder maxRetryTime(Duration value) {
            Objects.requireNonNull(value, "maxRetryTime");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxRetryTime must not be negative");
            }
            this.maxRetryTime = value;
            return this;
        }

        /** Rows per statement in batches (default 2,000; 1 to 50,000). */
        public Builder batchChunkSize(int value) {
            if (value < 1 || value > 50_000) {
                throw new IllegalArgumentException("batchChunkSize must be between 1 and 50000, was " + value);
            }
            this.batchChunkSize = value;
            return this;
        }

        /** Most rows a read-only query returns (default 1,000; 1 to 100,000). */
        public Builder queryRowLimit(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("queryRowLimit must be between 1 and 100000, was " + value);
            }
            this.queryRowLimit = value;
            return this;
        }

        /** The server-side limit of a read-only query (default 10 s). */
        public Builder queryTimeout(Duration value) {
            this.queryTimeout = positive("queryTimeout", value);
            return this;
        }

        /**
         * Records metrics into this Micrometer {@code io.micrometer.core.instrument.MeterRegistry}: operation latency by
         * outcome, retries, writes, and the connection pool. It is typed {@code Object} so that Micrometer stays an
         * optional dependency (as HikariCP does); anything else is refused.
         */
        public Builder meterRegistry(Object registry) {
            if (registry != null && !isMeterRegistry(registry)) {
                throw new IllegalArgumentException(
                        "meterRegistry must be an io.micrometer.core.instrument.MeterRegistry, was "
                                + registry.getClass());
            }
            this.meterRegistry = registry;
            return this;
        }

        private static boolean isMeterRegistry(Object registry) {
            for (Class<?> type = registry.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals("io.micrometer.core.instrument.MeterRegistry")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The number of dimensions of memory embeddings (default 384; 1 to 4,096). The vector index is created with
         * it the first time; a database whose index has another size is refused at start, since its embeddings could
         * not be compared with new ones.
         */
        public Builder embeddingDimensions(int value) {
            if (value < 1 || value > 4_096) {
                throw new IllegalArgumentException("embeddingDimensions must be between 1 and 4096, was " + value);
            }
            this.embeddingDimensions = value;
            return this;
        }

        /**
         * Coalesces concurrent single writes called on the memory itself into set-based transactions (see
         * {@link Coalescing}); {@code null} turns it off (the default).
         */
        public Builder coalescing(Coalescing value) {
            this.coalescing = value;
            return this;
        }

        /**
         * Whether to warm up every statement in the background after connecting (off by default): each runs once, in
         * a transaction that is rolled back, in a namespace no memory can have (see the warm-up section in {@code
         * docs/architecture.md}), so that Neo4j has planned it and both sides' code for it is compiled; the
         * embedding model makes its first inferences; and last, a search runs as a call would, in that namespace (not
         * measured as a call). Worth it in a process that serves calls for a while, such as
         * {@code graphmemory serve}, where the first call of each operation would otherwise wait for the planner (up
         * to seconds while the server is fresh); not in one that makes a call and exits, where it would only compete
         * with that call. It gives way to calls (its next statement waits while one is running) and holds one
         * connection while it runs (15-20 s in a fresh process on 2 cores).
         *
         * <p>It also starts the plan keeper: calls use the plans Neo4j has cached, stale or not ({@code CYPHER
         * replan=skip}), and a daemon thread has Neo4j plan again, every few seconds, those whose counts have drifted
         * (an {@code EXPLAIN} of each statement calls sent), so that no call waits for a re-plan (see the plan keeper
         * in {@code docs/architecture.md}).
         */
        public Builder planWarmUp(boolean value) {
            this.planWarmUp = value;
            return this;
        }

        /** How memories are embedded for search by meaning (default {@link Embeddings#defaults()}). */
        public Builder embeddings(Embeddings value) {
            this.embeddings = Objects.requireNonNull(value, "embeddings");
            return this;
        }

        /** The settings. */
        public MemoryConfig build() {
            return new MemoryConfig(this);
        }

        private static Optional<String> env(Map<String, String> environment, String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        private static int whole(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value, e);
            }
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
