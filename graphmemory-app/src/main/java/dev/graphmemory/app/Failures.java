package dev.graphmemory.app;

import dev.graphmemory.exceptions.MemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one clear line on standard error and an exit status: 1 for a
 * failure of the work, with the stack trace only in the debug log.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        String kind = e instanceof MemoryException memory
                ? memory.errorCode()
                : e.getClass().getSimpleName();
        command.getErr().println("graphmemory: " + kind + ": " + e.getMessage());
        LOG.debug("Command failed", e);
        return 1;
    }
}
