package dev.graphmemory.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldMakeFullWidthTimeOrderedVersion7Ids() {
        Set<String> seen = new HashSet<>();
        String previous = Ids.uuid7();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.uuid7();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id.substring(0, 13)).isGreaterThanOrEqualTo(previous.substring(0, 13));
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void shouldReplayTheSameIdsOnEveryAttempt() {
        Ids.Replaying ids = new Ids.Replaying();
        String first = ids.get();
        String second = ids.get();
        ids.rewind();
        assertThat(ids.get()).isEqualTo(first);
        assertThat(ids.get()).isEqualTo(second);
        assertThat(ids.get()).isNotIn(first, second);
    }
}
