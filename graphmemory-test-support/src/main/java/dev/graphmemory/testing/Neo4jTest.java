package dev.graphmemory.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the shared in-process Neo4j of this JVM.
 *
 * <p>Test methods may declare parameters of type {@link org.neo4j.driver.Driver}, {@link TestNamespace},
 * {@link SharedNeo4j} and {@link dev.graphmemory.embedded.EmbeddedNeo4j}. Each test gets its own namespace, so tests
 * never see each other's data and never restart the server.
 *
 * <pre>{@code
 * @Neo4jTest
 * class CommitmentsIT {
 *     @Test
 *     void shouldStoreACommitment(Driver driver, TestNamespace namespace) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Neo4jExtension.class)
public @interface Neo4jTest {}
