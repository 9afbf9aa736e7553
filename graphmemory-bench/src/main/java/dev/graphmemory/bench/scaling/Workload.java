package dev.graphmemory.bench.scaling;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each graphmemory process of the scaling run does: {@code threads} callers, each in a loop until the deadline, an
 * entity from a shared pool of names (so that processes meet on the same entities), a commitment, a link between them,
 * and every tenth step a search for a name of the pool. Run in the benchmark's process, or in a child JVM started by
 * {@link ProcessesRun} with {@link #main}, which prints {@code calls <tab> failures <tab> the writes' latencies in µs,
 * comma separated <tab> the searches'}.
 */
public final class Workload {
    static final int NAMES = 500;

    private Workload() {}

    /**
     * The latencies of one process's calls.
     *
     * @param writes every write's latency, in µs
     * @param searches every search's latency, in µs
     * @param failures calls that threw
     */
    record Result(List<Long> writes, List<Long> searches, long failures) {
        /** Every call's latency. */
        List<Long> micros() {
            List<Long> all = new ArrayList<>(writes);
            all.addAll(searches);
            return all;
        }
    }

    /** Child JVM: {@code <bolt uri> <namespace> <threads> <seconds> <seed>}. */
    public static void main(String[] args) throws Exception {
        Result result = run(
                URI.create(args[0]),
                args[1],
                Integer.parseInt(args[2]),
                Long.parseLong(args[3]),
                Long.parseLong(args[4]));
        System.out.println(result.writes().size() + result.searches().size() + "\t" + result.failures() + "\t"
                + joined(result.writes()) + "\t" + joined(result.searches()));
        System.out.flush();
        System.exit(0);
    }

    private static String joined(List<Long> micros) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < micros.size(); i++) {
            values.append(i == 0 ? "" : ",").append(micros.get(i));
        }
        return values.toString();
    }

    /** Runs the workload on a memory of its own (its own driver, search indexer and plan warm-up). */
    static Result run(URI bolt, String namespace, int threads, long seconds, long seed) throws Exception {
        ConcurrentLinkedQueue<Long> writes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> searches = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        try (GraphMemory memory = GraphMemory.connect(
                MemoryConfig.builder().uri(bolt).namespace(namespace).build())) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                long threadSeed = seed * 1_000 + t;
                Thread thread = new Thread(() -> {
                    try {
                        loop(memory, new Random(threadSeed), deadline, writes, searches, failures);
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
        }
        return new Result(new ArrayList<>(writes), new ArrayList<>(searches), failures.get());
    }

    private static void loop(
            GraphMemory memory,
            Random random,
            long deadline,
            ConcurrentLinkedQueue<Long> writes,
            ConcurrentLinkedQueue<Long> searches,
            AtomicLong failures) {
        for (int step = 0; System.nanoTime() < deadline; step++) {
            try {
                Entity entity = timed(
                        writes,
                        () -> memory.createEntity(
                                NewEntity.of("Pooled person " + random.nextInt(NAMES), EntityType.PERSON)));
                Commitment commitment = timed(
                        writes,
                        () -> memory.createCommitment(
                                NewCommitment.of("Meet " + entity.name() + " " + random.nextInt(1_000_000))));
                timed(
                        writes,
                        () -> memory.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, entity.id())));
                if (step % 10 == 0) {
                    timed(
                            searches,
                            () -> memory.searchMemory(SearchQuery.of("Pooled person " + random.nextInt(NAMES))
                                    .limit(5)));
                }
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }

    private static <T> T timed(ConcurrentLinkedQueue<Long> micros, java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        micros.add((System.nanoTime() - start) / 1_000);
        return result;
    }
}
