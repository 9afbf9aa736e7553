package dev.graphmemory.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON text of every shaped result, byte for byte, as a tool call produces it ({@link ToolCalls} makes a tree,
 * the front ends write it). The expected texts are what the tools answered before the shapes became records, so a
 * change here is a change that models and prompts see. Memories carry one property each: a memory's properties
 * come in the map's own order, which is not fixed.
 */
class ResultsTest {
    private static final MemoryNode SAID = new MemoryNode("m1", MemoryKind.COMMITMENT, Map.of("content", "Call Bob"));
    private static final MemoryNode DATED = new MemoryNode(
            "m2", MemoryKind.DECISION, Map.of("createdAt", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));

    @Test
    void shouldShapeHitsAsFlatMemoriesWithScores() {
        SearchResult result =
                new SearchResult(List.of(new SearchHit(SAID, 1.25, true), new SearchHit(DATED, 0.5, false)), false);

        assertThat(json(Results.Hits.of(result)))
                .isEqualTo("{\"hits\":[{\"id\":\"m1\",\"kind\":\"commitment\",\"title\":\"Call Bob\","
                        + "\"properties\":{\"content\":\"Call Bob\"},\"score\":1.25,\"truncated\":true},"
                        + "{\"id\":\"m2\",\"kind\":\"decision\",\"title\":\"m2\","
                        + "\"properties\":{\"createdAt\":\"2026-01-02T03:04:05Z\"},\"score\":0.5,\"truncated\":false}],"
                        + "\"truncated\":false}");
    }

    @Test
    void shouldShapeEventsWithTheirMomentFirst() {
        Timeline timeline = new Timeline(
                List.of(new TimelineEvent(
                        Instant.parse("2026-01-02T03:04:05.123Z"), TimelineEvent.Type.SUPERSEDED, DATED, false)),
                true);

        assertThat(json(Results.Events.of(timeline)))
                .isEqualTo("{\"events\":[{\"at\":\"2026-01-02T03:04:05.123Z\",\"event\":\"superseded\",\"id\":\"m2\","
                        + "\"kind\":\"decision\",\"title\":\"m2\",\"properties\":{\"createdAt\":\"2026-01-02T03:04:05Z\"},"
                        + "\"truncated\":false}],\"truncated\":true}");
    }

    @Test
    void shouldShapeRelatedMemoriesWithDistanceAndPath() {
        List<RelatedNode> related =
                List.of(new RelatedNode(SAID, 2, List.of(RelationshipType.INVOLVES, RelationshipType.DURING)));

        assertThat(json(Results.Related.of(related)))
                .isEqualTo("{\"related\":[{\"id\":\"m1\",\"kind\":\"commitment\",\"title\":\"Call Bob\",\"distance\":2,"
                        + "\"path\":[\"INVOLVES\",\"DURING\"],\"properties\":{\"content\":\"Call Bob\"}}]}");
    }

    @Test
    void shouldShapeForgettingAsCountsInKindOrder() {
        Forgotten forgotten = new Forgotten(Map.of(MemoryKind.ENTITY, 1L, MemoryKind.COMMITMENT, 2L), 3, "a1");

        assertThat(json(Results.ForgetReport.of(forgotten)))
                .isEqualTo("{\"forgotten\":3,\"memories\":{\"commitment\":2,\"entity\":1},\"relationships\":3,"
                        + "\"audit_id\":\"a1\"}");
    }

    @Test
    void shouldShapeBatchesAsCountsThenItems() {
        BatchResult<MemoryNode> batch = new BatchResult<>(List.of(
                new BatchResult.Item<>(0, BatchResult.Status.CREATED, SAID, null, null),
                new BatchResult.Item<>(1, BatchResult.Status.FAILED, null, "invalid_input", "content is required")));

        assertThat(json(Results.BatchReport.of(batch)))
                .isEqualTo("{\"created\":1,\"updated\":0,\"failed\":1,\"items\":[{\"index\":0,\"status\":\"created\","
                        + "\"value\":{\"id\":\"m1\",\"kind\":\"commitment\",\"properties\":{\"content\":\"Call Bob\"}},"
                        + "\"error_code\":null,\"failure\":null},{\"index\":1,\"status\":\"failed\",\"value\":null,"
                        + "\"error_code\":\"invalid_input\",\"failure\":\"content is required\"}]}");
    }

    @Test
    void shouldShapeHealthWithTheRoundTripInMillisecondsAndNullsKept() {
        Health healthy = new Health(
                true,
                "Neo4j/5.26.0",
                "community",
                "neo4j",
                4,
                List.of(),
                Duration.ofNanos(1_234_567),
                new Health.PoolState(1, 2, 3L),
                null);
        Health unhealthy = new Health(false, null, null, "neo4j", 0, List.of("constraint x"), null, null, "down");

        assertThat(json(Results.HealthReport.of(healthy)))
                .isEqualTo(
                        "{\"healthy\":true,\"server\":\"Neo4j/5.26.0\",\"edition\":\"community\",\"database\":\"neo4j\","
                                + "\"schema_version\":4,\"missing_schema\":[],\"round_trip_ms\":1.234567,"
                                + "\"pool\":{\"in_use\":1,\"idle\":2,\"acquisition_timeouts\":3},\"problem\":null}");
        assertThat(json(Results.HealthReport.of(unhealthy)))
                .isEqualTo("{\"healthy\":false,\"server\":null,\"edition\":null,\"database\":\"neo4j\","
                        + "\"schema_version\":0,\"missing_schema\":[\"constraint x\"],\"round_trip_ms\":null,"
                        + "\"pool\":null,\"problem\":\"down\"}");
    }

    @Test
    void shouldShapeListsUnderTheirNameAndEmbeddingsAsTheirSize() {
        assertThat(json(new Results.Decisions(List.of()))).isEqualTo("{\"decisions\":[]}");
        assertThat(json(Results.EmbeddingSet.of(SAID, 384)))
                .isEqualTo("{\"id\":\"m1\",\"kind\":\"commitment\",\"dimensions\":384}");
    }

    /** As a tool call: a tree first ({@link ToolCalls}), then text (the MCP server and {@code graphmemory tool}). */
    private static String json(Object result) {
        return Json.write(Json.tree(result));
    }
}
