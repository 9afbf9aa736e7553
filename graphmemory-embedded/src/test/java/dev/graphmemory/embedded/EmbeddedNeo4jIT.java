package dev.graphmemory.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

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
}
