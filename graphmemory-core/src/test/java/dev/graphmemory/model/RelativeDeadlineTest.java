package dev.graphmemory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeDeadlineTest {
    /** Wednesday 2026-12-02, 23:30 in UTC: already Thursday in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T23:30:00Z");

    @ParameterizedTest
    @CsvSource({
        "today, 2026-12-02",
        "Tonight, 2026-12-02",
        "tomorrow, 2026-12-03",
        "by tomorrow, 2026-12-03",
        "day after tomorrow, 2026-12-04",
        "in 3 days, 2026-12-05",
        "in three days, 2026-12-05",
        "3 days from now, 2026-12-05",
        "in a week, 2026-12-09",
        "in 2 weeks, 2026-12-16",
        "in a month, 2027-01-02",
        "next week, 2026-12-09",
        "friday, 2026-12-04",
        "this Friday, 2026-12-04",
        "next friday, 2026-12-04",
        "next wednesday, 2026-12-09",
        "wednesday, 2026-12-02",
        "on mon, 2026-12-07",
        "end of week, 2026-12-04",
        "end of month, 2026-12-31",
        "End of the month., 2026-12-31",
        "end of next month, 2027-01-31",
        "end of year, 2026-12-31",
        "2026-12-24, 2026-12-24"
    })
    void shouldResolveWordsForADayInUtc(String words, LocalDate expected) {
        assertThat(Deadline.resolve(words, ZoneOffset.UTC, NOW)).isEqualTo(Deadline.on(expected));
    }

    @ParameterizedTest
    @CsvSource({"today, 2026-12-03", "tomorrow, 2026-12-04", "next thursday, 2026-12-10", "thursday, 2026-12-03"})
    void shouldResolveTodayInTheGivenZone(String words, LocalDate expected) {
        assertThat(Deadline.resolve(words, ZoneId.of("Europe/Berlin"), NOW)).isEqualTo(Deadline.on(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"someday", "soon", "next blursday", "in many days", "asap", "2026-13-45"})
    void shouldRefuseWordsItDoesNotKnowNamingTheDeadline(String words) {
        assertThatThrownBy(() -> Deadline.resolve(words, ZoneOffset.UTC, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("deadline");
                    assertThat(e.getMessage()).contains("must be a date");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"in 999 years", "in 9999 weeks"})
    void shouldRefuseDaysTooFarAhead(String words) {
        assertThatThrownBy(() -> Deadline.resolve(words, ZoneOffset.UTC, NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
    }

    @ParameterizedTest
    @CsvSource({
        "Task Completion, task_completion",
        "task-completion, task_completion",
        "  HABIT , habit",
        "behavioral, behavior",
        "7-day, 7_day"
    })
    void shouldMakeOpenVocabularyTermsCanonical(String given, String canonical) {
        assertThat(PatternType.parse("type", given).value()).isEqualTo(canonical);
        assertThat(new PatternType(given)).isEqualTo(PatternType.parse("type", given));
    }
}
