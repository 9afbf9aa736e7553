package dev.graphmemory.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanGuardTest {

    @Test
    void shouldSplitTopLevelConjunctsOnly() {
        assertThat(PlanGuard.conjuncts("(n.namespace = $namespace AND n.content CONTAINS $autostring_0)"))
                .containsExactly("n.namespace = $namespace", "n.content CONTAINS $autostring_0");
        assertThat(PlanGuard.conjuncts("n.namespace = $namespace OR n.x = 1"))
                .containsExactly("n.namespace = $namespace OR n.x = 1");
        assertThat(PlanGuard.conjuncts("(n.namespace = $namespace OR true) AND n.x = 'a AND b'"))
                .containsExactly("n.namespace = $namespace OR true", "n.x = 'a AND b'");
        assertThat(PlanGuard.conjuncts("(a.x = 1) AND ((n.namespace = $namespace) AND b)"))
                .containsExactly("a.x = 1", "n.namespace = $namespace", "b");
    }

    @Test
    void shouldReadTheVariableOfAnIndexSeek() {
        assertThat(
                        PlanGuard.conjuncts(
                                "RANGE INDEX c:Commitment(namespace, createdAt) WHERE namespace = $namespace AND createdAt IS NOT NULL"))
                .containsExactly("c.namespace = $namespace", "createdAt IS NOT NULL");
        assertThat(PlanGuard.conjuncts("UNIQUE e:Entity(namespace, nameKey) WHERE namespace = $other AND nameKey = $k"))
                .containsExactly("e.namespace = $other", "nameKey = $k");
    }
}
