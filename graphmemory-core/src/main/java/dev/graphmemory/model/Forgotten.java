package dev.graphmemory.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a {@code forget} or {@code forgetNamespace} removed. An audit record of the same counts, without any removed
 * content, stays in the database under {@link #auditId()}.
 *
 * @param memories the number of memories removed, by kind (kinds with none are left out)
 * @param relationships the number of relationships removed with them
 * @param auditId the id of the {@code MemoryAudit} record
 */
public record Forgotten(Map<MemoryKind, Long> memories, long relationships, String auditId) {

    /** Copies the counts in kind order, leaving out zeros. */
    public Forgotten {
        Map<MemoryKind, Long> counts = new EnumMap<>(MemoryKind.class);
        memories.forEach((kind, count) -> {
            if (count != null && count > 0) {
                counts.put(kind, count);
            }
        });
        memories = Collections.unmodifiableMap(counts);
    }

    /** The number of memories removed, of every kind. */
    public long total() {
        return memories.values().stream().mapToLong(Long::longValue).sum();
    }
}
