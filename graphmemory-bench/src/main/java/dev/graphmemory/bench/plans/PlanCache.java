package dev.graphmemory.bench.plans;

import dev.graphmemory.embedded.EmbeddedNeo4j;
import org.neo4j.kernel.impl.query.QueryCacheStatistics;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j's own count of re-plans: each time a cached plan was found stale (the graph's counts had drifted from those
 * it was made for) and the statement planned again while its call waited. Read from the embedded database's query
 * cache statistics, the numbers Neo4j's metrics publish as {@code cypher.replan_events} and
 * {@code cypher.replan_wait_time}.
 */
public final class PlanCache {
    private final QueryCacheStatistics statistics;

    private PlanCache(QueryCacheStatistics statistics) {
        this.statistics = statistics;
    }

    /** The plan cache of the embedded server's database. */
    public static PlanCache of(EmbeddedNeo4j neo4j) {
        return new PlanCache(((GraphDatabaseAPI) neo4j.database())
                .getDependencyResolver()
                .resolveDependency(QueryCacheStatistics.class));
    }

    /** Re-plans so far. */
    public long replans() {
        return statistics.numberOfReplans();
    }

    /** Milliseconds statements waited for re-plans so far (calls, the plan keeper, background workers). */
    public long replanWaitMillis() {
        return statistics.replanWaitTime();
    }

    /** Plans made so far (first plans and re-plans), of whole statements. */
    public long compiled() {
        var metrics = statistics.metricsPerCacheKind().get("executable_query");
        return metrics == null ? 0 : metrics.getCompiled();
    }
}
