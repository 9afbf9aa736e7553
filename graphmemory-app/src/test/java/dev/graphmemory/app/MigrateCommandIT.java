package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.app.migrate.OriginalFixture;
import dev.graphmemory.embedded.EmbeddedNeo4j;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** {@code graphmemory migrate} as a user runs it: options, report on standard output, exit status. */
@Neo4jTest
class MigrateCommandIT {

    @Test
    void shouldMigrateFromTheCommandLineAfterADryRun(SharedNeo4j neo4j, Driver driver, TestNamespace namespace) {
        try (EmbeddedNeo4j original = EmbeddedNeo4j.builder().start();
                Driver source = GraphDatabase.driver(original.boltUri(), AuthTokens.none())) {
            OriginalFixture fixture = new OriginalFixture(source);
            fixture.entity("entity_0000000a", "Alice", "person", "2025-11-01T09:00:00");
            fixture.commitment("commitment_1a2b3c4d", "Call Alice", "Alice", "tomorrow", "2025-11-03T14:07:55.1");
            fixture.decision("decision_5e6f7081", "Pilot first", "Lower risk", List.of(), "2025-11-02T11:00:00");
            fixture.link("entity_0000000a", "INVOLVES", "commitment_1a2b3c4d", Map.of());
            String[] args = {
                "migrate",
                "--from",
                original.boltUri().toString(),
                "--uri",
                neo4j.server().boltUri().toString(),
                "--namespace",
                namespace.value()
            };

            CommandIT.Run dry = CommandIT.run(append(args, "--dry-run"));
            long afterDryRun = count(driver, namespace);
            CommandIT.Run real = CommandIT.run(args);

            assertThat(dry.status()).isZero();
            assertThat(dry.out())
                    .startsWith("Dry run: nothing was written")
                    .contains("would write: 3 memories")
                    .contains("1 stored in the canonical direction");
            assertThat(afterDryRun).isZero();
            assertThat(real.status()).isZero();
            assertThat(real.out()).startsWith("Migrated.").contains("written: 3 memories (0 already there");
            assertThat(count(driver, namespace)).isEqualTo(3);
            assertThat(CommandIT.run("migrate", "--uri", "bolt://127.0.0.1:1").status())
                    .isEqualTo(2); // --from is required
        }
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    private static long count(Driver driver, TestNamespace namespace) {
        return CommandIT.count(driver, "MATCH (m:Memory {namespace: $ns}) RETURN count(m)", namespace);
    }
}
