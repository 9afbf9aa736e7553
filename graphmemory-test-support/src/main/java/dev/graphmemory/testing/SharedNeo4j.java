package dev.graphmemory.testing;

import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.time.Duration;
import java.util.Collection;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.observation.metrics.ConnectionPoolMetrics;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

/**
 * The one embedded Neo4j of a test JVM and a driver to it with pool metrics enabled. Tests that need a driver with
 * other settings build one with {@link #newDriver(Config.ConfigBuilder)} and close it themselves.
 */
public final class SharedNeo4j implements AutoCloseable {
    private final EmbeddedNeo4j server;
    private final MetricsObservationProvider metrics;
    private final Driver driver;

    SharedNeo4j(EmbeddedNeo4j server) {
        this.server = server;
        this.metrics = MetricsObservationProvider.newInstance();
        this.driver = GraphDatabase.driver(
                server.boltUri(),
                AuthTokens.none(),
                Config.builder().withObservationProvider(metrics).build());
    }

    /** The server. */
    public EmbeddedNeo4j server() {
        return server;
    }

    /** The shared driver; do not close it. */
    public Driver driver() {
        return driver;
    }

    /** A new driver to the same server with the given settings; the caller closes it. */
    public Driver newDriver(Config.ConfigBuilder config) {
        return GraphDatabase.driver(server.boltUri(), AuthTokens.none(), config.build());
    }

    /** Connections of the shared driver that are lent out right now. */
    public int connectionsInUse() {
        return pools().stream().mapToInt(ConnectionPoolMetrics::inUse).sum();
    }

    /**
     * Waits until the shared driver has no connection in use, polling until the deadline. Asynchronous work may hand
     * its connection back a moment after the caller saw the result, so this is a condition with a deadline.
     *
     * @return the connections still in use when it stopped waiting (0 when the pool drained)
     */
    public int awaitConnectionsReleased(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        int inUse = connectionsInUse();
        while (inUse > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inUse;
            }
            inUse = connectionsInUse();
        }
        return inUse;
    }

    private Collection<ConnectionPoolMetrics> pools() {
        return metrics.metrics().connectionPoolMetrics();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            server.close();
        }
    }
}
