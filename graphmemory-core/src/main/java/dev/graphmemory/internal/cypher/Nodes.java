package dev.graphmemory.internal.cypher;

import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.Turn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Reads memory nodes into model records. Property names here are the stored schema; see {@code docs/schema.md}. */
public final class Nodes {
    /**
     * Properties the library keeps for itself and never shows as memory content. The embedding is the caller's, but
     * hundreds of numbers would flood any answer; exports keep it. The embedder's own properties (its vector, the model
     * that made it, its claims) are internal too.
     */
    public static final Set<String> INTERNAL_PROPERTIES = internalProperties();

    private Nodes() {}

    private static Set<String> internalProperties() {
        Set<String> names = new java.util.HashSet<>(EmbeddingStatements.PROPERTIES);
        names.addAll(Set.of(
                "id",
                "namespace",
                "nameKey",
                "patternKey",
                "recentObservationIds",
                "touchedBy",
                "embedding",
                "turnCount",
                "endedBy"));
        return Set.copyOf(names);
    }

    /** A commitment node. */
    public static Commitment commitment(Node node) {
        return new Commitment(
                string(node, "id"),
                string(node, "content"),
                string(node, "toWhom"),
                deadline(node.get("deadline")),
                string(node, "domain"),
                node.get("priority").asInt(),
                CommitmentStatus.parse("status", string(node, "status")),
                string(node, "outcome"),
                instant(node.get("createdAt")),
                instant(node.get("completedAt")));
    }

    /** A decision node. */
    public static Decision decision(Node node) {
        return new Decision(
                string(node, "id"),
                string(node, "content"),
                string(node, "rationale"),
                node.get("alternatives").asList(Value::asString),
                string(node, "domain"),
                node.get("confidence").asDouble(),
                instant(node.get("createdAt")),
                instant(node.get("supersededAt")));
    }

    /** A pattern node. */
    public static Pattern pattern(Node node) {
        String frequency = string(node, "frequency");
        return new Pattern(
                string(node, "id"),
                string(node, "description"),
                PatternType.parse("type", string(node, "type")),
                string(node, "domain"),
                frequency == null ? null : PatternFrequency.parse("frequency", frequency),
                node.get("strength").asDouble(),
                node.get("observations").asLong(),
                instant(node.get("firstObserved")),
                instant(node.get("lastObserved")));
    }

    /** A conversation node. */
    public static Conversation conversation(Node node) {
        Value tokens = node.get("tokensUsed");
        return new Conversation(
                string(node, "id"),
                string(node, "agent"),
                string(node, "mood"),
                instant(node.get("startedAt")),
                instant(node.get("endedAt")),
                string(node, "summary"),
                tokens.isNull() ? null : tokens.asLong());
    }

    /** An energy state node. */
    public static EnergyState energyState(Node node) {
        Value readiness = node.get("readiness");
        Value sleep = node.get("sleepHours");
        Value readinessScore = node.get("readinessScore");
        Value sleepScore = node.get("sleepScore");
        return new EnergyState(
                string(node, "id"),
                EnergyLevel.parse("level", string(node, "level")),
                string(node, "context"),
                readiness.isNull() ? null : readiness.asInt(),
                sleep.isNull() ? null : sleep.asDouble(),
                instant(node.get("recordedAt")),
                readinessScore.isNull() ? null : readinessScore.asInt(),
                sleepScore.isNull() ? null : sleepScore.asInt());
    }

    /** An entity node. */
    public static Entity entity(Node node) {
        return new Entity(
                string(node, "id"),
                string(node, "name"),
                EntityType.parse("type", string(node, "type")),
                string(node, "domain"),
                string(node, "notes"),
                instant(node.get("createdAt")),
                instant(node.get("updatedAt")),
                node.get("aliases").isNull() ? List.of() : node.get("aliases").asList(Value::asString));
    }

    /** A conversation turn node. */
    public static Turn turn(Node node) {
        return new Turn(
                string(node, "id"),
                string(node, "conversationId"),
                node.get("sequence").asLong(),
                string(node, "speaker"),
                string(node, "text"),
                instant(node.get("saidAt")),
                string(node, "ref"),
                instant(node.get("createdAt")));
    }

    /**
     * A fact, from its projection ({@code FactStatements.projection}): the node with the names of its entities, its
     * conversation and the fact that replaced it.
     */
    public static Fact fact(Value projection) {
        Node node = projection.get("node").asNode();
        return new Fact(
                string(node, "id"),
                string(node, "content"),
                projection.get("about").asList(Value::asString).stream()
                        .sorted()
                        .toList(),
                projection.get("conversationId").isNull()
                        ? null
                        : projection.get("conversationId").asString(),
                instant(node.get("validFrom")),
                instant(node.get("validUntil")),
                instant(node.get("createdAt")),
                instant(node.get("endedAt")),
                projection.get("replacedBy").isNull()
                        ? null
                        : projection.get("replacedBy").asString());
    }

    /** Any memory node, as its kind and its non-internal properties. */
    public static MemoryNode memory(Node node) {
        return memory(node.labels(), node.asMap());
    }

    /** A memory returned as its labels and a map of its properties (a projection may have left some out). */
    public static MemoryNode memory(Iterable<String> labels, Map<String, Object> stored) {
        MemoryKind kind = MemoryKind.fromLabels(labels)
                .orElseThrow(() -> new IllegalStateException("A memory node without a kind label: " + labels));
        Map<String, Object> properties = new HashMap<>();
        stored.forEach((key, value) -> {
            if (value != null && !INTERNAL_PROPERTIES.contains(key)) {
                properties.put(key, value);
            }
        });
        return new MemoryNode((String) stored.get("id"), kind, properties);
    }

    private static String string(Node node, String key) {
        Value value = node.get(key);
        return value.isNull() ? null : value.asString();
    }

    private static Instant instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant();
    }

    private static Deadline deadline(Value value) {
        if (value.isNull()) {
            return null;
        }
        Object stored = value.asObject();
        if (stored instanceof LocalDate date) {
            return Deadline.on(date);
        }
        return Deadline.at((ZonedDateTime) stored);
    }

    /** The value to store for a deadline: a {@code DATE} or a {@code DATETIME}. */
    public static Object deadlineValue(Deadline deadline) {
        if (deadline == null) {
            return null;
        }
        return deadline instanceof Deadline.OnDate onDate ? onDate.date() : ((Deadline.AtTime) deadline).time();
    }
}
