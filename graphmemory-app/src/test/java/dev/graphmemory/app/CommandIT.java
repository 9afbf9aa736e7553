package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import picocli.CommandLine;

@Neo4jTest
class CommandIT {

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = Main.execute(command, args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void shouldRecordAndRecallADayAndNotDuplicateEntitiesWhenRunTwice(
            SharedNeo4j neo4j, Driver driver, TestNamespace namespace) {
        String uri = neo4j.server().boltUri().toString();

        Run first = run("demo", "--uri", uri, "--namespace", namespace.value());
        Run second = run("demo", "--uri", uri, "--namespace", namespace.value());

        assertThat(first.status()).isZero();
        assertThat(second.status()).isZero();
        assertThat(first.out())
                .contains("What do I know about Acme Corp (client)?")
                .contains("Around the decision \"Roll out the Q4 launch in two phases\"")
                .contains("Open commitments")
                .contains("Send Alice the phased rollout proposal")
                .contains("now         Alice Chen works from the Berlin office")
                .contains("then        Alice Chen works from the Paris office");
        assertThat(count(driver, "MATCH (e:Entity {namespace: $ns}) RETURN count(e)", namespace))
                .isEqualTo(3);
        assertThat(count(driver, "MATCH (p:Pattern {namespace: $ns}) RETURN sum(p.observations)", namespace))
                .isEqualTo(4);
        assertThat(count(driver, "MATCH (p:Pattern {namespace: $ns}) RETURN count(p)", namespace))
                .isEqualTo(2);
    }

    @Test
    void shouldRunOnTheEmbeddedDefaultAndKeepTheMemory(@TempDir Path dataDir) {
        Run demo = run("demo", "--data-dir", dataDir.toString());
        Run health = run("health", "--data-dir", dataDir.toString());

        assertThat(demo.status()).isZero();
        assertThat(health.status()).isZero();
        assertThat(health.out())
                .contains("status:      healthy")
                .contains("Neo4j/5.26")
                .contains("schema:      version " + dev.graphmemory.internal.cypher.Schema.VERSION);
    }

    @Test
    void shouldExitWithOneAndOneClearLineWhenTheDatabaseIsUnreachable() {
        Run health = run("health", "--uri", "bolt://127.0.0.1:1");

        assertThat(health.status()).isEqualTo(1);
        assertThat(health.err()).startsWith("graphmemory: unavailable: ").doesNotContain("\tat ");
    }

    @Test
    void shouldCallAToolFromTheShellWithExitStatuses(SharedNeo4j neo4j, TestNamespace namespace) {
        String uri = neo4j.server().boltUri().toString();

        Run created = run(
                "tool",
                "create_entity",
                "{\"name\":\"Dana\",\"type\":\"person\"}",
                "--uri",
                uri,
                "--namespace",
                namespace.value());
        Run invalid =
                run("tool", "create_entity", "{\"name\":\"Dana\"}", "--uri", uri, "--namespace", namespace.value());
        Run optionsFirst = run(
                "--uri", uri, "--namespace", namespace.value(), "tool", "get_entity_context", "{\"name\":\"dana\"}");
        Run malformed = run("tool", "create_entity", "{name:", "--uri", uri);
        Run unknown = run("tool", "no_such_tool", "{}", "--uri", uri);

        assertThat(created.status()).isZero();
        assertThat(created.out()).contains("\"name\":\"Dana\"").contains("\"type\":\"person\"");
        assertThat(optionsFirst.status()).isZero();
        assertThat(optionsFirst.out()).contains("\"name\":\"Dana\"");
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.out()).contains("\"error\":\"invalid_input\"").contains("\"field\":\"type\"");
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains("must be a JSON object");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown tool 'no_such_tool'");
    }

    @Test
    void shouldExitWithTwoForEveryArgumentTextThatIsNotOneJsonObject(SharedNeo4j neo4j) {
        String uri = neo4j.server().boltUri().toString();
        for (String arguments : java.util.List.of(
                "null", "[]", "[{}]", "\"text\"", "5", "true", "", "   ", "{} {}", "{\"name\":\"a\",\"name\":\"b\"}")) {
            Run run = run("tool", "health_check", arguments, "--uri", uri);

            assertThat(run.status()).as("'%s': %s", arguments, run.err()).isEqualTo(2);
            assertThat(run.err()).contains("must be a JSON object").doesNotContain("Exception");
        }
    }

    @Test
    void shouldExitWithTwoAndAClearLineForAPortOutOfRangeOrABlankToken() {
        for (String address : java.util.List.of("70000", "127.0.0.1:65536", "127.0.0.1:-1", ":99999999999")) {
            Run run = run("serve", "--http", address, "--uri", "bolt://127.0.0.1:1");

            assertThat(run.status()).as(address + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--http").doesNotContain("Exception").doesNotContain("\tat ");
        }
        for (String token : java.util.List.of("", " ", "\t ")) {
            Run run = run("serve", "--http", "0.0.0.0:0", "--token", token, "--uri", "bolt://127.0.0.1:1");

            assertThat(run.status()).as("token '%s': %s", token, run.err()).isEqualTo(2);
            assertThat(run.err()).contains("not a loopback address");
        }
    }

    @Test
    void shouldSayInOneLineWhyADataDirectoryCannotBeUsed(@TempDir Path directory) throws Exception {
        Path file = java.nio.file.Files.writeString(directory.resolve("a-file"), "not a directory");

        Run missing = run("health", "--data-dir", file.resolve("neo4j").toString());

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err())
                .startsWith("graphmemory: cannot start the database: The data directory")
                .contains("cannot be created")
                .doesNotContain("in use by another process")
                .doesNotContain("Exception");
        assertThat(missing.err().lines()).hasSize(1);
    }

    @Test
    void shouldExitWithTwoOnBadUsage() {
        Run unknown = run("no-such-command");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-command");
    }

    static long count(Driver driver, String query, TestNamespace namespace) {
        return driver.executableQuery(query)
                .withParameters(Map.of("ns", namespace.value()))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }
}
