package dev.graphmemory.internal.driver;

import dev.graphmemory.internal.telemetry.Telemetry;
import dev.graphmemory.internal.work.AsyncStatementRunner;
import dev.graphmemory.internal.work.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.AsyncQueryRunner;
import org.neo4j.driver.async.ResultCursor;

/**
 * Runs statements on an asynchronous driver transaction. Before each statement it checks whether the caller
 * cancelled; a cancelled work fails at that point, so the driver rolls the transaction back and frees the
 * connection instead of running the rest.
 */
public final class AsyncDriverRunner implements AsyncStatementRunner {
    private final AsyncQueryRunner transaction;
    private final BooleanSupplier cancelled;
    private final Telemetry telemetry;
    private final PlanKeeper plans;
    /** Whether a statement of this transaction has written: Neo4j caches plans apart for such transactions. */
    private volatile boolean written;

    /**
     * @param transaction a managed or explicit asynchronous transaction
     * @param cancelled whether the caller gave up on the result
     * @param plans what text each statement is sent as (with its plan kept, or as it is)
     */
    public AsyncDriverRunner(
            AsyncQueryRunner transaction, BooleanSupplier cancelled, Telemetry telemetry, PlanKeeper plans) {
        this.transaction = transaction;
        this.cancelled = cancelled;
        this.telemetry = telemetry;
        this.plans = plans;
    }

    @Override
    public <T> CompletionStage<T> run(Statement<T> statement) {
        if (cancelled.getAsBoolean()) {
            return CompletableFuture.failedFuture(new CancellationException(statement.name() + " was cancelled"));
        }
        return transaction
                .runAsync(plans.text(statement, written), statement.parameters())
                .thenCompose(cursor -> read(cursor, statement.maxRows(), statement.budget()))
                .thenApply(rows -> {
                    if (rows.summary().counters().containsUpdates()) {
                        written = true;
                    }
                    telemetry.written(rows.summary().counters());
                    return statement.mapper().map(rows);
                })
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(Errors.ofStatement(statement, error)));
    }

    private static CompletionStage<Statement.Rows> read(ResultCursor cursor, int maxRows, Statement.Budget budget) {
        if (maxRows == Integer.MAX_VALUE && budget == Statement.Budget.NONE) {
            return cursor.listAsync()
                    .thenCompose(records ->
                            cursor.consumeAsync().thenApply(summary -> new Statement.Rows(records, false, summary)));
        }
        return readUpTo(cursor, maxRows, budget, 0, new ArrayList<>());
    }

    /**
     * Reads record by record until the row cap, or until the records read have spent the budget; the record that
     * spends it is kept. Whether anything was left over is known by peeking, so {@code truncated} is exact.
     */
    private static CompletionStage<Statement.Rows> readUpTo(
            ResultCursor cursor, int maxRows, Statement.Budget budget, long spent, List<Record> records) {
        if (records.size() >= maxRows || spent >= budget.limit()) {
            return cursor.peekAsync()
                    .thenCompose(next -> cursor.consumeAsync()
                            .thenApply(summary -> new Statement.Rows(records, next != null, summary)));
        }
        return cursor.nextAsync().thenCompose(record -> {
            if (record == null) {
                return cursor.consumeAsync().thenApply(summary -> new Statement.Rows(records, false, summary));
            }
            records.add(record);
            return readUpTo(cursor, maxRows, budget, spent + budget.cost().applyAsLong(record), records);
        });
    }
}
