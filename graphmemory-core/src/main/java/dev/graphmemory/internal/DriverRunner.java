package dev.graphmemory.internal;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;

/** Runs statements on a blocking driver transaction. */
public final class DriverRunner implements StatementRunner {
    private final SimpleQueryRunner transaction;

    /** @param transaction a managed or explicit driver transaction */
    public DriverRunner(SimpleQueryRunner transaction) {
        this.transaction = transaction;
    }

    @Override
    public <T> T run(Statement<T> statement) {
        List<Record> records = new ArrayList<>();
        boolean truncated = false;
        ResultSummary summary;
        try {
            Result result = transaction.run(statement.text(), statement.parameters());
            while (result.hasNext()) {
                if (records.size() >= statement.maxRows()) {
                    truncated = true;
                    break;
                }
                records.add(result.next());
            }
            summary = result.consume();
        } catch (Neo4jException e) {
            throw statement.failure(e);
        }
        return statement.mapper().map(new Statement.Rows(records, truncated, summary));
    }
}
