package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days that people and models write as words ("tomorrow", "in 3 days", "next friday", "end of month"), resolved
 * against a given today. Only whole days: a word never means a time of day. See {@link Deadline#resolve}.
 */
final class RelativeDates {
    static final String WORDS = "today, tonight, tomorrow, day after tomorrow, in 3 days (or weeks, months, years),"
            + " 3 days from now, friday, this friday, next friday, next week, next month, end of week (friday),"
            + " end of month, end of next month, end of year";

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("couple of", 2),
            Map.entry("few", 3));
    private static final Pattern IN_UNITS = Pattern.compile(
            "(?:in )?(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)"
                    + " (day|week|month|year)s?(?: from (?:now|today))?");
    private static final Pattern WEEKDAY = Pattern.compile("(?:(this|next|on|coming|this coming) )?([a-z]+)");

    private RelativeDates() {}

    /**
     * The day the words name, or empty when they name none.
     *
     * @throws InvalidInputException naming {@code field} when a number of days is too large
     */
    static Optional<LocalDate> resolve(String field, String text, LocalDate today) {
        String words = text.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[.,!]+$", "")
                .replaceAll("\\s+", " ")
                .replace("end of the ", "end of ")
                .replaceFirst("^by ", "")
                .replaceFirst("^due ", "");
        switch (words) {
            case "today", "tonight", "end of day", "end of today", "eod" -> {
                return Optional.of(today);
            }
            case "tomorrow", "tmrw", "tomorrow night" -> {
                return Optional.of(today.plusDays(1));
            }
            case "day after tomorrow", "the day after tomorrow" -> {
                return Optional.of(today.plusDays(2));
            }
            case "next week" -> {
                return Optional.of(today.plusWeeks(1));
            }
            case "next month" -> {
                return Optional.of(today.plusMonths(1));
            }
            case "next year" -> {
                return Optional.of(today.plusYears(1));
            }
            case "end of week", "eow", "end of this week", "this week" -> {
                return Optional.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
            }
            case "end of next week" -> {
                return Optional.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                        .plusWeeks(1));
            }
            case "end of month", "eom", "end of this month", "this month" -> {
                return Optional.of(today.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "end of next month" -> {
                return Optional.of(today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()));
            }
            case "end of year", "eoy", "end of this year", "this year" -> {
                return Optional.of(today.with(TemporalAdjusters.lastDayOfYear()));
            }
            default -> {
                return units(field, words, today).or(() -> weekday(words, today));
            }
        }
    }

    private static Optional<LocalDate> units(String field, String words, LocalDate today) {
        Matcher match = IN_UNITS.matcher(words);
        if (!match.matches()) {
            return Optional.empty();
        }
        int count = NUMBERS.getOrDefault(match.group(1), -1);
        if (count < 0) {
            count = Integer.parseInt(match.group(1));
        }
        long days = switch (match.group(2)) {
            case "week" -> count * 7L;
            case "month" -> count * 31L;
            case "year" -> count * 366L;
            default -> count;
        };
        if (days > Limits.MAX_DAYS) {
            throw new InvalidInputException(
                    field, "must be at most " + Limits.MAX_DAYS + " days ahead (was '" + words + "')");
        }
        return Optional.of(
                switch (match.group(2)) {
                    case "week" -> today.plusWeeks(count);
                    case "month" -> today.plusMonths(count);
                    case "year" -> today.plusYears(count);
                    default -> today.plusDays(count);
                });
    }

    /**
     * A weekday: {@code friday}, {@code this friday} and {@code on friday} are the next Friday from today on (today
     * when it is Friday); {@code next friday} is the first Friday after today (a week from today when it is Friday).
     */
    private static Optional<LocalDate> weekday(String words, LocalDate today) {
        Matcher match = WEEKDAY.matcher(words);
        if (!match.matches()) {
            return Optional.empty();
        }
        DayOfWeek day = dayOfWeek(match.group(2));
        if (day == null) {
            return Optional.empty();
        }
        boolean next = "next".equals(match.group(1));
        return Optional.of(today.with(next ? TemporalAdjusters.next(day) : TemporalAdjusters.nextOrSame(day)));
    }

    private static DayOfWeek dayOfWeek(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || word.length() >= 3 && name.startsWith(word)) {
                return day;
            }
        }
        return null;
    }
}
