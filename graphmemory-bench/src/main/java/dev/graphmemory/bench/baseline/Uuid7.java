package dev.graphmemory.bench.baseline;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 ids for the baselines, the kind the library generates: time-ordered, so that index inserts stay
 * local. A baseline with random (version 4) ids would pay for scattered index pages and look slower than it is.
 */
public final class Uuid7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuid7() {}

    /** A new id as the usual 36-character string. */
    public static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
