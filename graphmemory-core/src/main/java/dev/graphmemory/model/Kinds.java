package dev.graphmemory.model;

import dev.graphmemory.exceptions.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks shared by the recall queries: a set of kinds and a time window. */
final class Kinds {
    private Kinds() {}

    /**
     * The kinds to keep: {@code null} or empty means every kind (an empty set is returned); any kind outside
     * {@code allowed} is refused, naming the ones that are.
     */
    static Set<MemoryKind> checked(String field, Set<MemoryKind> kinds, Set<MemoryKind> allowed) {
        if (kinds == null || kinds.isEmpty()) {
            return Set.of();
        }
        for (MemoryKind kind : kinds) {
            if (kind == null) {
                throw new InvalidInputException(field, "must not contain null");
            }
            if (!allowed.contains(kind)) {
                throw new InvalidInputException(
                        field, "may only name " + names(allowed) + " (" + kind.value() + " is not one of them)");
            }
        }
        return Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Checks that a window, where both ends are given, starts before it ends. */
    static void window(String fromField, Instant from, String toField, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException(toField, "must be after " + fromField + " (" + from + ")");
        }
    }

    /** The given kinds as a set; duplicates are harmless, nulls are refused by {@link #checked}. */
    static Set<MemoryKind> of(MemoryKind... kinds) {
        return kinds == null ? null : new HashSet<>(Arrays.asList(kinds));
    }

    private static String names(Set<MemoryKind> kinds) {
        return kinds.stream().sorted().map(MemoryKind::value).collect(Collectors.joining(", "));
    }
}
