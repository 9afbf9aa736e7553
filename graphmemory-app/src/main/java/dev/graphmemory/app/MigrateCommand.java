package dev.graphmemory.app;

import dev.graphmemory.app.migrate.Migration;
import dev.graphmemory.app.migrate.MigrationReport;
import dev.graphmemory.app.migrate.OriginalGraph;
import java.net.URI;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code graphmemory migrate --from URI}: copies the graph the original Python adapter wrote (in another Neo4j, or
 * another database of the same one) into the namespace, converted to graphmemory's model; see
 * {@code docs/operations.md}. Re-running it writes nothing new. The report goes to standard output, the progress to
 * standard error.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Copy the original adapter's graph from another Neo4j into the namespace (re-running changes"
                + " nothing).")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "URI",
            description = "The original's Neo4j, e.g. bolt://old:7687")
    URI from;

    @Option(names = "--from-user", description = "Its user (default: --user, else neo4j)")
    String fromUser;

    @Option(
            names = "--from-password",
            arity = "0..1",
            interactive = true,
            description = "Its password (default: --password)")
    char[] fromPassword;

    @Option(names = "--from-database", description = "Its database (default: --database, else the server's default)")
    String fromDatabase;

    @Option(names = "--dry-run", description = "Write nothing; print what a migration would do")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String user = fromUser != null ? fromUser : connection.user != null ? connection.user : "neo4j";
        char[] secret = fromPassword != null ? fromPassword : connection.password;
        String database = fromDatabase != null ? fromDatabase : connection.database;
        try (Driver driver = GraphDatabase.driver(
                        from,
                        secret == null ? AuthTokens.none() : AuthTokens.basic(user, new String(secret)),
                        sourceConfig());
                MemoryRuntime runtime = MemoryRuntime.startWithoutEmbedder(connection)) {
            driver.verifyConnectivity();
            MigrationReport report = new Migration(new OriginalGraph(driver, database), runtime.memory(), dryRun).run();
            report.print(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** Logs through SLF4J, as the memory's own driver does (see {@code Drivers}: the default formats every message). */
    @SuppressWarnings("deprecation")
    private static Config sourceConfig() {
        return Config.builder().withLogging(Logging.slf4j()).build();
    }
}
