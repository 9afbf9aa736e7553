package dev.graphmemory.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.exceptions.InvalidInputException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input rule, checked before anything reaches the database. */
class ValidationTest {
    private static final String LONG = "x".repeat(Limits.CONTENT + 1);

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("content", "is required", () -> NewCommitment.of(null)),
                violation("content", "must not be blank", () -> NewCommitment.of("  \n ")),
                violation("content", "at most 10000 characters", () -> NewCommitment.of(LONG)),
                violation("content", "control characters", () -> NewCommitment.of("bell\u0007")),
                violation("content", "unpaired surrogate", () -> NewCommitment.of("broken \uD800 text")),
                violation(
                        "priority",
                        "between 1 and 5",
                        () -> NewCommitment.of("x").priority(0)),
                violation(
                        "priority",
                        "between 1 and 5",
                        () -> NewCommitment.of("x").priority(6)),
                violation(
                        "toWhom",
                        "control characters",
                        () -> NewCommitment.of("x").toWhom("Al\nice")),
                violation(
                        "domain", "letters, digits", () -> NewCommitment.of("x").inDomain("-work")),
                violation("domain", "at most 64", () -> NewCommitment.of("x").inDomain("w".repeat(65))),
                violation("deadline", "date", () -> Deadline.parse("next friday")),
                violation(
                        "limit",
                        "between 1 and 200",
                        () -> CommitmentQuery.all().limit(0)),
                violation("rationale", "is required", () -> NewDecision.of("x", null)),
                violation(
                        "confidence",
                        "between 0.0 and 1.0",
                        () -> NewDecision.of("x", "y").confidence(1.5)),
                violation(
                        "confidence",
                        "between 0.0 and 1.0",
                        () -> NewDecision.of("x", "y").confidence(Double.NaN)),
                violation(
                        "alternatives",
                        "at most 20 items",
                        () -> NewDecision.of("x", "y").alternatives(Collections.nCopies(21, "z"))),
                violation(
                        "alternatives[1]",
                        "must not be blank",
                        () -> NewDecision.of("x", "y").alternatives(List.of("a", " "))),
                violation(
                        "days", "between 1 and 36500", () -> DecisionQuery.all().days(0)),
                violation(
                        "description",
                        "at most 2000",
                        () -> PatternObservation.of("d".repeat(2001), PatternType.BEHAVIOR)),
                violation("type", "is required", () -> PatternObservation.of("d", null)),
                violation(
                        "minStrength",
                        "between 0.0 and 1.0",
                        () -> PatternQuery.all().minStrength(-0.1)),
                violation("agent", "is required", () -> NewConversation.of(null)),
                violation("sessionId", "is required", () -> new ConversationEnd(null, "s", null)),
                violation("summary", "is required", () -> new ConversationEnd("id", null, null)),
                violation("tokensUsed", "between 0", () -> new ConversationEnd("id", "s", -1L)),
                violation("level", "is required", () -> EnergyReading.of(null)),
                violation("readiness", "between 1 and 10", () -> new EnergyReading(EnergyLevel.LOW, null, 11, null)),
                violation(
                        "sleepHours",
                        "between 0.0 and 24.0",
                        () -> new EnergyReading(EnergyLevel.LOW, null, null, 25.0)),
                violation("name", "at most 200", () -> NewEntity.of("n".repeat(201), EntityType.PERSON)),
                violation("name", "must not be blank", () -> NewEntity.of("\u200B\u2060\uFEFF", EntityType.PERSON)),
                violation("name", "must not be blank", () -> NewEntity.of("\u00A0\u202F\u2007", EntityType.PERSON)),
                violation("name", "visible character", () -> NewEntity.of("\u3164\u200B\u3164", EntityType.PERSON)),
                violation("agent", "must not be blank", () -> NewConversation.of("\u00A0\u200B")),
                violation("content", "visible character", () -> NewCommitment.of("\u2800\u00A0\u2800")),
                violation("type", "is required", () -> NewEntity.of("n", null)),
                violation("fromId", "must be an id", () -> NewLink.of("a b", RelationshipType.INVOLVES, "c")),
                violation("toId", "is required", () -> NewLink.of("a", RelationshipType.INVOLVES, null)),
                violation("relationship", "is required", () -> NewLink.of("a", null, "b")),
                violation(
                        "properties",
                        "reserved key 'createdAt'",
                        () -> new NewLink("a", RelationshipType.INVOLVES, "b", Map.of("createdAt", "x"))),
                violation(
                        "properties",
                        "keys must match",
                        () -> new NewLink("a", RelationshipType.INVOLVES, "b", Map.of("bad key", "x"))),
                violation(
                        "properties.nested",
                        "string, a number or a boolean",
                        () -> new NewLink("a", RelationshipType.INVOLVES, "b", Map.of("nested", Map.of()))),
                violation(
                        "properties.nan",
                        "finite",
                        () -> new NewLink("a", RelationshipType.INVOLVES, "b", Map.of("nan", Double.NaN))),
                violation(
                        "depth",
                        "between 1 and 10",
                        () -> RelatedQuery.around("a").depth(0)),
                violation("nodeId", "is required", () -> RelatedQuery.around(" ")),
                violation("query", "is required", () -> GraphQuery.of(null)),
                violation("query", "at most 10000", () -> GraphQuery.of("RETURN 1 //" + LONG)),
                violation(
                        "parameters",
                        "must not set 'namespace'",
                        () -> GraphQuery.of("RETURN 1", Map.of("namespace", "x"))),
                violation(
                        "relationship",
                        "must be one of leads_to, involves",
                        () -> RelationshipType.parse("relationship", "KNOWS")),
                violation(
                        "type",
                        "must be a word or words of letters and digits",
                        () -> EntityType.parse("type", "robot?!")));
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
            assertThat(e.errorCode()).isEqualTo("invalid_input");
            assertThat(e.getMessage()).startsWith(field + " ");
        });
    }

    @Test
    void shouldApplyDefaultsAndNormalize() {
        NewCommitment commitment = NewCommitment.of("  Call Bob  ");
        assertThat(commitment.content()).isEqualTo("Call Bob");
        assertThat(commitment.toWhom()).isEqualTo("self");
        assertThat(commitment.domain()).isEqualTo("work");
        assertThat(commitment.priority()).isEqualTo(3);
        assertThat(NewCommitment.of("x").inDomain(" Personal ").domain()).isEqualTo("personal");
        assertThat(NewEntity.of(" Ｄana   Lee ", EntityType.PERSON).nameKey()).isEqualTo("dana lee");
        assertThat(CommitmentQuery.all().limit()).isEqualTo(20);
        assertThat(RelatedQuery.around("a").depth()).isEqualTo(2);
        assertThat(RelatedQuery.around("a").limit()).isEqualTo(50);
        assertThat(RelationshipType.parse("r", "leads-to")).isEqualTo(RelationshipType.LEADS_TO);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("optional", null);
        assertThat(GraphQuery.of("RETURN $optional", withNull).parameters()).containsKey("optional");
    }

    @Test
    void shouldIgnoreInvisibleCharactersInNameKeysAndAtTheEdgesOfNames() {
        String key = NewEntity.of("Acme Corp", EntityType.CLIENT).nameKey();
        for (String lookalike : List.of(
                "Ac\u200Bme Corp",
                "\uFEFFAcme Corp",
                "Acme\u2060 Corp",
                "Acme\u00A0Corp",
                "Acme\u202F\u00A0 Corp",
                "\u200E Acme Corp \u200F",
                "ACME\u200D CORP")) {
            assertThat(NewEntity.of(lookalike, EntityType.CLIENT).nameKey())
                    .as(
                            "%s",
                            lookalike
                                    .codePoints()
                                    .mapToObj(Integer::toHexString)
                                    .toList())
                    .isEqualTo(key);
        }
        assertThat(NewEntity.of("\u200B\u00A0Acme\uFEFF ", EntityType.CLIENT).name())
                .isEqualTo("Acme");
        // Inside a name, format characters stay: a zero-width joiner holds an emoji sequence together.
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(NewEntity.of(family + " team", EntityType.PROJECT).name()).isEqualTo(family + " team");
        assertThat(NewCommitment.of("Line one\n\u00A0 line two").content()).isEqualTo("Line one\n\u00A0 line two");
    }

    @Test
    void shouldParseDeadlines() {
        assertThat(Deadline.parse("2026-12-04")).isInstanceOf(Deadline.OnDate.class);
        assertThat(Deadline.parse("2026-12-04T17:00:00Z")).isInstanceOf(Deadline.AtTime.class);
        assertThat(Deadline.parse("2026-12-04T17:00+01:00").dueAt().toInstant().toString())
                .isEqualTo("2026-12-04T16:00:00Z");
        assertThat(Deadline.parse("2026-12-04T17:00").dueAt().toInstant().toString())
                .isEqualTo("2026-12-04T17:00:00Z");
        assertThat(Deadline.parse("2026-12-04").dueAt().toLocalDate().toString())
                .isEqualTo("2026-12-04");
    }

    @Test
    void shouldComputeStrengthFromObservations() {
        assertThat(Pattern.strengthAfter(1)).isEqualTo(0.5);
        assertThat(Pattern.strengthAfter(3)).isEqualTo(0.7);
        assertThat(Pattern.strengthAfter(6)).isEqualTo(1.0);
        assertThat(Pattern.strengthAfter(100)).isEqualTo(1.0);
    }

    @Test
    void shouldDescribeRelationshipRules() {
        assertThat(RelationshipType.INVOLVES.rule())
                .isEqualTo("INVOLVES links Commitment, Conversation, Decision, Fact, Pattern or Turn to Entity");
        assertThat(RelationshipType.INVOLVES.allows(MemoryKind.COMMITMENT, MemoryKind.ENTITY))
                .isTrue();
        assertThat(RelationshipType.INVOLVES.allows(MemoryKind.ENTITY, MemoryKind.COMMITMENT))
                .isFalse();
        assertThat(RelationshipType.SUPERSEDED_BY.allows(MemoryKind.FACT, MemoryKind.FACT))
                .isTrue();
        assertThat(RelationshipType.SUPERSEDED_BY.allows(MemoryKind.DECISION, MemoryKind.FACT))
                .as("a memory is superseded by one of its own kind")
                .isFalse();
        assertThat(RelationshipType.SUPERSEDED_BY.rule())
                .isEqualTo("SUPERSEDED_BY links Decision or Fact to another of its kind");
    }
}
