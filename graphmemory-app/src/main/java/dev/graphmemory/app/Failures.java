package dev.graphmemory.app;

import dev.graphmemory.embedded.EmbeddedStartException;
import dev.graphmemory.exceptions.MemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one clear line on standard error and an exit status: 1 for a
 * failure of the work, with the stack trace only in the debug log ({@code --verbose}). The line names the failure by
 * its error code (a {@code MemoryException}) or says the database could not start; the class of any other exception
 * is shown only when it has no message.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        command.getErr().println("graphmemory: " + describe(e));
        LOG.debug("Command failed", e);
        return 1;
    }

    /**
     * The failure in one line: what kind of failure it is, then its message, e.g. {@code cannot start the database:
     * The data directory … cannot be created}.
     */
    static String describe(Throwable e) {
        String kind;
        if (e instanceof MemoryException memory) {
            kind = memory.errorCode();
        } else if (e instanceof EmbeddedStartException) {
            kind = "cannot start the database";
        } else {
            kind = e.getMessage() == null ? e.getClass().getSimpleName() : "failed";
        }
        String message = e.getMessage() == null ? "no details (run with --verbose)" : e.getMessage();
        return kind + ": " + message;
    }
}
