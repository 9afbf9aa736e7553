package dev.graphmemory.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;

class EmbeddedNeo4jIT {

    @Test
    void shouldServeBoltOnLoopbackAndDeleteTemporaryDataOnClose() {
        Path home;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().start()) {
            home = neo4j.homeDirectory();
            assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(neo4j.boltUri().getPort()).isPositive();
            assertThat(neo4j.startupTime()).isPositive();
            assertThat(neo4j.isRunning()).isTrue();
            try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                int answer = driver.executableQuery("RETURN 41 + 1 AS answer")
                        .execute()
                        .records()
                        .get(0)
                        .get("answer")
                        .asInt();
                assertThat(answer).isEqualTo(42);
            }
        }
        assertThat(home).doesNotExist();
    }

    @Test
    void shouldKeepDataInAPersistentDirectoryAcrossRestarts(@TempDir Path directory) {
        Path data = directory.resolve("neo4j");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(data).start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            driver.executableQuery("CREATE (:Probe {value: 'kept'})").execute();
        }
        assertThat(data).isDirectory();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder().dataDirectory(data).start();
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            String value = driver.executableQuery("MATCH (p:Probe) RETURN p.value AS value")
                    .execute()
                    .records()
                    .get(0)
                    .get("value")
                    .asString();
            assertThat(value).isEqualTo("kept");
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatAnotherServerHolds(@TempDir Path directory) {
        Path data = directory.resolve("neo4j");
        try (EmbeddedNeo4j first = EmbeddedNeo4j.builder().dataDirectory(data).start()) {
            assertThatThrownBy(() -> EmbeddedNeo4j.builder().dataDirectory(data).start())
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessageContaining(data.toString());
            assertThat(first.isRunning()).isTrue();
        }
        assertThat(Files.exists(data)).isTrue();
    }

    @Test
    void shouldRefuseADataDirectoryItCannotCreateOrWriteWithOneClearReason(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> EmbeddedNeo4j.builder()
                        .dataDirectory(file.resolve("neo4j"))
                        .start())
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining("cannot be created")
                .hasMessageNotContaining("in use by another process");

        try (Unwritable readOnly = Unwritable.directory(directory.resolve("read-only"))) {
            assertThatThrownBy(() -> EmbeddedNeo4j.builder()
                            .dataDirectory(readOnly.path())
                            .start())
                    .isInstanceOf(EmbeddedStartException.class)
                    .hasMessageContaining("is not writable")
                    .hasMessageNotContaining("in use by another process");
        }
    }

    @Test
    void shouldReportADatabaseThatStoppedForAFullDiskAndWhy(@TempDir Path directory) throws Exception {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.builder()
                .dataDirectory(directory.resolve("neo4j"))
                .start()) {
            List<EmbeddedNeo4j.Failure> reported = new CopyOnWriteArrayList<>();
            neo4j.onFailure(reported::add);
            assertThat(neo4j.failure()).isEmpty();

            // What Neo4j does when a write meets a full disk: its health panics with the I/O error as the cause.
            ((GraphDatabaseAPI) neo4j.database())
                    .getDependencyResolver()
                    .resolveDependency(DatabaseHealth.class)
                    .panic(new IOException("No space left on device"));

            assertThat(reported).hasSize(1);
            EmbeddedNeo4j.Failure failure = reported.get(0);
            assertThat(failure.diskFull()).isTrue();
            assertThat(failure.database()).isEqualTo("neo4j");
            assertThat(failure.message()).contains("is full").contains("Free some space");
            assertThat(neo4j.failure()).contains(failure);
            assertThatThrownBy(() -> {
                        try (var tx = neo4j.database().beginTx()) {
                            tx.execute("CREATE (:After)");
                            tx.commit();
                        }
                    })
                    .hasMessageContaining("critical error");
        }
    }

    /** A directory this process cannot write: by permissions, or (for root) on a read-only file system. */
    record Unwritable(Path path, boolean mounted) implements AutoCloseable {
        static Unwritable directory(Path path) throws Exception {
            Files.createDirectories(path);
            path.toFile().setWritable(false, false);
            if (!Files.isWritable(path)) {
                return new Unwritable(path, false);
            }
            // Root writes anywhere permissions say no; a read-only mount stops it.
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", path.toString())
                    .redirectErrorStream(true)
                    .start();
            Assumptions.assumeTrue(
                    mount.waitFor() == 0,
                    "running as root without the right to mount: no way to make a directory unwritable here");
            return new Unwritable(path, true);
        }

        @Override
        public void close() throws Exception {
            if (mounted) {
                new ProcessBuilder("umount", path.toString()).start().waitFor();
            }
            path.toFile().setWritable(true, false);
        }
    }
}
