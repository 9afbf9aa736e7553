package dev.graphmemory.app.migrate;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.model.Validate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One node of the original adapter's graph as a graphmemory memory: a {@link SnapshotNode} ready for the snapshot
 * import, with the properties graphmemory computes itself ({@code nameKey}, {@code patternKey}, {@code dueAt}) made by
 * the library's own rules. Every rule of the model is checked here, before anything is written: a node that breaks
 * one is a {@link Refusal} and is never half-written.
 *
 * <ul>
 *   <li>ids: a name-based UUID of the original id (the same id on every run, so a re-run finds what it wrote), the
 *       original id kept as {@code legacyId};
 *   <li>times: the original's ISO strings without a zone are UTC, stored as native {@code DATETIME}s;
 *   <li>a pattern's strength above 1.0 (the original added 0.1 per repeat without a cap) is clamped to 1.0; the
 *       observations are recovered from it ({@code strength = 0.5 + 0.1 × (observations − 1)});
 *   <li>a deadline that is neither a date nor words for a day (resolved against the commitment's creation, in UTC)
 *       keeps its text as {@code deadlineText}, with no date.
 * </ul>
 */
public final class Conversion {
    private static final String ID_NAMESPACE = "graphmemory-migrate:";

    private Conversion() {}

    /**
     * The graphmemory id of an original id: a name-based (version 3) UUID of it, so that every run gives the same.
     */
    public static String newId(String originalId) {
        return UUID.nameUUIDFromBytes((ID_NAMESPACE + originalId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The kind of a label of the original: a {@code Session} is a conversation. */
    public static MemoryKind kind(String label) {
        return switch (label) {
            case "Commitment" -> MemoryKind.COMMITMENT;
            case "Decision" -> MemoryKind.DECISION;
            case "Pattern" -> MemoryKind.PATTERN;
            case "Session" -> MemoryKind.CONVERSATION;
            case "Entity" -> MemoryKind.ENTITY;
            case "EnergyState" -> MemoryKind.ENERGY_STATE;
            default -> throw new IllegalArgumentException("not a label of the original: " + label);
        };
    }

    /**
     * Converts one node.
     *
     * @param notes collects what was changed on the way (a clamped strength, a deadline kept as text)
     * @throws Refusal when the node cannot be a memory; the reason names the property
     */
    public static SnapshotNode convert(OriginalGraph.OriginalNode node, MigrationReport notes) throws Refusal {
        Map<String, Object> p = node.properties();
        String originalId = text(p, "id");
        if (originalId == null) {
            throw new Refusal("it has no id");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("legacyId", originalId);
        try {
            switch (node.label()) {
                case "Commitment" -> commitment(p, out, originalId, notes);
                case "Decision" -> decision(p, out);
                case "Pattern" -> pattern(p, out, originalId, notes);
                case "Session" -> session(p, out);
                case "Entity" -> entity(p, out);
                case "EnergyState" -> energy(p, out);
                default -> throw new Refusal("label " + node.label() + " is not migrated");
            }
            return new SnapshotNode(newId(originalId), kind(node.label()), out);
        } catch (InvalidInputException e) {
            throw new Refusal(e.getMessage());
        }
    }

    private static void commitment(Map<String, Object> p, Map<String, Object> out, String id, MigrationReport notes)
            throws Refusal {
        ZonedDateTime created = required(p, "created_at");
        out.put("content", Validate.text("content", text(p, "content"), Limits.CONTENT));
        out.put("toWhom", Validate.optionalLine("to_whom", text(p, "to_whom"), Limits.NAME, "self"));
        putDeadline(text(p, "deadline"), created, out, id, notes);
        out.put("domain", Validate.domain("domain", text(p, "domain"), NewCommitment.DEFAULT_DOMAIN));
        Number priority = number(p, "priority");
        out.put(
                "priority",
                priority == null ? (long) NewCommitment.DEFAULT_PRIORITY : clamp(priority.longValue(), 1, 5));
        String status = text(p, "status");
        out.put(
                "status",
                status == null || status.isBlank()
                        ? CommitmentStatus.PENDING.value()
                        : CommitmentStatus.parse("status", status).value());
        out.put("createdAt", created);
        putIfPresent(out, "completedAt", time(p, "completed_at"));
        putIfPresent(out, "outcome", Validate.optionalText("outcome", text(p, "outcome"), Limits.CONTENT));
    }

    private static void putDeadline(
            String deadline, ZonedDateTime created, Map<String, Object> out, String id, MigrationReport notes) {
        if (deadline == null || deadline.isBlank()) {
            return;
        }
        try {
            Deadline parsed = Deadline.resolve(deadline, ZoneOffset.UTC, created.toInstant());
            out.put(
                    "deadline",
                    parsed instanceof Deadline.OnDate onDate ? onDate.date() : ((Deadline.AtTime) parsed).time());
            out.put("dueAt", parsed.dueAt());
        } catch (InvalidInputException e) {
            out.put("deadlineText", Validate.text("deadline", deadline, Limits.CONTENT));
            notes.deadlineKeptAsText(id, deadline);
        }
    }

    private static void decision(Map<String, Object> p, Map<String, Object> out) throws Refusal {
        out.put("content", Validate.text("content", text(p, "content"), Limits.CONTENT));
        putIfPresent(out, "rationale", Validate.optionalText("rationale", text(p, "rationale"), Limits.CONTENT));
        List<String> alternatives = new ArrayList<>();
        if (p.get("alternatives") instanceof List<?> list) {
            for (Object alternative : list) {
                if (alternative instanceof String text && !text.isBlank()) {
                    alternatives.add(Validate.text("alternatives", text, Limits.ALTERNATIVE));
                }
            }
        }
        out.put("alternatives", alternatives);
        out.put("domain", Validate.domain("domain", text(p, "domain"), NewCommitment.DEFAULT_DOMAIN));
        Number confidence = number(p, "confidence");
        out.put("confidence", confidence == null ? 0.7 : Math.max(0.0, Math.min(1.0, confidence.doubleValue())));
        out.put("createdAt", required(p, "created_at"));
        putIfPresent(out, "outcome", Validate.optionalText("outcome", text(p, "outcome"), Limits.CONTENT));
    }

    private static void pattern(Map<String, Object> p, Map<String, Object> out, String id, MigrationReport notes)
            throws Refusal {
        String type = text(p, "type");
        String frequency = text(p, "frequency");
        PatternObservation observation = new PatternObservation(
                text(p, "description"),
                type == null || type.isBlank() ? PatternType.BEHAVIOR : PatternType.parse("type", type),
                text(p, "domain"),
                frequency == null || frequency.isBlank() ? null : PatternFrequency.parse("frequency", frequency));
        ZonedDateTime first = required(p, "first_observed");
        ZonedDateTime last = time(p, "last_observed");
        Number given = number(p, "strength");
        double strength = given == null ? 0.5 : given.doubleValue();
        long observations = Math.max(1, Math.round(strength * 10 - 4));
        if (strength > 1.0) {
            notes.strengthClamped(id, strength);
        }
        out.put("description", observation.description());
        out.put("type", observation.type().value());
        out.put("domain", observation.domain());
        putIfPresent(
                out,
                "frequency",
                observation.frequency() == null ? null : observation.frequency().value());
        out.put("strength", strengthOf(observations));
        out.put("observations", observations);
        out.put("firstObserved", first);
        out.put("lastObserved", last == null ? first : last);
        out.put("createdAt", first);
        out.put("patternKey", observation.patternKey());
        out.put("recentObservationIds", List.of());
    }

    /** graphmemory's strength after {@code observations}: 0.5 at first, +0.1 each, at most 1.0. */
    static double strengthOf(long observations) {
        return Math.min(10, 4 + observations) / 10.0;
    }

    private static void session(Map<String, Object> p, Map<String, Object> out) throws Refusal {
        ZonedDateTime started = required(p, "started_at");
        out.put("agent", Validate.optionalLine("agent", text(p, "agent"), Limits.NAME, "unknown"));
        putIfPresent(out, "mood", Validate.optionalLine("mood", text(p, "mood"), Limits.NAME, null));
        out.put("startedAt", started);
        out.put("createdAt", started);
        putIfPresent(out, "endedAt", time(p, "ended_at"));
        putIfPresent(out, "summary", Validate.optionalText("summary", text(p, "summary"), Limits.SUMMARY));
        Number tokens = number(p, "tokens_used");
        putIfPresent(out, "tokensUsed", tokens == null ? null : Math.max(0, tokens.longValue()));
    }

    private static void entity(Map<String, Object> p, Map<String, Object> out) throws Refusal {
        String type = text(p, "type");
        NewEntity entity = new NewEntity(
                text(p, "name"),
                type == null || type.isBlank() ? EntityType.AUTO : EntityType.parse("type", type),
                Validate.domain("domain", text(p, "domain"), NewCommitment.DEFAULT_DOMAIN),
                text(p, "notes"));
        ZonedDateTime created = required(p, "created_at");
        out.put("name", entity.name());
        out.put("nameKey", entity.nameKey());
        out.put("type", entity.type().value());
        out.put("domain", entity.domain());
        putIfPresent(out, "notes", entity.notes());
        out.put("createdAt", created);
        out.put("updatedAt", created);
    }

    private static void energy(Map<String, Object> p, Map<String, Object> out) throws Refusal {
        ZonedDateTime at = required(p, "timestamp");
        String level = text(p, "level");
        Number readiness = number(p, "oura_readiness");
        Number sleep = number(p, "oura_sleep");
        EnergyReading reading = new EnergyReading(
                level == null || level.isBlank() ? null : EnergyLevel.parse("level", level),
                text(p, "context"),
                null,
                null,
                readiness == null ? null : Math.toIntExact(readiness.longValue()),
                sleep == null ? null : Math.toIntExact(sleep.longValue()));
        out.put("level", reading.level().value());
        putIfPresent(out, "context", reading.context());
        putIfPresent(out, "readinessScore", reading.readinessScore() == null ? null : (long) reading.readinessScore());
        putIfPresent(out, "sleepScore", reading.sleepScore() == null ? null : (long) reading.sleepScore());
        out.put("recordedAt", at);
        out.put("createdAt", at);
    }

    private static ZonedDateTime required(Map<String, Object> p, String key) throws Refusal {
        ZonedDateTime time = time(p, key);
        if (time == null) {
            throw new Refusal(key + " is missing");
        }
        return time;
    }

    /** A time of the original: an ISO string from {@code datetime.utcnow().isoformat()} (UTC), or a native value. */
    static ZonedDateTime time(Map<String, Object> p, String key) throws Refusal {
        Object value = p.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC);
        }
        String text = String.valueOf(value).strip();
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Refusal(key + " is not a time: '" + abbreviate(text) + "'");
        }
    }

    private static String text(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static Number number(Map<String, Object> p, String key) throws Refusal {
        Object value = p.get(key);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        try {
            return Double.valueOf(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new Refusal(key + " is not a number: '" + abbreviate(String.valueOf(value)) + "'");
        }
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
