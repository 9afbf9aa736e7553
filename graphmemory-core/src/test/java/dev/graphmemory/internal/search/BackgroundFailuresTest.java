package dev.graphmemory.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

class BackgroundFailuresTest {

    @Test
    void shouldTellAConcurrentChangeFromAFault() {
        assertThat(BackgroundFailures.concurrentChange(new ClientException(
                        "Neo.ClientError.Statement.EntityNotFound", "Unable to load NODE 4:f0d3:18.")))
                .isTrue();
        assertThat(BackgroundFailures.concurrentChange(new ClientException(
                        "Neo.ClientError.Procedure.ProcedureCallFailed",
                        "Failed to invoke procedure `db.create.setNodeVectorProperty`: Caused by:"
                                + " org.neo4j.internal.kernel.api.exceptions.EntityNotFoundException: Unable to load"
                                + " NODE 4:b8df:18.")))
                .isTrue();
        assertThat(BackgroundFailures.concurrentChange(
                        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")))
                .isTrue();
        assertThat(BackgroundFailures.concurrentChange(
                        new ClientException("Neo.ClientError.Statement.SyntaxError", "Invalid input")))
                .isFalse();
        assertThat(BackgroundFailures.concurrentChange(new IllegalStateException("model gone")))
                .isFalse();
    }
}
