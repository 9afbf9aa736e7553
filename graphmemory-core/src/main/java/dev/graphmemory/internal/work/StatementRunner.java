package dev.graphmemory.internal.work;

/** Runs statements inside one blocking transaction. */
public interface StatementRunner {
    /** Runs the statement and maps its rows. */
    <T> T run(Statement<T> statement);
}
