package dev.graphmemory.internal.work;

import java.util.concurrent.CompletionStage;

/** Runs statements inside one asynchronous transaction. */
public interface AsyncStatementRunner {
    /** Runs the statement and maps its rows, without blocking. */
    <T> CompletionStage<T> run(Statement<T> statement);
}
