package dev.graphmemory.app;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.Health;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code graphmemory health}: exit status 0 when the database answers and the schema is complete. */
@Command(name = "health", mixinStandardHelpOptions = true, description = "Check the database, schema and pool.")
final class HealthCommand extends MemoryCommand {
    @Override
    int run(GraphMemory memory, PrintWriter out) {
        Health health = memory.healthCheck();
        out.printf("status:      %s%n", health.healthy() ? "healthy" : "UNHEALTHY: " + health.problem());
        out.printf("server:      %s (%s)%n", health.serverAgent(), health.edition());
        out.printf("database:    %s%n", health.database());
        out.printf(
                "schema:      version %d%s%n",
                health.schemaVersion(), health.missingSchema().isEmpty() ? "" : ", missing " + health.missingSchema());
        out.printf(
                "round trip:  %.2f ms%n",
                health.roundTrip() == null ? Double.NaN : health.roundTrip().toNanos() / 1e6);
        if (health.pool() != null) {
            out.printf(
                    "pool:        %d in use, %d idle, %d acquisition timeouts%n",
                    health.pool().inUse(), health.pool().idle(), health.pool().acquisitionTimeouts());
        }
        return health.healthy() ? 0 : 1;
    }
}
