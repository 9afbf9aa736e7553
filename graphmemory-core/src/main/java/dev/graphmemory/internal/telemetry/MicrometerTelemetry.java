package dev.graphmemory.internal.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.neo4j.driver.observation.metrics.ConnectionPoolMetrics;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * {@link Telemetry} into Micrometer. This is the only class that touches Micrometer, and it is loaded only when the
 * application passes a registry, so Micrometer stays an optional dependency.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>graphmemory.operation</td><td>timer</td><td>operation, outcome (success or an error code)</td></tr>
 *   <tr><td>graphmemory.retries</td><td>counter</td><td>operation</td></tr>
 *   <tr><td>graphmemory.writes</td><td>counter</td><td>kind (nodes.created, relationships.created, ...)</td></tr>
 *   <tr><td>graphmemory.pool.in.use, graphmemory.pool.idle</td><td>gauges</td><td></td></tr>
 *   <tr><td>graphmemory.pool.acquisition.timeouts</td><td>counter</td><td></td></tr>
 *   <tr><td>graphmemory.embedding.embedded</td><td>counter</td><td></td></tr>
 *   <tr><td>graphmemory.embedding.batch</td><td>timer</td><td></td></tr>
 *   <tr><td>graphmemory.coalescing.batch.size</td><td>distribution summary</td><td>operation</td></tr>
 *   <tr><td>graphmemory.coalescing.wait</td><td>timer</td><td>operation</td></tr>
 *   <tr><td>graphmemory.coalescing.fallbacks</td><td>counter</td><td>operation</td></tr>
 *   <tr><td>graphmemory.coalescing.rejections</td><td>counter</td><td>operation</td></tr>
 * </table>
 */
public final class MicrometerTelemetry implements Telemetry {
    private final MeterRegistry registry;

    private MicrometerTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Telemetry into {@code registry}, with the pool's gauges when the driver's pool metrics are known. */
    public static Telemetry create(Object registry, MetricsObservationProvider pool) {
        MeterRegistry meters = (MeterRegistry) registry;
        if (pool != null) {
            Gauge.builder("graphmemory.pool.in.use", pool, sum(ConnectionPoolMetrics::inUse))
                    .description("Connections lent out now")
                    .register(meters);
            Gauge.builder("graphmemory.pool.idle", pool, sum(ConnectionPoolMetrics::idle))
                    .description("Connections waiting in the pool")
                    .register(meters);
            FunctionCounter.builder(
                            "graphmemory.pool.acquisition.timeouts",
                            pool,
                            sum(ConnectionPoolMetrics::timedOutToAcquire))
                    .description("Callers that gave up waiting for a connection")
                    .register(meters);
        }
        return new MicrometerTelemetry(meters);
    }

    private static ToDoubleFunction<MetricsObservationProvider> sum(ToDoubleFunction<ConnectionPoolMetrics> metric) {
        return pool -> pool.metrics().connectionPoolMetrics().stream()
                .mapToDouble(metric)
                .sum();
    }

    @Override
    public void operation(String name, long nanos, String outcome) {
        Timer.builder("graphmemory.operation")
                .description("Memory operations, by outcome")
                .tag("operation", name)
                .tag("outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retry(String name) {
        increment("graphmemory.retries", "Transactions run again after a transient failure", name);
    }

    @Override
    public void written(SummaryCounters counters) {
        if (!counters.containsUpdates()) {
            return;
        }
        count("nodes.created", counters.nodesCreated());
        count("nodes.deleted", counters.nodesDeleted());
        count("relationships.created", counters.relationshipsCreated());
        count("relationships.deleted", counters.relationshipsDeleted());
        count("properties.set", counters.propertiesSet());
    }

    @Override
    public void searchIndexed(long nodes) {
        Counter.builder("graphmemory.search.indexed")
                .description("New memories the search indexer moved into the full-text index")
                .register(registry)
                .increment(nodes);
    }

    @Override
    public void embedded(int memories, long nanos) {
        Counter.builder("graphmemory.embedding.embedded")
                .description("Memories the background embedder embedded")
                .register(registry)
                .increment(memories);
        Timer.builder("graphmemory.embedding.batch")
                .description("Time to embed one batch of memories")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void coalesced(String name, int size) {
        DistributionSummary.builder("graphmemory.coalescing.batch.size")
                .description("Writes run together in one coalesced transaction")
                .tag("operation", name)
                .register(registry)
                .record(size);
    }

    @Override
    public void coalescingWait(String name, long nanos) {
        Timer.builder("graphmemory.coalescing.wait")
                .description("Time a coalesced write waited in the queue before its transaction started")
                .tag("operation", name)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void coalescingFallback(String name) {
        increment(
                "graphmemory.coalescing.fallbacks",
                "Coalesced transactions that failed as a whole, whose writes then ran alone",
                name);
    }

    @Override
    public void coalescingRejected(String name) {
        increment(
                "graphmemory.coalescing.rejections",
                "Writes refused with a BusyException because the coalescing queue was full",
                name);
    }

    private void increment(String meter, String description, String operation) {
        Counter.builder(meter)
                .description(description)
                .tag("operation", operation)
                .register(registry)
                .increment();
    }

    private void count(String kind, int amount) {
        if (amount > 0) {
            Counter.builder("graphmemory.writes")
                    .description("What statements wrote")
                    .tag("kind", kind)
                    .register(registry)
                    .increment(amount);
        }
    }
}
