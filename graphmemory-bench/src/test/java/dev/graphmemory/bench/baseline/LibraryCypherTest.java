package dev.graphmemory.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.internal.cypher.CommitmentStatements;
import dev.graphmemory.internal.cypher.EntityStatements;
import dev.graphmemory.internal.cypher.LinkStatements;
import dev.graphmemory.internal.cypher.SearchIndexing;
import dev.graphmemory.internal.cypher.StoreMemoryStatement;
import org.junit.jupiter.api.Test;

/**
 * The baselines send the library's Cypher, written out by hand in {@link LibraryCypher}; this test keeps the copies
 * equal to the originals.
 */
class LibraryCypherTest {

    @Test
    void shouldSendTheLibrarysEntityStatements() {
        assertThat(LibraryCypher.UPSERT_ENTITIES).isEqualTo(EntityStatements.UPSERT);
        assertThat(LibraryCypher.ENTITY_CONTEXT).isEqualTo(EntityStatements.CONTEXT);
    }

    @Test
    void shouldSendTheLibrarysCommitmentAndLinkStatements() {
        assertThat(LibraryCypher.CREATE_COMMITMENTS).isEqualTo(CommitmentStatements.CREATE);
        assertThat(LibraryCypher.LINK).isEqualTo(LinkStatements.LINK);
    }

    @Test
    void shouldLabelNewNodesForSearchAsTheLibraryDoes() {
        for (int rows : new int[] {1, 99, 100, 2_000}) {
            assertThat(LibraryCypher.forRows(LibraryCypher.UPSERT_ENTITIES, rows))
                    .isEqualTo(SearchIndexing.forRows(EntityStatements.UPSERT, rows));
        }
    }

    @Test
    void shouldSendTheLibrarysStoreMemoryStatement() {
        assertThat(LibraryCypher.STORE_MEMORY).isEqualTo(StoreMemoryStatement.TEXT);
    }
}
