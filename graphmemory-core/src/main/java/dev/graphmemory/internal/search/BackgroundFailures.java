package dev.graphmemory.internal.search;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;

/**
 * How the background workers (the search indexer, the embedder) report a round that failed; each tries again at its
 * next round. A memory forgotten, or a lock taken, while a round read it is a concurrent change, not a fault: it is
 * logged at debug. Anything else is one warning line, without the exception's class (the trace is at debug).
 */
final class BackgroundFailures {
    private static final String ENTITY_NOT_FOUND = "Neo.ClientError.Statement.EntityNotFound";

    private BackgroundFailures() {}

    static void log(Logger log, String round, RuntimeException failure) {
        if (concurrentChange(failure)) {
            log.debug("{} met a concurrent change and is tried again: {}", round, failure.getMessage());
        } else {
            log.warn("{} failed and is tried again shortly: {}", round, describe(failure));
        }
        log.debug(round + " failure", failure);
    }

    static boolean concurrentChange(RuntimeException failure) {
        return failure instanceof TransientException
                || (failure instanceof Neo4jException neo
                        && (ENTITY_NOT_FOUND.equals(neo.code())
                                // also inside a procedure's failure (db.create.setNodeVectorProperty)
                                || String.valueOf(neo.getMessage()).contains("Unable to load NODE")));
    }

    /**
     * One line: the server's code and the first line of the message. A server's message may hold a whole stack trace
     * of its own (an index that failed to populate), which belongs at debug.
     */
    static String describe(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end).strip() + " (more at debug)";
        return failure instanceof Neo4jException neo ? neo.code() + ": " + line : line;
    }
}
