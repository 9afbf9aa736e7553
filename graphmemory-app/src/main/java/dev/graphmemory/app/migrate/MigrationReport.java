package dev.graphmemory.app.migrate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a migration read, wrote, merged and skipped, and why. A dry run fills the same report without writing, so that
 * what a migration would do can be read before it is done. Lists keep their first {@value #SHOWN} entries; the counts
 * are always whole.
 */
public final class MigrationReport {
    static final int SHOWN = 20;

    final Map<String, Long> read = new TreeMap<>();
    long otherNodes;
    long nodesWritten;
    long nodesAlreadyThere;
    long relationshipsRead;
    long relationshipsWritten;
    long duplicateRelationships;
    long reversedRelationships;
    long relationshipsSkipped;
    long entitiesMerged;
    long patternsMerged;
    long deadlinesAsText;
    long strengthsClamped;
    final List<String> skippedNodes = new ArrayList<>();
    long skippedNodeCount;
    final List<String> merges = new ArrayList<>();
    final List<String> deadlines = new ArrayList<>();
    final List<String> clamped = new ArrayList<>();
    final List<String> skippedRelationships = new ArrayList<>();
    boolean dryRun;
    long lookupNanos;
    /** The writers' time (added up over them) until the end of the last phase. */
    private long writtenBefore;

    private final Map<String, Double> phaseWrites = new java.util.LinkedHashMap<>();
    final Map<String, Double> phases = new java.util.LinkedHashMap<>();
    double elapsedSeconds;

    /** Memories written (or, in a dry run, that would be written). */
    public long nodesWritten() {
        return nodesWritten;
    }

    /** Memories already in the namespace under their migrated id, left as they were. */
    public long nodesAlreadyThere() {
        return nodesAlreadyThere;
    }

    /** Nodes that could not be converted and were skipped. */
    public long skippedNodes() {
        return skippedNodeCount;
    }

    /** Relationships written (or that would be), each once. */
    public long relationshipsWritten() {
        return relationshipsWritten;
    }

    /** Nodes of other labels, left alone. */
    public long otherNodes() {
        return otherNodes;
    }

    /** Entities folded into another one of the same name (case, spacing) or into one already in the namespace. */
    public long entitiesMerged() {
        return entitiesMerged;
    }

    /** Relationships that repeated another one (same ends and type) and were written once. */
    public long duplicateRelationships() {
        return duplicateRelationships;
    }

    /** Relationships stored the other way round, in the direction the type allows. */
    public long reversedRelationships() {
        return reversedRelationships;
    }

    /** Deadlines kept as text, without a date. */
    public long deadlinesAsText() {
        return deadlinesAsText;
    }

    /** Strengths above 1.0 clamped to 1.0. */
    public long strengthsClamped() {
        return strengthsClamped;
    }

    /** The merges, e.g. {@code Bob ← bob, BOB}, at most {@value #SHOWN}. */
    public List<String> merges() {
        return List.copyOf(merges);
    }

    /** The skipped nodes with their reasons, at most {@value #SHOWN}. */
    public List<String> skippedNodeReasons() {
        return List.copyOf(skippedNodes);
    }

    /** Nodes converted per second, over the whole run. */
    public double nodesPerSecond() {
        long nodes = read.values().stream().mapToLong(Long::longValue).sum();
        return elapsedSeconds <= 0 ? 0 : nodes / elapsedSeconds;
    }

    /**
     * Records how long a phase took since {@code started} and how long the writers wrote in it; returns now.
     *
     * @param writtenNanos the writers' time so far, added up over them (they write while the original is read)
     */
    long phase(String name, long started, long writtenNanos) {
        long now = System.nanoTime();
        phases.put(name, (now - started) / 1e9);
        phaseWrites.put(name, (writtenNanos - writtenBefore) / 1e9);
        writtenBefore = writtenNanos;
        return now;
    }

    void deadlineKeptAsText(String id, String deadline) {
        deadlinesAsText++;
        add(deadlines, id + ": '" + deadline + "'");
    }

    void strengthClamped(String id, double strength) {
        strengthsClamped++;
        add(clamped, id + ": " + strength);
    }

    void skipped(String label, Object id, String reason) {
        skippedNodeCount++;
        add(skippedNodes, label + " " + id + ": " + reason);
    }

    void relationshipSkipped(OriginalGraph.OriginalRelationship relationship, String reason) {
        relationshipsSkipped++;
        add(
                skippedRelationships,
                relationship.fromId() + " -" + relationship.type() + "-> " + relationship.toId() + ": " + reason);
    }

    void merged(String description) {
        add(merges, description);
    }

    private static void add(List<String> list, String entry) {
        if (list.size() < SHOWN) {
            list.add(entry);
        }
    }

    /** The report as lines of text. */
    public void print(PrintWriter out) {
        long nodes = read.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%s%n", dryRun ? "Dry run: nothing was written; this is what a migration would do." : "Migrated.");
        out.printf(
                "read: %,d nodes %s and %,d relationships; %,d nodes of other labels left alone%n",
                nodes, read, relationshipsRead, otherNodes);
        out.printf(
                "%s: %,d memories (%,d already there, unchanged), %,d relationships%n",
                dryRun ? "would write" : "written", nodesWritten, nodesAlreadyThere, relationshipsWritten);
        section(out, "skipped nodes (not converted, nothing of them written)", skippedNodeCount, skippedNodes);
        section(
                out,
                "entities merged (same name but for case or spacing, or already in the namespace; the other spellings"
                        + " kept in the entity's aliases)",
                entitiesMerged,
                merges);
        if (patternsMerged > 0) {
            out.printf("patterns merged (same type, domain and description): %,d%n", patternsMerged);
        }
        section(out, "deadlines kept as text (deadlineText), without a date", deadlinesAsText, deadlines);
        section(out, "pattern strengths above 1.0 clamped to 1.0", strengthsClamped, clamped);
        out.printf(
                "relationships: %,d duplicates collapsed into one, %,d stored in the canonical direction%n",
                duplicateRelationships, reversedRelationships);
        section(out, "relationships skipped", relationshipsSkipped, skippedRelationships);
        out.printf("took %.1f s: %,.0f nodes/s%n", elapsedSeconds, nodesPerSecond());
        StringBuilder times = new StringBuilder();
        phases.forEach((name, seconds) -> times.append(
                String.format(" %s %.1f s (writing %.1f s);", name, seconds, phaseWrites.getOrDefault(name, 0.0))));
        out.printf("phases:%s look-ups of what the namespace holds %.1f s%n", times, lookupNanos / 1e9);
    }

    private static void section(PrintWriter out, String title, long count, List<String> shown) {
        if (count == 0) {
            return;
        }
        out.printf("%s: %,d%n", title, count);
        shown.forEach(line -> out.printf("  %s%n", line));
        if (count > shown.size()) {
            out.printf("  … and %,d more%n", count - shown.size());
        }
    }
}
