package dev.graphmemory.internal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plan keeper holds of a call's parameters, and how it tells plans apart as Neo4j does. */
class PlanKeeperTest {
    private static final String TEXT = "RETURN 1";

    @Test
    void shouldTellPlansApartByTypeAndBySizeToTheNextPowerOfTen() {
        assertThat(PlanKeeper.key(TEXT, Map.of("name", "Dana")))
                .isEqualTo(PlanKeeper.key(TEXT, Map.of("name", "Alexandra")))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("name", "Alexandrina")))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("name", "D")))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("name", 4L)))
                .isNotEqualTo(PlanKeeper.key("RETURN 2", Map.of("name", "Dana")));
        assertThat(PlanKeeper.key(TEXT, Map.of("rows", List.of(1L, 2L))))
                .isEqualTo(PlanKeeper.key(TEXT, Map.of("rows", List.of(1L, 2L, 3L))))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("rows", List.of(1L))))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("rows", List.of())))
                .isNotEqualTo(PlanKeeper.key(TEXT, Map.of("rows", List.of("a", "b"))));
        assertThat(PlanKeeper.key(TEXT, Map.of("a", 1L, "b", "x")))
                .as("whatever the order of the parameters")
                .isEqualTo(PlanKeeper.key(TEXT, new java.util.LinkedHashMap<>(Map.of("b", "y", "a", 2L))));
    }

    @Test
    void shouldHoldParametersOfTheSameTypesAndSizesWithNoneOfTheirContent() {
        ZonedDateTime since = ZonedDateTime.parse("2026-12-03T10:15:30Z");
        Map<String, Object> call = Map.of(
                "namespace",
                "default",
                "text",
                "Dana promised the report by Friday",
                "limit",
                10L,
                "weight",
                0.5,
                "vector",
                List.of(0.1, -0.2, 0.3),
                "rows",
                List.of(Map.of("title", "Ship the report", "done", true, "priority", 2L)),
                "since",
                since);

        Map<String, Object> blank = PlanKeeper.blank(call);

        assertThat(PlanKeeper.key(TEXT, blank)).isEqualTo(PlanKeeper.key(TEXT, call));
        assertThat(blank)
                .containsEntry("namespace", "~~~~~~~")
                .containsEntry("text", "~".repeat(34))
                .containsEntry("limit", 0L)
                .containsEntry("weight", 0.0)
                .containsEntry("vector", List.of(0.0, 0.0, 0.0))
                .containsEntry("rows", List.of(Map.of("title", "", "done", false, "priority", 0L)))
                .containsEntry("since", since);
        assertThat(blank.toString()).doesNotContain("Dana", "report", "Ship");
    }
}
