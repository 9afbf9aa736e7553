package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a commitment is due: a whole day ({@link OnDate}) or a moment ({@link AtTime}). It is stored as the native
 * Neo4j {@code DATE} or {@code DATETIME} it was given, plus the instant it falls due, used for filtering and sorting.
 *
 * <pre>{@code
 * Deadline friday = Deadline.on(LocalDate.of(2026, 12, 4));
 * Deadline noon = Deadline.parse("2026-12-04T12:00:00+01:00");
 * }</pre>
 */
public sealed interface Deadline permits Deadline.OnDate, Deadline.AtTime {

    /** Due by the end of a day. */
    static Deadline on(LocalDate date) {
        return new OnDate(date);
    }

    /** Due at a moment. */
    static Deadline at(ZonedDateTime time) {
        return new AtTime(time);
    }

    /** Due at a moment. */
    static Deadline at(OffsetDateTime time) {
        return new AtTime(time.toZonedDateTime());
    }

    /**
     * Parses {@code 2026-12-04} (a day), {@code 2026-12-04T17:00:00Z} or {@code 2026-12-04T17:00+01:00} (a moment),
     * or {@code 2026-12-04T17:00} (a moment in UTC).
     *
     * @throws InvalidInputException naming the field {@code deadline} when the text is neither
     */
    static Deadline parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(
                    "deadline", "must be a date (2026-12-04) or a date-time (2026-12-04T17:00Z)");
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return on(LocalDate.parse(value));
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$") || value.contains("[")) {
                return at(ZonedDateTime.parse(value));
            }
            return at(LocalDateTime.parse(value).atZone(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "deadline",
                    "must be a date (2026-12-04) or a date-time (2026-12-04T17:00Z), was '" + value + "'",
                    e);
        }
    }

    /**
     * Parses a deadline as {@link #parse} does, or resolves the words people and models write for a day ({@code
     * today}, {@code tomorrow}, {@code in 3 days}, {@code next friday}, {@code end of month}, …) to that day in
     * {@code zone} at the moment {@code now}: a whole-day deadline. {@code friday} is the coming Friday (today when
     * it is Friday), {@code next friday} the first Friday after today, {@code end of week} the coming Friday.
     *
     * <pre>{@code
     * Deadline due = Deadline.resolve("next friday", ZoneId.of("Europe/Berlin"), Instant.now());
     * }</pre>
     *
     * @throws InvalidInputException naming the field {@code deadline} when the text is none of these
     */
    static Deadline resolve(String text, java.time.ZoneId zone, java.time.Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (text == null || text.isBlank()) {
            return parse(text);
        }
        if (text.strip().matches("\\d{4}-.*")) {
            return parse(text);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        return RelativeDates.resolve("deadline", text, today)
                .map(Deadline::on)
                .orElseThrow(() -> new InvalidInputException(
                        "deadline",
                        "must be a date (2026-12-04), a date-time (2026-12-04T17:00Z) or one of: " + RelativeDates.WORDS
                                + " (was '" + abbreviate(text.strip()) + "')"));
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    /** The instant this deadline falls due: the moment itself, or the last instant of the day in UTC. */
    ZonedDateTime dueAt();

    /** Whether this deadline has passed at the given moment. */
    default boolean isOverdueAt(ZonedDateTime now) {
        return dueAt().isBefore(now);
    }

    /** A deadline of a whole day. */
    record OnDate(LocalDate date) implements Deadline {
        /** Checks the date is given. */
        public OnDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public ZonedDateTime dueAt() {
            return date.atTime(LocalTime.MAX).atZone(ZoneOffset.UTC);
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /** A deadline at a moment. */
    record AtTime(ZonedDateTime time) implements Deadline {
        /** Checks the moment is given. */
        public AtTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public ZonedDateTime dueAt() {
            return time;
        }

        @Override
        public String toString() {
            return time.toOffsetDateTime().toString();
        }
    }
}
