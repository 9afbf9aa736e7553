package dev.graphmemory.app.migrate;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemorySnapshots;
import dev.graphmemory.app.snapshot.Progress;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.SnapshotRelationship;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies the original adapter's graph into a namespace. Entities and patterns are read first and merged by the keys
 * graphmemory gives them ({@code nameKey}, {@code patternKey}), and matched against the namespace's own; the other
 * nodes are streamed; then the relationships, their ends mapped to the migrated ids. Everything is written through
 * the snapshot import ({@link MemorySnapshots}), a batch per transaction, set-based. A node whose id the namespace
 * already holds is left as it is, so a second run writes nothing new; the others are created without a look for each.
 * Relationships are written once: repeats in the original are dropped; into a namespace that held memories when the
 * run began they are merged (a second run adds none), into an empty one created without a look for each. Into a
 * namespace that was empty when the run began, nothing is looked up.
 */
public final class Migration {
    /** Nodes or relationships per transaction, and ids per look-up of what the namespace holds. */
    public static final int BATCH = 5_000;

    /** Batches written at once: the database writes one transaction per core while this thread reads the next. */
    static final int WRITERS = 2;

    private static final int LOOKUP = 1_000;
    /** By the keys of names and aliases: an original entity named like an alias here folds into its owner. */
    private static final String EXISTING_ENTITIES = """
            MATCH (k:EntityKey) WHERE k.namespace = $namespace AND k.key IN $keys
            RETURN k.key AS key, k.entityId AS id
            """;

    private static final String EXISTING_PATTERNS = """
            MATCH (p:Pattern) WHERE p.namespace = $namespace AND p.patternKey IN $keys
            RETURN p.patternKey AS key, p.id AS id
            """;

    private final OriginalGraph source;
    private final GraphMemory target;
    private final boolean dryRun;
    private final MigrationReport report = new MigrationReport();
    /** Original ids whose memory has another id than their own: merged entities and patterns. */
    private final Map<String, String> remapped = new HashMap<>();
    /** Original ids that were not converted: relationships to them are skipped. */
    private final Set<String> skipped = new HashSet<>();

    private Progress progress;
    private Writers writers;
    /** Whether the namespace held memories when the run began: if not, there is nothing to look up. */
    private boolean holdsMemories;

    /**
     * @param source the original's graph
     * @param target the memory of the namespace to migrate into
     * @param dryRun {@code true} to write nothing and only report
     */
    public Migration(OriginalGraph source, GraphMemory target, boolean dryRun) {
        this.source = source;
        this.target = target;
        this.dryRun = dryRun;
        report.dryRun = dryRun;
    }

    /** Runs it; the progress goes to standard error when it is a terminal. */
    public MigrationReport run() {
        long started = System.nanoTime();
        long total = 0;
        for (String label : OriginalGraph.LABELS) {
            long count = source.count(label);
            report.read.put(label, count);
            total += count;
        }
        report.otherNodes = source.others();
        holdsMemories = target.snapshots().counts().nodes() > 0;
        progress = Progress.onTerminal(dryRun ? "migrate (dry run)" : "migrate", total);
        try (Writers running = new Writers(WRITERS)) {
            writers = running;
            copy();
        }
        report.elapsedSeconds = (System.nanoTime() - started) / 1e9;
        return report;
    }

    private void copy() {
        long phase = System.nanoTime();
        merged("Entity", node -> (String) node.properties().get("nameKey"), EXISTING_ENTITIES, this::mergeEntities);
        phase = written("entities", phase);
        merged(
                "Pattern",
                node -> (String) node.properties().get("patternKey"),
                EXISTING_PATTERNS,
                Migration::mergePatterns);
        phase = written("patterns", phase);
        for (String label : List.of("Commitment", "Decision", "Session", "EnergyState")) {
            List<SnapshotNode> batch = new ArrayList<>();
            source.nodes(label, original -> {
                SnapshotNode node = convert(original);
                if (node != null) {
                    batch.add(node);
                    if (batch.size() >= BATCH) {
                        write(batch);
                    }
                }
            });
            write(batch);
        }
        phase = written("other memories", phase); // every memory written before the relationships between them
        progress.finish();
        relationships();
        written("relationships", phase);
    }

    /** Ends a phase once its batches are written; returns now. */
    private long written(String name, long started) {
        writers.drain();
        return report.phase(name, started, writers.busyNanos());
    }

    private SnapshotNode convert(OriginalGraph.OriginalNode original) {
        try {
            return Conversion.convert(original, report);
        } catch (Refusal refusal) {
            Object id = original.properties().get("id");
            if (id != null) {
                skipped.add(String.valueOf(id));
            }
            report.skipped(original.label(), id, refusal.getMessage());
            progress.advance(1);
            return null;
        }
    }

    /**
     * Entities or patterns: all of them read and converted, grouped by their key, each group folded into one memory;
     * a group whose key the namespace holds already is folded into that memory and not written.
     */
    private void merged(
            String label,
            java.util.function.Function<SnapshotNode, String> key,
            String existingQuery,
            java.util.function.BiFunction<List<SnapshotNode>, MigrationReport, SnapshotNode> fold) {
        Map<String, List<SnapshotNode>> groups = new LinkedHashMap<>();
        source.nodes(label, original -> {
            SnapshotNode node = convert(original);
            if (node != null) {
                groups.computeIfAbsent(key.apply(node), k -> new ArrayList<>()).add(node);
            }
        });
        Map<String, String> existing = existing(existingQuery, new ArrayList<>(groups.keySet()));
        List<SnapshotNode> batch = new ArrayList<>();
        for (Map.Entry<String, List<SnapshotNode>> group : groups.entrySet()) {
            SnapshotNode folded = fold.apply(group.getValue(), report);
            String into = existing.getOrDefault(group.getKey(), folded.id());
            for (SnapshotNode member : group.getValue()) {
                if (!member.id().equals(into)) {
                    remapped.put((String) member.properties().get("legacyId"), into);
                }
            }
            if (!into.equals(folded.id())) {
                if ("Entity".equals(label)) {
                    report.entitiesMerged++;
                    report.merged(folded.properties().get("name") + " into the namespace's own entity " + into);
                } else {
                    report.patternsMerged++;
                }
                progress.advance(group.getValue().size());
                continue;
            }
            progress.advance(group.getValue().size() - 1L);
            batch.add(folded);
            if (batch.size() >= BATCH) {
                write(batch);
            }
        }
        write(batch);
    }

    /**
     * Entities whose names differ only by case or spacing: the earliest is kept, with the other spellings as its
     * {@code aliases} and their notes appended.
     */
    private SnapshotNode mergeEntities(List<SnapshotNode> group, MigrationReport notes) {
        if (group.size() == 1) {
            return group.get(0);
        }
        List<SnapshotNode> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparing((SnapshotNode n) ->
                        (java.time.ZonedDateTime) n.properties().get("createdAt"))
                .thenComparing(SnapshotNode::id));
        SnapshotNode kept = sorted.get(0);
        Map<String, Object> properties = new LinkedHashMap<>(kept.properties());
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> allNotes = new LinkedHashSet<>();
        for (SnapshotNode node : sorted) {
            String name = (String) node.properties().get("name");
            if (!name.equals(kept.properties().get("name"))) {
                aliases.add(name);
            }
            if (node.properties().get("notes") instanceof String text) {
                allNotes.add(text);
            }
        }
        properties.put("aliases", List.copyOf(aliases));
        if (!allNotes.isEmpty()) {
            properties.put("notes", String.join("\n\n", allNotes));
        }
        notes.entitiesMerged += group.size() - 1;
        notes.merged(
                kept.properties().get("name") + " ← " + String.join(", ", aliases) + " (" + group.size() + " nodes)");
        return new SnapshotNode(kept.id(), MemoryKind.ENTITY, properties);
    }

    /** Observations of one pattern kept as several nodes: one pattern, the observations added up. */
    private static SnapshotNode mergePatterns(List<SnapshotNode> group, MigrationReport notes) {
        if (group.size() == 1) {
            return group.get(0);
        }
        SnapshotNode first = group.get(0);
        Map<String, Object> properties = new LinkedHashMap<>(first.properties());
        long observations = 0;
        java.time.ZonedDateTime firstSeen = null;
        java.time.ZonedDateTime lastSeen = null;
        for (SnapshotNode node : group) {
            observations += (Long) node.properties().get("observations");
            var seen = (java.time.ZonedDateTime) node.properties().get("firstObserved");
            var last = (java.time.ZonedDateTime) node.properties().get("lastObserved");
            firstSeen = firstSeen == null || seen.isBefore(firstSeen) ? seen : firstSeen;
            lastSeen = lastSeen == null || last.isAfter(lastSeen) ? last : lastSeen;
        }
        properties.put("observations", observations);
        properties.put("strength", Conversion.strengthOf(observations));
        properties.put("firstObserved", firstSeen);
        properties.put("createdAt", firstSeen);
        properties.put("lastObserved", lastSeen);
        notes.patternsMerged += group.size() - 1;
        return new SnapshotNode(first.id(), MemoryKind.PATTERN, properties);
    }

    /** Writes the batch's memories the namespace does not hold yet, in one transaction; empties the batch. */
    private void write(List<SnapshotNode> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long looking = System.nanoTime();
        Set<String> there = holdsMemories
                ? target.snapshots()
                        .existing(batch.stream().map(SnapshotNode::id).toList())
                : Set.of();
        report.lookupNanos += System.nanoTime() - looking;
        List<SnapshotNode> fresh =
                batch.stream().filter(node -> !there.contains(node.id())).toList();
        if (!dryRun && !fresh.isEmpty()) {
            // Created without a look for each: the namespace was empty, or the look-up above found them missing.
            writers.submit(() -> target.snapshots().createNodes(fresh));
        }
        report.nodesWritten += fresh.size();
        report.nodesAlreadyThere += batch.size() - fresh.size();
        progress.advance(batch.size());
        batch.clear();
    }

    /** The relationships, their ends mapped, checked against the rules, each written once. */
    private void relationships() {
        Set<String> seen = new HashSet<>();
        List<SnapshotRelationship> batch = new ArrayList<>();
        Consumer<List<SnapshotRelationship>> flush = rows -> {
            if (!dryRun && !rows.isEmpty()) {
                List<SnapshotRelationship> page = List.copyOf(rows);
                // Into a namespace that was empty, relationships are created without a look for each: this run
                // writes each once (repeats are dropped below). A run into one that held memories merges them.
                writers.submit(() -> {
                    if (holdsMemories) {
                        target.snapshots().importRelationships(page);
                    } else {
                        target.snapshots().createRelationships(page);
                    }
                });
            }
            report.relationshipsWritten += rows.size();
            rows.clear();
        };
        source.relationships(original -> {
            report.relationshipsRead++;
            SnapshotRelationship relationship = relationship(original);
            if (relationship == null) {
                return;
            }
            if (!seen.add(relationship.fromId() + ' ' + relationship.type() + ' ' + relationship.toId())) {
                report.duplicateRelationships++;
                return;
            }
            batch.add(relationship);
            if (batch.size() >= BATCH) {
                flush.accept(batch);
            }
        });
        flush.accept(batch);
    }

    private SnapshotRelationship relationship(OriginalGraph.OriginalRelationship original) {
        String fromLabel = label(original.fromLabels());
        String toLabel = label(original.toLabels());
        if (fromLabel == null || toLabel == null || original.fromId() == null || original.toId() == null) {
            report.relationshipSkipped(original, "an end is not a memory of the original");
            return null;
        }
        if (skipped.contains(original.fromId()) || skipped.contains(original.toId())) {
            report.relationshipSkipped(original, "an end was skipped");
            return null;
        }
        RelationshipType type = RelationshipType.valueOf(original.type());
        MemoryKind from = Conversion.kind(fromLabel);
        MemoryKind to = Conversion.kind(toLabel);
        String fromId = remapped.getOrDefault(original.fromId(), Conversion.newId(original.fromId()));
        String toId = remapped.getOrDefault(original.toId(), Conversion.newId(original.toId()));
        if (!type.allows(from, to)) {
            if (!type.allows(to, from)) {
                report.relationshipSkipped(original, type.rule() + ", not " + from.label() + " to " + to.label());
                return null;
            }
            report.reversedRelationships++;
            String swap = fromId;
            fromId = toId;
            toId = swap;
        }
        if (fromId.equals(toId)) {
            report.relationshipSkipped(original, "its ends were merged into one memory");
            return null;
        }
        return new SnapshotRelationship(fromId, type, toId, properties(original.properties()));
    }

    /** The relationship's properties that graphmemory can store (strings, numbers, booleans), at most 20. */
    private static Map<String, Object> properties(Map<String, Object> given) {
        Map<String, Object> kept = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (kept.size() < Limits.LINK_PROPERTIES
                    && key.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")
                    && !key.equals("createdAt")
                    && !key.equals("namespace")
                    && (value instanceof String
                            || value instanceof Long
                            || value instanceof Double
                            || value instanceof Boolean)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static String label(List<String> labels) {
        return labels.stream()
                .filter(OriginalGraph.LABELS::contains)
                .findFirst()
                .orElse(null);
    }

    /**
     * Of {@code values}, those the namespace holds, as {@code key} to {@code id}, looked up in chunks through the
     * read-only query; a chunk whose answer was cut (longer than the answer budget) is asked again in halves.
     */
    private Map<String, String> existing(String query, List<String> values) {
        Map<String, String> found = new HashMap<>();
        if (!holdsMemories) {
            return found;
        }
        for (int i = 0; i < values.size(); i += LOOKUP) {
            lookUp(query, values.subList(i, Math.min(values.size(), i + LOOKUP)), found);
        }
        return found;
    }

    private void lookUp(String query, List<String> chunk, Map<String, String> found) {
        var result = target.queryGraph(new GraphQuery(query, Map.of("keys", chunk), Limits.MAX_CHARS));
        if (result.truncated() && chunk.size() > 1) {
            lookUp(query, chunk.subList(0, chunk.size() / 2), found);
            lookUp(query, chunk.subList(chunk.size() / 2, chunk.size()), found);
            return;
        }
        for (Map<String, Object> row : result.rows()) {
            Object id = row.get("id");
            found.put(String.valueOf(row.containsKey("key") ? row.get("key") : id), String.valueOf(id));
        }
    }
}
