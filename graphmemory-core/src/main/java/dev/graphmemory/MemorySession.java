package dev.graphmemory;

/**
 * Several operations over one database session: each operation is its own managed transaction, and later
 * operations see what earlier ones wrote (causal order). Use it for a short sequence of calls from one thread; it
 * is not thread-safe. Closing it returns its connection.
 *
 * <pre>{@code
 * try (MemorySession session = memory.openSession()) {
 *     Entity alice = session.createEntity(NewEntity.of("Alice", EntityType.PERSON));
 *     session.getEntityContext("alice");
 * }
 * }</pre>
 */
public interface MemorySession extends MemoryOperations, AutoCloseable {

    /** Ends the session. Calling it again does nothing. */
    @Override
    void close();
}
