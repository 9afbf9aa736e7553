package dev.graphmemory.internal.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.SearchQuery;
import org.junit.jupiter.api.Test;

/** How search text becomes a Lucene query. */
class SearchStatementsTest {

    @Test
    void shouldTakeWordsLiterallyAndKeepPhrases() {
        assertThat(SearchStatements.words("Acme AND (proposal) C++ \"pilot  Plan\" ?! x:y"))
                .isEqualTo("acme and \\(proposal\\) c\\+\\+ \"pilot  plan\" x\\:y");
        assertThat(SearchStatements.words("unclosed \"quote here")).isEqualTo("unclosed \"quote here\"");
        assertThat(SearchStatements.words("back\\slash \"a\\b\"")).isEqualTo("back\\\\slash \"a\\\\b\"");
    }

    @Test
    void shouldRequireTheNamespaceAndSearchOnlyTheTextProperties() {
        String lucene = SearchStatements.lucene("alice", SearchQuery.of("proposal"));

        assertThat(lucene).startsWith("+namespace:\"alice\"^0 +(").contains("content:(proposal)");
        for (String property : Schema.TEXT_PROPERTIES) {
            assertThat(lucene).contains(property + ":(proposal)");
        }
        assertThat(SearchStatements.lucene("alice", SearchQuery.of("propos*").luceneSyntax(true)))
                .contains("content:(propos*)");
    }

    @Test
    void shouldLeaveOutANamespaceTheAnalyzerWouldLeaveNothingOf() {
        assertThat(SearchStatements.lucene("it", SearchQuery.of("proposal"))).startsWith("+(");
        assertThat(SearchStatements.lucene("the-a", SearchQuery.of("proposal"))).startsWith("+(");
        assertThat(SearchStatements.lucene("it-team", SearchQuery.of("proposal")))
                .startsWith("+namespace:\"it-team\"^0 +(");
    }

    @Test
    void shouldRefuseTooManyWords() {
        String words = "w ".repeat(65);
        assertThatThrownBy(() -> SearchStatements.words(words))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
    }
}
