package dev.graphmemory.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.exceptions.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * What the database reports about a query that failed while running, as the assistant reads it. These are the
 * driver's own exception values as the server sends them (a value that outgrew the database surfaces as a bare
 * number, which a real query can no longer provoke since reduce() is refused; a Neo4j server of another version
 * could still report it).
 */
class ReadOnlyQueriesTest {

    @Test
    void shouldReportAValueTooLargeForTheDatabaseAsAQueryToChange() {
        for (String message : new String[] {"-1610612736", "-2147483648", "java.lang.NegativeArraySizeException: -4"}) {
            RuntimeException translated = ReadOnlyQueries.failedQuery(
                    new DatabaseException("Neo.DatabaseError.Statement.ExecutionFailed", message));

            assertThat(translated).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.field()).isEqualTo("query");
                assertThat(e.rule()).contains("too large").doesNotContain(message);
                assertThat(e.errorCode()).isEqualTo("invalid_input");
            });
        }
    }

    @Test
    void shouldReportTheMemoryLimitAndTheQuerysOwnMistakesAndLeaveTheRest() {
        assertThat(ReadOnlyQueries.failedQuery(
                        new TransientException("Neo.TransientError.General.TransactionMemoryLimit", "too much")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.rule()).contains("more memory"));
        assertThat(ReadOnlyQueries.failedQuery(
                        new ClientException("Neo.ClientError.Statement.ArithmeticError", "/ by zero")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("failed: / by zero"));
        DatabaseException other = new DatabaseException("Neo.DatabaseError.General.UnknownError", "something");
        assertThat(ReadOnlyQueries.failedQuery(other)).isSameAs(other);
    }
}
