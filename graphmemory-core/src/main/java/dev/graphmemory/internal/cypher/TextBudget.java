package dev.graphmemory.internal.cypher;

import dev.graphmemory.model.MemoryNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the memories of a recall answer (search hits, similar memories, timeline events) into a character budget, so
 * that an answer never floods a model's context.
 *
 * <p>The budget counts the characters of every text property (strings, and the strings of lists such as a decision's
 * alternatives); ids, numbers and times are not counted. It is shared out by water-filling: each memory gets the same
 * allowance {@code cap}, the largest for which the texts, each memory cut to {@code cap}, fit the budget. Short
 * memories are kept whole and leave their unused share to the long ones. Within a memory the shortest texts are kept
 * first (a status, a name) and the longest is cut, ending in {@code …}. If the allowance would fall below
 * {@value #MIN_PER_ITEM} characters, the lowest-ranked memories are left out instead, so every memory shown says
 * something; the first one is always shown.
 */
final class TextBudget {
    /** The least allowance a memory gets before lower-ranked memories are dropped instead. */
    static final int MIN_PER_ITEM = 100;

    static final String ELLIPSIS = "…";

    private TextBudget() {}

    /** A memory fitted to its allowance. */
    record Fitted(MemoryNode memory, boolean truncated) {}

    /**
     * The memories that fit.
     *
     * @param items the first ones, in rank order, each fitted
     * @param truncated whether any memory was dropped or cut
     */
    record Fit(List<Fitted> items, boolean truncated) {}

    /** Fits {@code memories}, best first, into {@code maxChars} characters of text. */
    static Fit fit(List<MemoryNode> memories, int maxChars) {
        int[] lengths = memories.stream().mapToInt(TextBudget::length).toArray();
        int kept = memories.size();
        int cap = cap(lengths, kept, maxChars);
        while (kept > 1 && cap < MIN_PER_ITEM) {
            kept--;
            cap = cap(lengths, kept, maxChars);
        }
        List<Fitted> items = new ArrayList<>(kept);
        boolean truncated = kept < memories.size();
        for (int i = 0; i < kept; i++) {
            Fitted fitted = cut(memories.get(i), cap);
            truncated |= fitted.truncated();
            items.add(fitted);
        }
        return new Fit(items, truncated);
    }

    /** The largest allowance per memory with which the first {@code count} memories fit {@code budget}. */
    static int cap(int[] lengths, int count, int budget) {
        int[] sorted = Arrays.copyOf(lengths, count);
        Arrays.sort(sorted);
        long remaining = budget;
        for (int i = 0; i < count; i++) {
            long share = remaining / (count - i);
            if (sorted[i] > share) {
                return (int) share;
            }
            remaining -= sorted[i];
        }
        return Integer.MAX_VALUE;
    }

    /** The characters of text of a memory. */
    static int length(MemoryNode memory) {
        return memory.properties().values().stream()
                .mapToInt(TextBudget::length)
                .sum();
    }

    private static int length(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(TextBudget::length).sum();
        }
        return 0;
    }

    /** The memory with its texts cut to {@code allowance} characters in all, shortest texts kept first. */
    static Fitted cut(MemoryNode memory, int allowance) {
        if (length(memory) <= allowance) {
            return new Fitted(memory, false);
        }
        List<Map.Entry<String, Object>> texts = memory.properties().entrySet().stream()
                .filter(entry -> length(entry.getValue()) > 0)
                .sorted(Comparator.comparingInt((Map.Entry<String, Object> entry) -> length(entry.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        Map<String, Object> properties = new HashMap<>(memory.properties());
        int left = allowance;
        for (Map.Entry<String, Object> text : texts) {
            int length = length(text.getValue());
            if (length <= left) {
                left -= length;
            } else {
                properties.put(text.getKey(), shorten(text.getValue(), left));
                left = 0;
            }
        }
        return new Fitted(new MemoryNode(memory.id(), memory.kind(), properties), true);
    }

    /** A text cut to {@code allowance} characters plus an ellipsis; a list keeps the elements that fit. */
    private static Object shorten(Object value, int allowance) {
        if (value instanceof String text) {
            int end = allowance;
            if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a character in two
            }
            return text.substring(0, end) + ELLIPSIS;
        }
        List<Object> kept = new ArrayList<>();
        int left = allowance;
        for (Object element : (List<?>) value) {
            int length = length(element);
            if (length > left) {
                kept.add(shorten(element, left));
                break;
            }
            kept.add(element);
            left -= length;
        }
        return kept;
    }
}
