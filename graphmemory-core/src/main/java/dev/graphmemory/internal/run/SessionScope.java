package dev.graphmemory.internal.run;

import dev.graphmemory.MemorySession;
import dev.graphmemory.internal.driver.Blocking;
import dev.graphmemory.internal.driver.Errors;
import dev.graphmemory.internal.driver.Retries;
import dev.graphmemory.internal.driver.Sessions;
import dev.graphmemory.internal.work.Work;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.async.AsyncSession;

/** A {@link MemorySession}: one driver session, one managed transaction per operation. */
public final class SessionScope extends BlockingFacade implements MemorySession {
    private final Sessions sessions;
    private final Retries retries;
    private final AsyncSession session;
    private boolean closed;

    public SessionScope(Sessions sessions, OperationTable operations, Retries retries) {
        super(operations, true);
        this.sessions = sessions;
        this.retries = retries;
        this.session = sessions.openAsync(AccessMode.WRITE);
    }

    @Override
    protected <T> T execute(Work<T> work) {
        if (closed) {
            throw new IllegalStateException("This MemorySession is closed");
        }
        try {
            return retries.run(sessions, session, work, operations().namespace());
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
