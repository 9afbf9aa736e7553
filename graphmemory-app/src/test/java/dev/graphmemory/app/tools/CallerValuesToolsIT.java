package dev.graphmemory.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** What the original adapter's callers send, through the tools as an assistant calls them. */
@Neo4jTest
class CallerValuesToolsIT {
    private GraphMemory memory;
    private ToolCalls tools;

    @BeforeEach
    void open(Driver driver, TestNamespace namespace) {
        memory = GraphMemory.open(
                driver, MemoryConfig.builder().namespace(namespace.value()).build());
        tools = new ToolCalls(memory);
    }

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void shouldWriteAndFilterEveryStatusAndTakeAnEmptyStatusAsAny() {
        String missed = id(ok("create_commitment", Map.of("content", "Ship the beta")));
        ok("create_commitment", Map.of("content", "Repaint the fence"));

        Map<String, Object> failed = ok(
                "update_commitment_status",
                Map.of("commitment_id", missed, "status", "Failed", "outcome", "Slipped a quarter"));

        assertThat(failed).containsEntry("status", "failed").containsEntry("outcome", "Slipped a quarter");
        assertThat(list(ok("get_commitments", Map.of("status", "failed")), "commitments"))
                .hasSize(1);
        assertThat(list(ok("get_commitments", Map.of("status", "deferred")), "commitments"))
                .isEmpty();
        assertThat(list(ok("get_commitments", Map.of("status", "")), "commitments"))
                .hasSize(2);
        assertThat(error("update_commitment_status", Map.of("commitment_id", missed, "status", "abandoned")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "status");
        assertThat(error("update_commitment_status", Map.of("commitment_id", "no-such-id", "status", "deferred")))
                .containsEntry("error", "not_found")
                .containsEntry("field", "commitment_id");
    }

    @Test
    void shouldResolveWordsForADeadlineInTheGivenZoneAndShowTheDate() {
        String zone = "Pacific/Kiritimati";
        LocalDate today = LocalDate.now(ZoneId.of(zone));

        Map<String, Object> due =
                ok("create_commitment", Map.of("content", "Call the bank", "deadline", "tomorrow", "time_zone", zone));
        Map<String, Object> endOfMonth =
                ok("create_commitment", Map.of("content", "Close the books", "deadline", "end of month"));

        assertThat(due).containsEntry("deadline", today.plusDays(1).toString());
        assertThat(LocalDate.parse((String) endOfMonth.get("deadline")).getDayOfMonth())
                .isEqualTo(LocalDate.parse((String) endOfMonth.get("deadline")).lengthOfMonth());
        assertThat(error("create_commitment", Map.of("content", "x", "deadline", "someday")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "deadline");
        assertThat(error("create_commitment", Map.of("content", "x", "deadline", "today", "time_zone", "Mars/Base")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "time_zone");
        assertThat(list(ok("get_commitments", Map.of()), "commitments")).hasSize(2);
    }

    @Test
    void shouldKeepOpenPatternAndEntityTypesCanonically() {
        Map<String, Object> pattern = ok(
                "record_pattern",
                Map.of("description", "Clears the inbox at nine", "type", "Task-Completion", "frequency", "7-day"));
        ok("record_pattern", Map.of("description", "Walks after lunch", "type", "habit", "frequency", "hourly"));
        Map<String, Object> entity = ok("create_entity", Map.of("name", "Zed", "type", "auto"));

        assertThat(pattern).containsEntry("type", "task_completion").containsEntry("frequency", "7_day");
        assertThat(entity).containsEntry("type", "auto");
        assertThat(list(ok("get_patterns", Map.of("type", "task completion")), "patterns"))
                .hasSize(1);
        assertThat(list(ok("get_patterns", Map.of("type", "")), "patterns")).hasSize(2);
        assertThat(error("record_pattern", Map.of("description", "x", "type", "habit!")))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "type");
        assertThat(error("create_entities", Map.of("entities", List.of(Map.of("name", "Y", "type", "?")))))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "entities[0].type");
        assertThat(list(ok("get_patterns", Map.of()), "patterns")).hasSize(2);
    }

    @Test
    void shouldAnswerStartSessionWithSessionIdAndStoreReversedLinksCanonically() {
        Map<String, Object> session = ok("start_session", Map.of("agent", "claude"));
        String commitment = id(ok("create_commitment", Map.of("content", "Send Bob the deck")));
        String bob = id(ok("create_entity", Map.of("name", "Bob", "type", "person")));

        Map<String, Object> link =
                ok("link_nodes", Map.of("from_id", bob, "relationship", "INVOLVES", "to_id", commitment));

        assertThat(session.get("session_id")).isEqualTo(session.get("id")).isNotNull();
        assertThat(link)
                .containsEntry("from_id", commitment)
                .containsEntry("to_id", bob)
                .containsEntry("reversed", true);
        ok("end_session", Map.of("session_id", session.get("id"), "summary", "Deck"));
    }

    @Test
    void shouldFindRelatedToDepthTenWithAnEmptyTypeMeaningAny() {
        String previous = id(ok("create_commitment", Map.of("content", "Step 0")));
        String first = previous;
        for (int i = 1; i <= 11; i++) {
            String next = id(ok("create_commitment", Map.of("content", "Step " + i)));
            ok("link_nodes", Map.of("from_id", previous, "relationship", "LEADS_TO", "to_id", next));
            previous = next;
        }

        Map<String, Object> related =
                ok("find_related", Map.of("node_id", first, "depth", 10, "relationship_type", ""));

        assertThat(list(related, "related")).hasSize(10);
        assertThat(error("find_related", Map.of("node_id", first, "depth", 11)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "depth");
    }

    @Test
    void shouldRecordAWearablesRawScores() {
        Map<String, Object> scored = ok("record_energy", Map.of("readiness_score", 91, "sleep_score", 64));
        Map<String, Object> both =
                ok("record_energy", Map.of("level", "low", "readiness", 3, "sleep", 5.5, "readiness_score", 40));

        assertThat(scored)
                .containsEntry("level", "high")
                .containsEntry("readiness_score", 91)
                .containsEntry("sleep_score", 64);
        assertThat(both).containsEntry("level", "low").containsEntry("readiness", 3);
        assertThat(error("record_energy", Map.of("readiness_score", 101)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "readiness_score");
        assertThat(error("record_energy", Map.of("sleep_score", 50)))
                .containsEntry("error", "invalid_input")
                .containsEntry("field", "level");
    }

    private Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        ToolCalls.Outcome outcome = tools.call(tool, new HashMap<>(arguments));
        assertThat(outcome.error()).as(tool + " " + outcome.content()).isFalse();
        return outcome.content();
    }

    private Map<String, Object> error(String tool, Map<String, Object> arguments) {
        ToolCalls.Outcome outcome = tools.call(tool, new HashMap<>(arguments));
        assertThat(outcome.error()).as(tool + " " + outcome.content()).isTrue();
        return outcome.content();
    }

    private static String id(Map<String, Object> result) {
        return (String) result.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> result, String name) {
        return (List<Object>) result.get(name);
    }
}
