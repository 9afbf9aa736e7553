package dev.graphmemory.internal.driver;

import dev.graphmemory.exceptions.MemoryInterruptedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for asynchronous driver work on the calling thread, interruptibly. The driver's own blocking API keeps
 * waiting when the thread is interrupted; graphmemory's blocking operations wait here instead, so an interrupt ends
 * the wait at once: the flag is set again, the work is abandoned (rolled back in the background) and the caller gets
 * a {@link MemoryInterruptedException}.
 */
public final class Blocking {
    private Blocking() {}

    /**
     * The stage's value, or its failure rethrown as it is (so that retry decisions see the driver's exception).
     *
     * @param abandon what to do when the wait is interrupted, e.g. close the session
     */
    public static <T> T await(CompletionStage<T> stage, Runnable abandon) {
        return await(stage, abandon, 0);
    }

    /**
     * Like {@link #await(CompletionStage, Runnable)}, giving up at {@code deadline} ({@link System#nanoTime()}; 0 for
     * none): the work is abandoned and {@link DeadlineExceeded} thrown.
     */
    public static <T> T await(CompletionStage<T> stage, Runnable abandon, long deadline) {
        try {
            if (deadline == 0) {
                return stage.toCompletableFuture().get();
            }
            return stage.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon.run();
            throw new DeadlineExceeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon.run();
            throw new MemoryInterruptedException(
                    "Interrupted while waiting for the database; the work was abandoned", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** A wait passed its deadline; the work was abandoned. */
    public static final class DeadlineExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeadlineExceeded() {
            super("the deadline passed", null, false, false);
        }
    }

    static RuntimeException rethrow(Throwable failure) {
        Throwable cause = Errors.unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
