package dev.graphmemory.internal.search;

import dev.graphmemory.internal.telemetry.Telemetry;
import java.util.List;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The application's telemetry, also waking the workers behind the writes (the {@link SearchIndexer} and the
 * {@link EmbeddingIndexer}) when a statement added labels, as writes of new searchable nodes do. Every statement's
 * counters already pass through {@link Telemetry#written}, in every executor, which makes this the one place that sees
 * them all.
 */
public final class IndexingTelemetry implements Telemetry {
    private final Telemetry delegate;
    private final List<Runnable> wake;

    public IndexingTelemetry(Telemetry delegate, List<Runnable> wake) {
        this.delegate = delegate;
        this.wake = List.copyOf(wake);
    }

    @Override
    public void written(SummaryCounters counters) {
        delegate.written(counters);
        if (counters.labelsAdded() > 0) {
            wake.forEach(Runnable::run);
        }
    }

    @Override
    public void embedded(int memories, long nanos) {
        delegate.embedded(memories, nanos);
    }

    @Override
    public void operation(String name, long nanos, String outcome) {
        delegate.operation(name, nanos, outcome);
    }

    @Override
    public void retry(String name) {
        delegate.retry(name);
    }

    @Override
    public void coalesced(String name, int size) {
        delegate.coalesced(name, size);
    }

    @Override
    public void coalescingWait(String name, long nanos) {
        delegate.coalescingWait(name, nanos);
    }

    @Override
    public void coalescingFallback(String name) {
        delegate.coalescingFallback(name);
    }

    @Override
    public void coalescingRejected(String name) {
        delegate.coalescingRejected(name);
    }

    @Override
    public void searchIndexed(long nodes) {
        delegate.searchIndexed(nodes);
    }
}
