package dev.graphmemory.app;

import dev.graphmemory.model.Health;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code graphmemory health}: exit status 0 when the database answers and the schema is complete. */
@Command(name = "health", mixinStandardHelpOptions = true, description = "Check the database, schema and pool.")
final class HealthCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (MemoryRuntime runtime = MemoryRuntime.start(connection)) {
            Health health = runtime.memory().healthCheck();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("status:      %s%n", health.healthy() ? "healthy" : "UNHEALTHY: " + health.problem());
            out.printf("server:      %s (%s)%n", health.serverAgent(), health.edition());
            out.printf("database:    %s%n", health.database());
            out.printf(
                    "schema:      version %d%s%n",
                    health.schemaVersion(),
                    health.missingSchema().isEmpty() ? "" : ", missing " + health.missingSchema());
            out.printf(
                    "round trip:  %.2f ms%n",
                    health.roundTrip() == null ? Double.NaN : health.roundTrip().toNanos() / 1e6);
            if (health.pool() != null) {
                out.printf(
                        "pool:        %d in use, %d idle, %d acquisition timeouts%n",
                        health.pool().inUse(),
                        health.pool().idle(),
                        health.pool().acquisitionTimeouts());
            }
            out.flush();
            return health.healthy() ? 0 : 1;
        }
    }
}
