package dev.graphmemory.testing;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The namespace one test owns. It is unique within the JVM and random across runs, so data left by one test or by
 * an earlier run is never seen by another.
 *
 * @param value the namespace, matching {@code [A-Za-z0-9_.-]{1,64}}
 */
public record TestNamespace(String value) {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Checks the value. */
    public TestNamespace {
        Objects.requireNonNull(value, "value");
    }

    /** A new namespace, readable in logs: {@code t<sequence>-<random>}. */
    public static TestNamespace next() {
        String random = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        return new TestNamespace("t" + SEQUENCE.incrementAndGet() + "-" + random);
    }

    /** Another namespace for the same test, e.g. to prove isolation. */
    public TestNamespace sibling(String suffix) {
        return new TestNamespace(value + "-" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
