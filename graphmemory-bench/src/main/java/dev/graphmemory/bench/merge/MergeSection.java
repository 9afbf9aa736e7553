package dev.graphmemory.bench.merge;

import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.Section;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The merge section of the report: {@code mergeEntities} of two entities with {@code relationships} relationships
 * each (a share of them to the same memories), one transaction per merge, each round on a fresh pair.
 *
 * @param relationships relationships of each entity
 * @param shared how many of them both have (to the same memory), which the merge makes one
 * @param millis the time of each round's merge
 */
public record MergeSection(int relationships, int shared, List<Double> millis) implements Section {
    /** The most a merge of two entities with 10,000 relationships each may take on this machine. */
    static final double TARGET_MILLIS = 2_000;

    public MergeSection {
        millis = List.copyOf(millis);
    }

    @Override
    public String key() {
        return "merge";
    }

    double median() {
        List<Double> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Override
    public String markdown() {
        return """
                ## Merging two entities

                `mergeEntities` of two entities with %,d relationships each (`INVOLVES` from commitments, %,d of them \
                to the same commitments, which the merge makes one), in one transaction, a fresh pair each round: \
                median %s ms over %d rounds (%s ms). Target: under %s ms; %s.

                """.formatted(
                        relationships,
                        shared,
                        Numbers.millis(median()),
                        millis.size(),
                        millis.stream().map(Numbers::millis).collect(Collectors.joining(", ")),
                        Numbers.millis(TARGET_MILLIS),
                        median() < TARGET_MILLIS ? "met" : "MISSED");
    }

    @Override
    public String json() {
        return String.format(
                Locale.ROOT,
                "{\"relationships\": %d, \"shared\": %d, \"medianMillis\": %.1f, \"millis\": [%s]}",
                relationships,
                shared,
                median(),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).collect(Collectors.joining(", ")));
    }
}
