package dev.graphmemory.testing;

import dev.graphmemory.embedded.EmbeddedNeo4j;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/**
 * Starts one embedded Neo4j per test JVM (on first use, stopped when the JVM exits), hands each test a fresh
 * {@link TestNamespace}, and after each test checks that the shared driver's pool has no connection in use: a test
 * that leaks a session or a transaction fails.
 *
 * <p>Use it through {@link Neo4jTest}.
 */
public final class Neo4jExtension implements ParameterResolver, AfterEachCallback {

    /** How long a test's asynchronous clean-up may take to return its connections. */
    static final Duration RELEASE_DEADLINE = Duration.ofSeconds(5);

    private static final Namespace STORE = Namespace.create(Neo4jExtension.class);
    private static SharedNeo4j instance;
    private static final Set<Class<?>> SUPPORTED =
            Set.of(Driver.class, TestNamespace.class, SharedNeo4j.class, EmbeddedNeo4j.class);

    /** The shared server of this JVM, started on first call. */
    public static SharedNeo4j shared(ExtensionContext context) {
        return shared();
    }

    /**
     * The shared server of this JVM, for test engines without JUnit Jupiter extensions (jqwik properties); started
     * on first call and stopped when the JVM exits.
     */
    public static synchronized SharedNeo4j shared() {
        if (instance == null) {
            // A short keep-alive: a stalled connection is detected in about 2 s (fault tests rely on it).
            instance = new SharedNeo4j(
                    EmbeddedNeo4j.builder().keepAlive(Duration.ofSeconds(1)).start());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "shared-neo4j-stop"));
        }
        return instance;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestNamespace.class) {
            return context.getStore(STORE)
                    .getOrComputeIfAbsent(TestNamespace.class, key -> TestNamespace.next(), TestNamespace.class);
        }
        SharedNeo4j shared = shared(context);
        if (type == Driver.class) {
            return shared.driver();
        }
        if (type == SharedNeo4j.class) {
            return shared;
        }
        if (type == EmbeddedNeo4j.class) {
            return shared.server();
        }
        throw new ParameterResolutionException("Unsupported parameter type " + type);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return; // the test's own failure says more than a leak report would
        }
        int inUse = shared(context).awaitConnectionsReleased(RELEASE_DEADLINE);
        if (inUse > 0) {
            throw new AssertionError(inUse + " connection(s) of the shared driver still in use "
                    + RELEASE_DEADLINE.toSeconds() + " s after the test: a session or transaction was not closed");
        }
    }
}
