package dev.graphmemory.internal.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextBudgetTest {

    private static MemoryNode memory(String id, Map<String, Object> properties) {
        return new MemoryNode(id, MemoryKind.COMMITMENT, properties);
    }

    @Test
    void shouldKeepEverythingThatFits() {
        List<MemoryNode> memories = List.of(
                memory("a", Map.of("content", "short", "createdAt", ZonedDateTime.now())),
                memory("b", Map.of("content", "also short")));

        TextBudget.Fit fit = TextBudget.fit(memories, 100);

        assertThat(fit.truncated()).isFalse();
        assertThat(fit.items()).extracting(TextBudget.Fitted::memory).isEqualTo(memories);
    }

    @Test
    void shouldShareTheBudgetSoThatShortMemoriesStayWholeAndLongOnesAreCut() {
        List<MemoryNode> memories = List.of(
                memory("long", Map.of("content", "x".repeat(5_000), "status", "pending")),
                memory("short", Map.of("content", "y".repeat(50))),
                memory("longer", Map.of("summary", "z".repeat(9_000))));

        TextBudget.Fit fit = TextBudget.fit(memories, 1_050);

        assertThat(fit.truncated()).isTrue();
        assertThat(fit.items()).extracting(item -> item.memory().id()).containsExactly("long", "short", "longer");
        assertThat(fit.items()).extracting(TextBudget.Fitted::truncated).containsExactly(true, false, true);
        MemoryNode first = fit.items().get(0).memory();
        assertThat(first.properties()).containsEntry("status", "pending"); // short texts are kept first
        assertThat((String) first.properties().get("content"))
                .hasSize(500 - 7 + 1)
                .endsWith("…");
        assertThat((String) fit.items().get(2).memory().properties().get("summary"))
                .hasSize(500 + 1);
        int total = fit.items().stream()
                .mapToInt(item -> TextBudget.length(item.memory()))
                .sum();
        assertThat(total).isLessThanOrEqualTo(1_050 + 2); // plus one ellipsis per cut text
    }

    @Test
    void shouldDropTheLowestRankedRatherThanShowSlivers() {
        List<MemoryNode> memories = List.of(
                memory("1", Map.of("content", "a".repeat(1_000))),
                memory("2", Map.of("content", "b".repeat(1_000))),
                memory("3", Map.of("content", "c".repeat(1_000))),
                memory("4", Map.of("content", "d".repeat(1_000))));

        TextBudget.Fit fit = TextBudget.fit(memories, 250);

        assertThat(fit.truncated()).isTrue();
        assertThat(fit.items()).extracting(item -> item.memory().id()).containsExactly("1", "2");
        assertThat(fit.items())
                .allSatisfy(item -> assertThat(TextBudget.length(item.memory())).isEqualTo(125 + 1));
    }

    @Test
    void shouldAlwaysShowTheBestMemory() {
        TextBudget.Fit fit = TextBudget.fit(List.of(memory("only", Map.of("content", "q".repeat(10_000)))), 100);

        assertThat(fit.items()).hasSize(1);
        assertThat((String) fit.items().get(0).memory().properties().get("content"))
                .isEqualTo("q".repeat(100) + "…");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCutListsElementByElementAndNeverSplitACharacter() {
        MemoryNode decision = new MemoryNode(
                "d",
                MemoryKind.DECISION,
                Map.of("alternatives", List.of("a".repeat(60), "b".repeat(60), "c".repeat(60)), "content", "😀😀"));

        MemoryNode cut = TextBudget.cut(decision, 100).memory();

        assertThat((List<Object>) cut.properties().get("alternatives"))
                .containsExactly("a".repeat(60), "b".repeat(36) + "…");
        assertThat(TextBudget.cut(memory("e", Map.of("content", "😀😀")), 3)
                        .memory()
                        .properties())
                .containsEntry("content", "😀…");
    }

    @Test
    void shouldFindTheLargestFairAllowance() {
        assertThat(TextBudget.cap(new int[] {10, 20, 30}, 3, 100)).isEqualTo(Integer.MAX_VALUE);
        assertThat(TextBudget.cap(new int[] {10, 500, 500}, 3, 110)).isEqualTo(50);
        assertThat(TextBudget.cap(new int[] {1_000, 1_000}, 2, 100)).isEqualTo(50);
    }
}
