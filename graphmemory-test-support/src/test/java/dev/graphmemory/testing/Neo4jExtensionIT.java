package dev.graphmemory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

@Neo4jTest
class Neo4jExtensionIT {
    private static final Set<String> NAMESPACES = new HashSet<>();
    private static final Set<EmbeddedNeo4j> SERVERS = new HashSet<>();

    @RepeatedTest(3)
    void shouldShareOneServerAndGiveEachTestItsOwnNamespace(
            EmbeddedNeo4j server, TestNamespace namespace, TestNamespace sameNamespace) {
        SERVERS.add(server);
        assertThat(SERVERS).hasSize(1);
        assertThat(namespace).isSameAs(sameNamespace);
        assertThat(NAMESPACES.add(namespace.value())).isTrue();
        assertThat(namespace.value()).matches("[A-Za-z0-9_.-]{1,64}");
    }

    @Test
    void shouldCountConnectionsInUse(SharedNeo4j shared, Driver driver) {
        try (Session session = driver.session();
                var tx = session.beginTransaction()) {
            tx.run("RETURN 1").consume();
            assertThat(shared.connectionsInUse()).isEqualTo(1);
        }
        assertThat(shared.awaitConnectionsReleased(Neo4jExtension.RELEASE_DEADLINE))
                .isZero();
    }
}
