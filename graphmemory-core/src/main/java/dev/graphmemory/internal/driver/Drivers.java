package dev.graphmemory.internal.driver;

import dev.graphmemory.MemoryConfig;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

/**
 * Makes the driver of a {@code GraphMemory} from its configuration: the pool, timeouts, retry budget, metrics and
 * logging.
 */
public final class Drivers {
    private Drivers() {}

    /**
     * A driver for {@link MemoryConfig#uri()}, reporting its pool to {@code metrics}; not yet connected.
     *
     * @throws IllegalArgumentException when the configuration has no URI
     */
    @SuppressWarnings("deprecation") // Logging: see below
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
                .withObservationProvider(metrics)
                // The driver's own loggers through SLF4J, like the library's. Its default (System.Logger) formats
                // every message it sends for the debug log before asking whether debug is on: the statement and all
                // its parameters as text, each time (6 % of a migration's CPU, 5,000 rows per statement). SLF4J's
                // asks first. Logging is deprecated in driver 6 in favour of System.Logger, which has no such check.
                .withLogging(Logging.slf4j());
        config.connectionLivenessCheckTimeout()
                .ifPresent(idle ->
                        driverConfig.withConnectionLivenessCheckTimeout(idle.toMillis(), TimeUnit.MILLISECONDS));
        return GraphDatabase.driver(uri, config.authToken(), driverConfig.build());
    }
}
