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
 */
public record ScenarioResult(
        String id,
        String work,
        String ratioName,
        double ratio,
        Target target,
        List<VariantResult> variants,
        List<String> notes) {

    public ScenarioResult {
        variants = List.copyOf(variants);
        notes = List.copyOf(notes);
    }

    /** Whether the ratio meets its target. */
    public boolean met() {
        return target.met(ratio);
    }
}
