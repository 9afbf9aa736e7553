package dev.graphmemory.internal;

import dev.graphmemory.MemorySession;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;

/** A {@link MemorySession}: one driver session, one managed transaction per operation. */
final class SessionScope extends SyncOperations implements MemorySession {
    private final Sessions sessions;
    private final Operations operations;
    private final Session session;
    private boolean closed;

    SessionScope(Sessions sessions, Operations operations) {
        this.sessions = sessions;
        this.operations = operations;
        this.session = sessions.open(AccessMode.WRITE);
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
            return Sessions.runManaged(session, work, sessions.transaction(work, operations.namespace()));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.close();
            } catch (RuntimeException e) {
                throw Errors.translate(e);
            }
        }
    }
}
