package dev.graphmemory.internal;

import dev.graphmemory.MemorySession;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.async.AsyncSession;

/** A {@link MemorySession}: one driver session, one managed transaction per operation. */
final class SessionScope extends SyncOperations implements MemorySession {
    private final Sessions sessions;
    private final Operations operations;
    private final Retries retries;
    private final AsyncSession session;
    private boolean closed;

    SessionScope(Sessions sessions, Operations operations, Retries retries) {
        this.sessions = sessions;
        this.operations = operations;
        this.retries = retries;
        this.session = sessions.openAsync(AccessMode.WRITE);
    }

    @Override
    protected Operations operations() {
        return operations;
    }

    @Override
    protected <T> T execute(Work<T> work) {
        if (closed) {
            throw new IllegalStateException("This MemorySession is closed");
        }
        try {
            return retries.run(session, sessions.transaction(work, operations.namespace()), work.name(), work::run);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                Blocking.await(session.closeAsync(), () -> {});
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        }
    }
}
