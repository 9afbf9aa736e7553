package dev.graphmemory.internal.run;

import dev.graphmemory.internal.cypher.Schema;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.model.Health;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ResultSummary;

/**
 * The health check: one round trip timed, the server's version and edition, and the schema state. A database that
 * cannot be reached gives an unhealthy result with the reason, not an exception, so that callers can report it.
 */
public final class HealthCheck {
    private static final String COMPONENTS =
            "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition";

    private HealthCheck() {}

    /** Checks the database; {@code pool} may supply {@code null} when pool metrics are not available. */
    public static Health check(Driver driver, String database, Supplier<Health.PoolState> pool) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            long started = System.nanoTime();
            ResultSummary ping = session.executeRead(tx -> tx.run("RETURN 1").consume());
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
            Record components = session.executeRead(tx -> tx.run(COMPONENTS).single());
            Schema.SchemaState schema = Schema.state(session);
            String problem = schema.complete()
                    ? null
                    : "schema incomplete: version " + schema.version() + " of " + Schema.VERSION + ", missing "
                            + schema.missing();
            return new Health(
                    schema.complete(),
                    ping.server().agent(),
                    components.get("edition").asString(),
                    database,
                    schema.version(),
                    schema.missing(),
                    roundTrip,
                    pool.get(),
                    problem);
        } catch (RuntimeException e) {
            var error = Errors.translate(e);
            return new Health(false, null, null, database, 0, List.of(), null, pool.get(), error.getMessage());
        }
    }
}
