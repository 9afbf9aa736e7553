package dev.graphmemory.app.tools;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.TurnQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns checked tool arguments into the library's model values. {@link Args} has already checked types, bounds and
 * allowed values; what is left here is the tools' own conventions: snake_case names, enum values in any case, dates
 * or date-times where the library takes moments, and the defaults a tool promises in its description. The model
 * records validate the rest themselves, so a rule is never written twice.
 */
final class ArgumentMapper {
    private ArgumentMapper() {}

    static NewCommitment commitment(Args args) {
        String deadline = args.string("deadline");
        return new NewCommitment(
                args.string("content"),
                args.string("to_whom"),
                deadline == null || deadline.isBlank()
                        ? null
                        : Deadline.resolve(deadline, TimeZones.zone(args.string("time_zone")), Instant.now()),
                args.string("domain"),
                Optional.ofNullable(args.integer("priority")).orElse(NewCommitment.DEFAULT_PRIORITY));
    }

    static CommitmentQuery commitmentQuery(Args args) {
        return new CommitmentQuery(
                enumValue(args, "status", CommitmentStatus.class),
                args.string("domain"),
                args.string("to_whom"),
                moment("due_before", args.string("due_before")),
                args.integer("limit"),
                args.flag("overdue"),
                args.integer("due_within_days"));
    }

    static NewDecision decision(Args args) {
        return new NewDecision(
                args.string("content"),
                args.string("rationale"),
                args.strings("alternatives"),
                args.string("domain"),
                Optional.ofNullable(args.number("confidence")).orElse(NewDecision.DEFAULT_CONFIDENCE));
    }

    static DecisionQuery decisionQuery(Args args) {
        return new DecisionQuery(
                args.string("domain"), args.integer("days"), args.integer("limit"), args.flag("include_superseded"));
    }

    static PatternObservation pattern(Args args) {
        return new PatternObservation(
                args.string("description"),
                term(args, "type", PatternType::parse),
                args.string("domain"),
                term(args, "frequency", PatternFrequency::parse));
    }

    static PatternQuery patternQuery(Args args) {
        return new PatternQuery(
                term(args, "type", PatternType::parse),
                args.string("domain"),
                args.number("min_strength"),
                args.integer("limit"));
    }

    static NewConversation conversation(Args args) {
        return new NewConversation(args.string("agent"), args.string("mood"));
    }

    static ConversationEnd conversationEnd(Args args) {
        return new ConversationEnd(args.string("session_id"), args.string("summary"), args.longValue("tokens_used"));
    }

    static EnergyReading energy(Args args) {
        return new EnergyReading(
                enumValue(args, "level", EnergyLevel.class),
                args.string("context"),
                args.integer("readiness"),
                args.number("sleep"),
                args.integer("readiness_score"),
                args.integer("sleep_score"));
    }

    static NewEntity entity(Args args) {
        return new NewEntity(
                args.string("name"),
                term(args, "type", EntityType::parse),
                args.string("domain"),
                args.string("notes"));
    }

    static NewLink link(Args args) {
        return new NewLink(
                args.string("from_id"),
                enumValue(args, "relationship", RelationshipType.class),
                args.string("to_id"),
                args.object("properties"));
    }

    static RelatedQuery relatedQuery(Args args) {
        return new RelatedQuery(
                args.string("node_id"),
                enumValue(args, "relationship_type", RelationshipType.class),
                args.integer("depth"),
                args.integer("limit"));
    }

    static GraphQuery graphQuery(Args args) {
        return new GraphQuery(args.string("query"), args.object("parameters"), args.integer("max_chars"));
    }

    /** The items of {@code store_memory}: each kind under its own argument, links by key or by id. */
    static NewMemory newMemory(Args args) {
        NewMemory.Builder memory = NewMemory.builder();
        args.list("commitments").forEach(item -> memory.commitment(item.string("key"), commitment(item)));
        args.list("decisions").forEach(item -> memory.decision(item.string("key"), decision(item)));
        args.list("entities").forEach(item -> memory.entity(item.string("key"), entity(item)));
        args.list("patterns").forEach(item -> memory.pattern(item.string("key"), pattern(item)));
        args.list("links")
                .forEach(item -> memory.link(
                        item.string("from"),
                        enumValue(item, "relationship", RelationshipType.class),
                        item.string("to"),
                        item.object("properties")));
        return memory.build();
    }

    /** Each object of the list argument {@code name}, made into a model value by {@code make}. */
    static <T> List<T> each(Args args, String name, Function<Args, T> make) {
        List<T> items = new ArrayList<>();
        for (Args item : args.list(name)) {
            items.add(make.apply(item));
        }
        return items;
    }

    static BatchMode mode(Args args) {
        BatchMode mode = enumValue(args, "mode", BatchMode.class);
        return mode == null ? BatchMode.ATOMIC : mode;
    }

    static SearchQuery searchQuery(Args args) {
        return new SearchQuery(
                args.string("query"),
                args.flag("lucene"),
                kinds(args),
                instant("since", args.string("since"), false),
                instant("until", args.string("until"), false),
                args.flag("include_superseded"),
                enumValue(args, "mode", SearchQuery.Mode.class),
                args.string("about"),
                args.integer("limit"),
                args.integer("max_chars"));
    }

    /** A fact of {@code record_fact} or {@code replace_fact}, or one item of {@code record_facts}. */
    static NewFact fact(Args args) {
        return new NewFact(
                args.string("statement"),
                args.strings("about"),
                args.string("conversation_id"),
                instant("valid_from", args.string("valid_from"), false),
                validUntil(args));
    }

    /** The end of a fact: a date is the start of that day (UTC), like {@code valid_from}. */
    static Instant validUntil(Args args) {
        return instant("valid_until", args.string("valid_until"), false);
    }

    static FactQuery factQuery(Args args) {
        return new FactQuery(
                args.string("entity"),
                instant("as_of", args.string("as_of"), false),
                args.flag("history"),
                args.integer("limit"));
    }

    /** A turn of {@code record_turn}, or one item of {@code record_turns}. */
    static NewTurn turn(Args args) {
        return new NewTurn(
                args.string("speaker"),
                args.string("text"),
                instant("said_at", args.string("said_at"), false),
                args.string("ref"));
    }

    static TurnQuery turnQuery(Args args) {
        return new TurnQuery(args.string("conversation_id"), args.longValue("after"), args.integer("limit"));
    }

    /** The vector of the {@code embedding} argument, or {@code null} when it is not given. */
    static Embedding embedding(Args args) {
        return args.numbers("embedding") == null ? null : Embedding.of(args.numbers("embedding"));
    }

    static SimilarityQuery similarityQuery(Args args) {
        return new SimilarityQuery(
                embedding(args),
                args.string("id"),
                kinds(args),
                args.number("min_score"),
                args.flag("include_superseded"),
                args.integer("limit"),
                args.integer("max_chars"));
    }

    /** A period from {@code days} (default the last 7) or from {@code from} and {@code to}, never both. */
    static TimelineQuery timelineQuery(Args args) {
        Instant from = instant("from", args.string("from"), false);
        Instant to = instant("to", args.string("to"), true);
        if (from != null && args.integer("days") != null) {
            throw new InvalidInputException("days", "cannot be combined with from; give one of them");
        }
        if (from == null && to != null) {
            throw new InvalidInputException("from", "is required with to");
        }
        TimelineQuery query = from != null
                ? new TimelineQuery(from, to, null, null, null)
                : TimelineQuery.lastDays(
                        Optional.ofNullable(args.integer("days")).orElse(7));
        return new TimelineQuery(
                query.from(), query.to(), kinds(args), args.integer("limit"), args.integer("max_chars"));
    }

    /**
     * A term of an open vocabulary, parsed (made canonical) under the argument's path; a blank or absent argument is
     * {@code null}, so that the model's own rule for a required one speaks.
     */
    private static <T> T term(Args args, String name, java.util.function.BiFunction<String, String, T> parse) {
        String value = args.string(name);
        return value == null || value.isBlank() ? null : parse.apply(args.path() + name, value);
    }

    /** {@link Args} has already matched the value to a constant's lower-case name. */
    private static <E extends Enum<E>> E enumValue(Args args, String name, Class<E> type) {
        String value = args.string(name);
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private static Set<MemoryKind> kinds(Args args) {
        List<String> kinds = args.strings("kinds");
        if (kinds == null) {
            return null;
        }
        Set<MemoryKind> parsed = new HashSet<>();
        kinds.forEach(kind -> parsed.add(MemoryKind.parse("kinds", kind)));
        return parsed;
    }

    /** A moment from a date (the start of that day, UTC) or a date-time. */
    private static ZonedDateTime moment(String field, String text) {
        Deadline parsed = deadline(field, text);
        if (parsed == null) {
            return null;
        }
        return parsed instanceof Deadline.OnDate onDate ? onDate.date().atStartOfDay(ZoneOffset.UTC) : parsed.dueAt();
    }

    /**
     * A moment from a date or a date-time. A date is the start of that day (UTC), or with {@code endOfDay} the start
     * of the next, so that a date as the end of a period includes that day.
     */
    private static Instant instant(String field, String text, boolean endOfDay) {
        Deadline parsed = deadline(field, text);
        if (parsed == null) {
            return null;
        }
        if (parsed instanceof Deadline.OnDate onDate) {
            return onDate.date()
                    .plusDays(endOfDay ? 1 : 0)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        return parsed.dueAt().toInstant();
    }

    /**
     * A date or date-time in the deadline syntax, or {@code null}. {@link Deadline#parse} names its own field; the
     * error is re-raised under the argument's name so that the model knows which argument to fix.
     */
    private static Deadline deadline(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Deadline.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.rule(), e);
        }
    }
}
