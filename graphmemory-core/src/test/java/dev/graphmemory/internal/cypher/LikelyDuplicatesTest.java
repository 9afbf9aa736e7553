package dev.graphmemory.internal.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.model.LikelyDuplicate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LikelyDuplicatesTest {

    private static List<String> pairs(List<LikelyDuplicates.Named> entities) {
        return LikelyDuplicates.find(entities, 50).stream()
                .map(pair -> pair.firstName() + " / " + pair.secondName() + ": "
                        + pair.reason().substring(0, pair.reason().indexOf(':')))
                .toList();
    }

    private static LikelyDuplicates.Named named(String name, String... aliases) {
        return new LikelyDuplicates.Named(name.toLowerCase().replace(' ', '-'), name, List.of(aliases));
    }

    @Test
    void shouldGiveEachKindOfReasonStrongestFirst() {
        List<String> found = pairs(List.of(
                named("Crème Brûlée Ltd"),
                named("creme brulee"),
                named("Bill Gates"),
                named("William Gates"),
                named("IBM"),
                named("International Business Machines"),
                named("Acme Labs"),
                named("Acme Research"),
                named("Zoe")));

        assertThat(found)
                .containsExactly(
                        "Crème Brûlée Ltd / creme brulee: same name apart from case, accents, punctuation or a company"
                                + " suffix",
                        "Bill Gates / William Gates: same name with a nickname",
                        "IBM / International Business Machines: initials",
                        "Acme Labs / Acme Research: shared words (acme)");
    }

    @Test
    void shouldCompareAliasesTooAndNeverAnEntityWithItself() {
        List<LikelyDuplicate> found =
                LikelyDuplicates.find(List.of(named("Robert Smith", "Bob", "Bob Smith"), named("Bob Jones")), 50);

        assertThat(found)
                .singleElement()
                .satisfies(pair -> assertThat(pair.reason()).startsWith("short form"));
    }

    @Test
    void shouldLeaveOutWordsSharedByACrowd() {
        List<LikelyDuplicates.Named> entities = new ArrayList<>();
        for (int i = 0; i <= LikelyDuplicates.CROWD; i++) {
            entities.add(named("Project " + (char) ('a' + i % 26) + i));
        }

        assertThat(LikelyDuplicates.find(entities, 50)).isEmpty();
    }
}
