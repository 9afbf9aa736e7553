package dev.graphmemory.internal.work;

import java.util.ArrayList;
import java.util.List;

/** Runs statements inside one blocking transaction. */
public interface StatementRunner {
    /** Runs the statement and maps its rows. */
    <T> T run(Statement<T> statement);

    /**
     * Runs independent parts in order and returns their results in order. This default waits for each part before
     * sending the next; a runner over the asynchronous API sends them all at once (see {@code Work.sequence}).
     */
    default <T> List<T> runAll(List<? extends Work<? extends T>> parts) {
        List<T> results = new ArrayList<>(parts.size());
        for (Work<? extends T> part : parts) {
            results.add(part.run(this));
        }
        return results;
    }
}
