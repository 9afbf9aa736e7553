package dev.graphmemory.app.tools;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The zone in which a tool resolves words for a day ("today", "next friday"): the call's {@code time_zone}, else the
 * environment's {@code GRAPHMEMORY_TIME_ZONE}, else UTC. An assistant talks in its user's days, not the server's.
 */
final class TimeZones {
    /** The environment variable that sets the default zone. */
    static final String ENVIRONMENT = "GRAPHMEMORY_TIME_ZONE";

    private TimeZones() {}

    /** The zone named by {@code given}, or the default when it is {@code null} or blank. */
    static ZoneId zone(String given) {
        if (given != null && !given.isBlank()) {
            return parse("time_zone", given);
        }
        String configured = System.getenv(ENVIRONMENT);
        return configured == null || configured.isBlank() ? ZoneOffset.UTC : parse(ENVIRONMENT, configured);
    }

    private static ZoneId parse(String field, String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    field, "must be a time zone such as Europe/Berlin, UTC or +02:00 (was '" + text.strip() + "')", e);
        }
    }
}
