package dev.graphmemory.bench.report;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param id {@code S1}, {@code S2b}, …
 * @param work what was done, e.g. {@code 10,000 entities in one call}
 * @param ratioName what the ratio compares, e.g. {@code ours / raw driver}
 * @param ratio the ratio, in throughput terms (higher is better) unless the target is an upper bound
 * @param target what the ratio should reach
 * @param variants the variants measured, the library first
 * @param notes facts worth reading next to the numbers (sizes, counts of errors and duplicates)
 * @param limit the same work done inside the database process with the simplest Cypher that keeps the same
 *     guarantees: the limit of this machine, or {@code null} when the scenario has none
 */
public record ScenarioResult(
        String id,
        String work,
        String ratioName,
        double ratio,
        Target target,
        List<VariantResult> variants,
        List<String> notes,
        VariantResult limit) {

    public ScenarioResult {
        variants = List.copyOf(variants);
        notes = List.copyOf(notes);
    }

    /** A result without a limit. */
    public ScenarioResult(
            String id,
            String work,
            String ratioName,
            double ratio,
            Target target,
            List<VariantResult> variants,
            List<String> notes) {
        this(id, work, ratioName, ratio, target, variants, notes, null);
    }

    /** The same result beside the limit of its work. */
    public ScenarioResult withLimit(VariantResult value) {
        return new ScenarioResult(id, work, ratioName, ratio, target, variants, notes, value);
    }

    /** The same result with one more note. */
    public ScenarioResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ScenarioResult(id, work, ratioName, ratio, target, variants, more, limit);
    }

    /** graphmemory's throughput over the limit's, or NaN when there is no limit. */
    public double limitRatio() {
        return limit == null ? Double.NaN : variants.get(0).throughput() / limit.throughput();
    }

    /** Whether the ratio meets its target. */
    public boolean met() {
        return target.met(ratio);
    }
}
