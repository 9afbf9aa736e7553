package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Neo4jTest
class SnapshotCommandIT {

    @Test
    void shouldRoundTripANamespaceThroughExportAndImport(SharedNeo4j neo4j, TestNamespace namespace, @TempDir Path dir)
            throws IOException {
        String uri = neo4j.server().boltUri().toString();
        String copy = namespace.sibling("copy").value();
        assertThat(CommandIT.run("demo", "--uri", uri, "--namespace", namespace.value())
                        .status())
                .isZero();
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        var export = CommandIT.run("export", "--uri", uri, "--namespace", namespace.value(), "--out", first.toString());
        var load = CommandIT.run("import", first.toString(), "--uri", uri, "--namespace", copy, "--chunk", "4");
        var again = CommandIT.run("export", "--uri", uri, "--namespace", copy, "--out", second.toString());

        assertThat(export.status()).isZero();
        assertThat(load.status()).as(load.err()).isZero();
        assertThat(again.status()).isZero();
        List<String> original = Files.readAllLines(first);
        List<String> copied = Files.readAllLines(second);
        assertThat(original).hasSizeGreaterThan(20);
        assertThat(original.get(0))
                .contains("\"namespace\":\"" + namespace.value() + "\"")
                .contains("\"version\":1");
        assertThat(copied.subList(1, copied.size())).isEqualTo(original.subList(1, original.size()));
        assertThat(original)
                .anyMatch(line -> line.contains("{\"$date\":"))
                .anyMatch(line -> line.contains("\"$datetime\""));
    }

    @Test
    void shouldReportAMalformedLineByNumberAndWriteNothingOfItsChunk(
            SharedNeo4j neo4j, TestNamespace namespace, @TempDir Path dir) throws IOException {
        String uri = neo4j.server().boltUri().toString();
        assertThat(CommandIT.run("demo", "--uri", uri, "--namespace", namespace.value())
                        .status())
                .isZero();
        Path file = dir.resolve("snapshot.jsonl");
        CommandIT.run("export", "--uri", uri, "--namespace", namespace.value(), "--out", file.toString());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(7, lines.get(7).replace("\"type\":\"node\"", "\"type\":\"nod"));
        Files.write(file, lines);
        String target = namespace.sibling("broken").value();

        var load = CommandIT.run("import", file.toString(), "--uri", uri, "--namespace", target, "--chunk", "5");

        assertThat(load.status()).isEqualTo(1);
        assertThat(load.err()).contains("line 8").contains("imported before it: 5 memories");
        var count = CommandIT.run(
                "tool",
                "query_graph",
                "{\"query\":\"MATCH (n:Memory) WHERE n.namespace = $namespace RETURN count(n) AS n\"}",
                "--uri",
                uri,
                "--namespace",
                target);
        assertThat(count.out()).contains("\"n\":5");
    }

    @Test
    void shouldRefuseAFileThatIsNotASnapshot(SharedNeo4j neo4j, TestNamespace namespace, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("other.jsonl");
        Files.writeString(file, "{\"hello\":\"world\"}\n");

        var load = CommandIT.run(
                "import",
                file.toString(),
                "--uri",
                neo4j.server().boltUri().toString(),
                "--namespace",
                namespace.value());

        assertThat(load.status()).isEqualTo(1);
        assertThat(load.err()).contains("line 1").contains("not a graphmemory snapshot");
    }

    @Test
    void shouldReportAReservedKeyOrADuplicateKeyWithItsLineNumber(
            SharedNeo4j neo4j, TestNamespace namespace, @TempDir Path dir) throws IOException {
        String uri = neo4j.server().boltUri().toString();
        String header = "{\"graphmemory\":\"snapshot\",\"version\":1,\"namespace\":\"x\"}";
        String good = "{\"type\":\"node\",\"kind\":\"Entity\",\"id\":\"e1\",\"properties\":{\"name\":\"Acme\","
                + "\"nameKey\":\"acme\",\"type\":\"client\"}}";
        for (String bad : List.of(
                "{\"type\":\"node\",\"kind\":\"Entity\",\"id\":\"e2\",\"properties\":{\"namespace\":\"other\"}}",
                "{\"type\":\"node\",\"kind\":\"Entity\",\"id\":\"e2\",\"id\":\"e3\",\"properties\":{}}",
                "{\"type\":\"node\",\"kind\":\"Entity\",\"id\":\"e2\",\"properties\":{\"n\":123456789012345678901234567890}}")) {
            Path file = dir.resolve("reserved.jsonl");
            Files.write(file, List.of(header, good, bad));

            var load = CommandIT.run("import", file.toString(), "--uri", uri, "--namespace", namespace.value());

            assertThat(load.status()).as(load.err()).isEqualTo(1);
            assertThat(load.err()).contains("line 3").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
