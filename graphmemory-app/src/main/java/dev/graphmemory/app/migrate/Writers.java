package dev.graphmemory.app.migrate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes batches on a few threads while the caller reads and converts the next ones: at most {@code threads} batches
 * are in flight, {@link #submit} waits for a free one. The first failure stops the migration: it is thrown by the next
 * {@link #submit} or {@link #drain}, and the batches not yet started are not written.
 */
final class Writers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;
    private final Semaphore free;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong busyNanos = new AtomicLong();

    Writers(int threads) {
        this.threads = threads;
        this.free = new Semaphore(threads);
        this.pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "graphmemory-migrate-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code write} as soon as a writer is free. */
    void submit(Runnable write) {
        rethrow();
        free.acquireUninterruptibly();
        if (failure.get() != null) {
            free.release();
            rethrow();
        }
        pool.execute(() -> {
            long started = System.nanoTime();
            try {
                write.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                busyNanos.addAndGet(System.nanoTime() - started);
                free.release();
            }
        });
    }

    /** Waits until every submitted batch is written; throws the first failure. */
    void drain() {
        free.acquireUninterruptibly(threads);
        free.release(threads);
        rethrow();
    }

    /** The time the writers spent writing, added up over them. */
    long busyNanos() {
        return busyNanos.get();
    }

    private void rethrow() {
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /** Waits for the batches in flight (a failed migration does not leave a write running behind it). */
    @Override
    public void close() {
        free.acquireUninterruptibly(threads);
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
