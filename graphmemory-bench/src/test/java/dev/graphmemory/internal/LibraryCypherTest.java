package dev.graphmemory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.bench.baseline.LibraryCypher;
import org.junit.jupiter.api.Test;

/**
 * The baselines send the library's Cypher, written out by hand in {@link LibraryCypher}; this test (in the library's
 * package, to read its statement constants) keeps the copies equal to the originals.
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
