package dev.graphmemory.internal.work;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Ids for new memories, generated before the transaction so that a retried transaction reuses them.
 *
 * <p>They are UUID version 7 (RFC 9562): 48 bits of milliseconds then 74 random bits. Full width, so collisions are
 * not a concern (the old 32-bit ids were); time-ordered, so index inserts stay local and ids sort by creation.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A source of fresh ids. */
    public static Supplier<String> fresh() {
        return Ids::uuid7;
    }

    /** A new UUID version 7, as the usual 36-character string. */
    public static String uuid7() {
        long millis = System.currentTimeMillis();
        long random = RANDOM.nextLong();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /**
     * Ids for a transaction callback the driver may run more than once. Each attempt calls {@link #rewind()} first
     * and then gets the same ids, in the same order, as the attempt before: if an earlier attempt committed but its
     * acknowledgement was lost, the re-run MERGEs onto what it stored instead of creating copies.
     */
    public static final class Replaying implements Supplier<String> {
        private final List<String> issued = new ArrayList<>();
        private int position;

        /** Starts a new attempt. */
        public synchronized void rewind() {
            position = 0;
        }

        @Override
        public synchronized String get() {
            if (position == issued.size()) {
                issued.add(uuid7());
            }
            return issued.get(position++);
        }
    }
}
