package dev.graphmemory.embedded.internal;

import org.neo4j.logging.Log;
import org.neo4j.logging.LogProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Neo4j's user log (start-up, shutdown, warnings) into SLF4J, so the embedded server logs where the
 * application logs. Neo4j's internal debug log stays in its own file under the home directory.
 *
 * <p>A warning or an error with an exception is one line, the exception's class and message, unless the logger is at
 * INFO or finer (graphmemory's {@code --verbose}): standard error is for the user, the stack trace for whoever
 * debugs.
 */
public final class Slf4jLogProvider implements LogProvider {

    @Override
    public Log getLog(Class<?> loggingClass) {
        return new Slf4jLog(LoggerFactory.getLogger(loggingClass));
    }

    @Override
    public Log getLog(String name) {
        return new Slf4jLog(LoggerFactory.getLogger(name));
    }

    private record Slf4jLog(Logger logger) implements Log {
        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public void debug(String message, Throwable throwable) {
            logger.debug(message, throwable);
        }

        @Override
        public void debug(String format, Object... arguments) {
            if (logger.isDebugEnabled()) {
                logger.debug(String.format(format, arguments));
            }
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void info(String message, Throwable throwable) {
            logger.info(message, throwable);
        }

        @Override
        public void info(String format, Object... arguments) {
            if (logger.isInfoEnabled()) {
                logger.info(String.format(format, arguments));
            }
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void warn(String message, Throwable throwable) {
            if (logger.isInfoEnabled()) {
                logger.warn(message, throwable);
            } else {
                logger.warn("{}: {}", message, String.valueOf(throwable));
            }
        }

        @Override
        public void warn(String format, Object... arguments) {
            if (logger.isWarnEnabled()) {
                logger.warn(String.format(format, arguments));
            }
        }

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void error(String message, Throwable throwable) {
            if (logger.isInfoEnabled()) {
                logger.error(message, throwable);
            } else {
                logger.error("{}: {}", message, String.valueOf(throwable));
            }
        }

        @Override
        public void error(String format, Object... arguments) {
            logger.error(String.format(format, arguments));
        }
    }
}
