package dev.graphmemory.model;

import java.time.Duration;
import java.util.List;

/**
 * The state of the database connection and schema.
 *
 * @param healthy whether the database answered and the schema is complete and online
 * @param serverAgent the server's name and version, e.g. {@code Neo4j/5.26.0}
 * @param edition community or enterprise
 * @param database the database the memory lives in
 * @param schemaVersion the schema version found, or 0 if none
 * @param missingSchema names of constraints and indexes that are missing or not online
 * @param roundTrip how long a trivial query took
 * @param pool the connection pool, or {@code null} when the driver was given by the application
 * @param problem what is wrong when not healthy, or {@code null}
 */
public record Health(
        boolean healthy,
        String serverAgent,
        String edition,
        String database,
        int schemaVersion,
        List<String> missingSchema,
        Duration roundTrip,
        PoolState pool,
        String problem) {

    /** Copies the list. */
    public Health {
        missingSchema = List.copyOf(missingSchema);
    }

    /**
     * The driver's connection pool.
     *
     * @param inUse connections lent out now
     * @param idle connections waiting in the pool
     * @param acquisitionTimeouts callers that gave up waiting for a connection, since start
     */
    public record PoolState(int inUse, int idle, long acquisitionTimeouts) {}
}
