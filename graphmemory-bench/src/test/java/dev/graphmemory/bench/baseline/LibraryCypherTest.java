package dev.graphmemory.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.internal.cypher.CommitmentStatements;
import dev.graphmemory.internal.cypher.DecisionStatements;
import dev.graphmemory.internal.cypher.EntityStatements;
import dev.graphmemory.internal.cypher.LinkStatements;
import dev.graphmemory.internal.cypher.PatternStatements;
import dev.graphmemory.internal.cypher.SearchIndexing;
import dev.graphmemory.internal.cypher.StoreMemoryStatement;
import dev.graphmemory.model.RelationshipType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The baselines send the library's Cypher, written out by hand in {@link LibraryCypher}; this test keeps the copies
 * equal to the originals.
 */
class LibraryCypherTest {
    private static final List<Map<String, Object>> ONE_ROW = List.of(Map.of());

    @Test
    void shouldSendTheLibrarysEntityStatements() {
        assertThat(LibraryCypher.UPSERT_ENTITIES).isEqualTo(EntityStatements.UPSERT);
        assertThat(LibraryCypher.ENTITY_CONTEXT).isEqualTo(EntityStatements.CONTEXT);
    }

    @Test
    void shouldSendTheLibrarysCommitmentAndLinkStatements() {
        assertThat(LibraryCypher.CREATE_COMMITMENTS).isEqualTo(CommitmentStatements.CREATE);
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(LibraryCypher.link(type)).as("link %s", type).isEqualTo(LinkStatements.link(type));
        }
    }

    @Test
    void shouldLabelNewNodesForSearchAsTheLibraryDoes() {
        for (int rows : new int[] {1, 99, 100, 2_000}) {
            assertThat(LibraryCypher.forRows(LibraryCypher.UPSERT_ENTITIES, rows))
                    .isEqualTo(SearchIndexing.forRows(EntityStatements.UPSERT, rows));
        }
    }

    @Test
    void shouldSendTheLibrarysStoreMemoryStatements() {
        assertThat(LibraryCypher.CHECK_EXTERNALS).isEqualTo(StoreMemoryStatement.CHECK_EXTERNALS);
        assertThat(LibraryCypher.STORE_MEMORY).isEqualTo(StoreMemoryStatement.STORE_WITHOUT_PATTERNS);

        assertThat(LibraryCypher.CREATE_DECISIONS)
                .isEqualTo(DecisionStatements.create("n", ONE_ROW).text());
        assertThat(LibraryCypher.RECORD_PATTERNS)
                .isEqualTo(PatternStatements.record("n", ONE_ROW).text());
    }
}
