package dev.graphmemory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The input rules of search, similarity, time and forgetting, checked before anything reaches the database. */
class RecallValidationTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("query", "is required", () -> SearchQuery.of(null)),
                violation("query", "at most 1000 characters", () -> SearchQuery.of("x".repeat(1_001))),
                violation("query", "at least one word", () -> SearchQuery.of("?!* --")),
                violation(
                        "kinds",
                        "energy_state is not one of them",
                        () -> SearchQuery.of("x").kinds(MemoryKind.ENERGY_STATE)),
                violation(
                        "kinds",
                        "must not contain null",
                        () -> SearchQuery.of("x").kinds(MemoryKind.DECISION, null)),
                violation(
                        "until",
                        "must be after since",
                        () -> SearchQuery.of("x").since(NOON).until(NOON)),
                violation(
                        "limit", "between 1 and 200", () -> SearchQuery.of("x").limit(201)),
                violation(
                        "maxChars",
                        "between 100 and 100000",
                        () -> SearchQuery.of("x").maxChars(99)),
                violation("embedding", "at least one dimension", () -> Embedding.of(new float[0])),
                violation("embedding", "at most 4096", () -> Embedding.of(new float[4_097])),
                violation("embedding", "finite", () -> Embedding.of(1f, Float.NaN)),
                violation("embedding", "all zeros", () -> Embedding.of(0f, 0f, 0f)),
                violation("embedding", "position 1 is null", () -> Embedding.of(Arrays.asList(1.0, null))),
                violation(
                        "embedding",
                        "either an embedding or the id",
                        () -> new SimilarityQuery(Embedding.of(1f), "some-id", null, null, false, null, null)),
                violation(
                        "embedding",
                        "either an embedding or the id",
                        () -> new SimilarityQuery(null, null, null, null, false, null, null)),
                violation("memoryId", "must be an id", () -> SimilarityQuery.like("x'}) DETACH DELETE n //")),
                violation(
                        "minScore",
                        "between 0.0 and 1.0",
                        () -> SimilarityQuery.like("a").minScore(1.5)),
                violation("from", "is required", () -> new TimelineQuery(null, null, null, null, null)),
                violation("to", "must be after from", () -> TimelineQuery.between(NOON, NOON.minusSeconds(1))),
                violation("days", "between 1 and 36500", () -> TimelineQuery.lastDays(0)),
                violation(
                        "maxChars",
                        "between 100 and 100000",
                        () -> TimelineQuery.lastDays(1).maxChars(100_001)),
                violation(
                        "overdue",
                        "only applies to pending",
                        () -> CommitmentQuery.all()
                                .status(CommitmentStatus.COMPLETED)
                                .overdue(true)),
                violation(
                        "dueWithinDays",
                        "between 1 and 36500",
                        () -> CommitmentQuery.all().dueWithinDays(0)));
    }

    private static Arguments violation(String field, String rule, Executable input) {
        return Arguments.of(field, rule, input);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("violations")
    void shouldNameTheFieldAndTheRule(String field, String rule, Executable input) {
        assertThatThrownBy(input::execute).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(rule);
        });
    }

    @Test
    void shouldApplyTheDefaults() {
        SearchQuery search = SearchQuery.of("acme");
        assertThat(search.limit()).isEqualTo(Limits.DEFAULT_RECALL_LIMIT);
        assertThat(search.maxChars()).isEqualTo(Limits.DEFAULT_MAX_CHARS);
        assertThat(search.kinds()).isEmpty();
        assertThat(search.luceneSyntax()).isFalse();
        assertThat(SearchQuery.of("acme")
                        .kinds(MemoryKind.DECISION, MemoryKind.DECISION)
                        .kinds())
                .containsExactly(MemoryKind.DECISION);
        assertThat(new SearchQuery("?", true, null, null, null, false, null, null, null, null).query())
                .isEqualTo("?"); // in Lucene syntax, Lucene decides what it means
        assertThat(TimelineQuery.lastDays(7).limit()).isEqualTo(Limits.DEFAULT_LIMIT);
        assertThat(TimelineQuery.lastDays(7).to()).isNull();
        assertThat(CommitmentQuery.all().overdue()).isFalse();
        assertThat(DecisionQuery.all().includeSuperseded()).isFalse();
    }

    @Test
    void shouldCopyEmbeddingsAndCompareThemByValue() {
        float[] values = {0.5f, -1f, 2f};
        Embedding embedding = Embedding.of(values);
        values[0] = 9f;
        embedding.values()[1] = 9f;

        assertThat(embedding.values()).containsExactly(0.5f, -1f, 2f);
        assertThat(embedding).isEqualTo(Embedding.of(0.5f, -1f, 2f)).hasSameHashCodeAs(Embedding.of(0.5f, -1f, 2f));
        assertThat(embedding.dimensions()).isEqualTo(3);
        assertThat(embedding.asDoubles()).containsExactly(0.5, -1.0, 2.0);
        assertThat(embedding).hasToString("Embedding[3 dimensions]");
    }

    @Test
    void shouldLeaveOutKindsWithNothingForgotten() {
        var counts = new java.util.EnumMap<MemoryKind, Long>(MemoryKind.class);
        counts.put(MemoryKind.ENTITY, 2L);
        counts.put(MemoryKind.DECISION, 0L);
        Forgotten forgotten = new Forgotten(counts, 3, "audit");

        assertThat(forgotten.memories()).containsOnlyKeys(MemoryKind.ENTITY);
        assertThat(forgotten.total()).isEqualTo(2);
    }
}
