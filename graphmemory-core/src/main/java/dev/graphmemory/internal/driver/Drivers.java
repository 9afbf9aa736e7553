package dev.graphmemory.internal.driver;

import dev.graphmemory.MemoryConfig;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

/** Makes the driver of a {@code GraphMemory} from its configuration: the pool, timeouts, retry budget and metrics. */
public final class Drivers {
    private Drivers() {}

    /**
     * A driver for {@link MemoryConfig#uri()}, reporting its pool to {@code metrics}; not yet connected.
     *
     * @throws IllegalArgumentException when the configuration has no URI
     */
    public static Driver create(MemoryConfig config, MetricsObservationProvider metrics) {
        var uri = config.uri()
                .orElseThrow(() -> new IllegalArgumentException(
                        "MemoryConfig has no uri; set NEO4J_URI or MemoryConfig.builder().uri(...)"));
        Config.ConfigBuilder driverConfig = Config.builder()
                .withMaxConnectionPoolSize(config.maxConnectionPoolSize())
                .withConnectionAcquisitionTimeout(
                        config.connectionAcquisitionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(config.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withMaxConnectionLifetime(config.maxConnectionLifetime().toMillis(), TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(config.maxRetryTime().toMillis(), TimeUnit.MILLISECONDS)
                .withUserAgent("graphmemory/0.1")
                .withObservationProvider(metrics);
        config.connectionLivenessCheckTimeout()
                .ifPresent(idle ->
                        driverConfig.withConnectionLivenessCheckTimeout(idle.toMillis(), TimeUnit.MILLISECONDS));
        return GraphDatabase.driver(uri, config.authToken(), driverConfig.build());
    }
}
