package dev.graphmemory.app.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The argument checks every tool call goes through before anything runs (a pure unit seam, no database). */
class ArgsTest {
    private static final List<Param> PARAMS =
            ToolCatalogue.find("create_entities").orElseThrow().params();

    @Test
    void shouldAcceptValidArgumentsAndNormalizeEnums() {
        Args args = Args.check(
                Map.of("entities", List.of(Map.of("name", "Alice", "type", "Person")), "mode", "best-effort"), PARAMS);

        assertThat(args.string("mode")).isEqualTo("best_effort");
        assertThat(args.list("entities")).hasSize(1);
        assertThat(ArgumentMapper.entity(args.list("entities").get(0)).type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void shouldNameTheArgumentAndItsPathInEveryRefusal() {
        assertRefused(Map.of(), "entities", "is required");
        assertRefused(Map.of("entities", "Alice"), "entities", "must be an array");
        assertRefused(Map.of("entities", List.of("Alice")), "entities[0]", "must be an object");
        assertRefused(Map.of("entities", List.of(Map.of("name", "A"))), "entities[0].type", "is required");
        assertRefused(
                Map.of("entities", List.of(Map.of("name", "A", "type", "person")), "mode", "sometimes"),
                "mode",
                "must be one of atomic, best_effort");
        assertRefused(
                Map.of("entities", List.of(Map.of("name", 7, "type", "person"))),
                "entities[0].name",
                "must be a string (was a number)");
        assertRefused(Map.of("entities", List.of(), "colour", "red"), "colour", "is not an argument of this tool");
    }

    @Test
    void shouldCheckNumbersAndBounds() {
        List<Param> params =
                ToolCatalogue.find("create_commitment").orElseThrow().params();
        Map<String, Object> raw = new HashMap<>(Map.of("content", "x"));

        raw.put("priority", 2.0);
        assertThat(Args.check(raw, params).integer("priority")).isEqualTo(2);
        raw.put("priority", 2.5);
        assertThatThrownBy(() -> Args.check(raw, params)).hasMessageContaining("priority must be a whole number");
        raw.put("priority", 9);
        assertThatThrownBy(() -> Args.check(raw, params)).hasMessage("priority must be between 1 and 5 (was 9)");
        raw.put("priority", "high");
        assertThatThrownBy(() -> Args.check(raw, params)).hasMessageContaining("(was a string)");
    }

    @Test
    void shouldPublishTheSameRulesAsJsonSchema() {
        Map<String, Object> schema =
                ToolCatalogue.find("create_commitment").orElseThrow().inputSchema();

        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat(schema.get("required")).isEqualTo(List.of("content"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("priority")).containsEntry("minimum", 1).containsEntry("maximum", 5);
        assertThat(properties).containsKeys("content", "to_whom", "deadline", "domain", "priority");
    }

    private static void assertRefused(Map<String, Object> raw, String field, String rule) {
        assertThatThrownBy(() -> Args.check(raw, PARAMS)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(rule);
        });
    }
}
