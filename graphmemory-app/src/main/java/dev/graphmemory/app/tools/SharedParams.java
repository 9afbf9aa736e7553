package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.bool;
import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.number;
import static dev.graphmemory.app.tools.Param.object;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Param.strings;

import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The arguments several tools share. The fields of a new commitment, decision, pattern, entity or link are defined once
 * here because a single tool, its bulk tool and {@code store_memory} all take them; a model that learns one of them
 * knows the others. {@link ArgumentMapper} reads the same names.
 */
final class SharedParams {
    static final String PATTERN_TYPES = terms(PatternType.known().stream().map(PatternType::value));
    static final String PATTERN_FREQUENCIES =
            terms(PatternFrequency.known().stream().map(PatternFrequency::value));
    static final String ENTITY_TYPES = terms(EntityType.known().stream().map(EntityType::value));
    static final List<String> RELATIONSHIPS =
            Arrays.stream(RelationshipType.values()).map(Enum::name).toList();
    static final List<String> KINDS = lowerCase(MemoryKind.values());
    static final List<String> SEARCHABLE_KINDS =
            SearchQuery.SEARCHABLE.stream().sorted().map(MemoryKind::value).toList();

    /** Longest text of a type or frequency; the library refuses more than 40 characters of the canonical term. */
    static final int TERM_LENGTH = 64;

    static final Param DOMAIN = string("domain", "Area of life, e.g. work (the default), personal, health")
            .maxLength(64);
    static final Param LIMIT = integer("limit", "Most results to return (default 20)", 1, Limits.MAX_LIMIT);
    static final Param MAX_CHARS = integer(
            "max_chars",
            "Most characters of text in the whole answer (default 4000); longer texts are shortened with …",
            Limits.MIN_MAX_CHARS,
            Limits.MAX_CHARS);
    static final Param INCLUDE_SUPERSEDED =
            bool("include_superseded", "Also return decisions that a newer decision superseded (default false)");
    static final Param MODE = oneOf(
            "mode",
            "atomic (default): all items or none, a failure names the item; best_effort: a transaction per chunk,"
                    + " failures reported per item",
            lowerCase(BatchMode.values()));

    static final Param[] COMMITMENT = {
        string("content", "What was promised, in a sentence").mandatory().maxLength(Limits.CONTENT),
        string("to_whom", "To whom it was promised (default: self)").maxLength(Limits.NAME),
        string(
                "deadline",
                "When it is due: a date (2026-12-04), a date-time (2026-12-04T17:00:00Z) or words for a day (today,"
                        + " tomorrow, in 3 days, next friday, end of week, end of month, …), resolved in time_zone;"
                        + " the result shows the date"),
        DOMAIN,
        integer("priority", "1 (highest) to 5 (lowest); default 3", 1, 5),
        string(
                        "time_zone",
                        "The zone in which words like today or next friday are resolved, e.g. Europe/Berlin"
                                + " (default GRAPHMEMORY_TIME_ZONE, else UTC)")
                .maxLength(64)
    };
    static final Param[] DECISION = {
        string("content", "What was decided").mandatory().maxLength(Limits.CONTENT),
        string("rationale", "Why it was decided").mandatory().maxLength(Limits.CONTENT),
        strings("alternatives", "The options that were not taken", Limits.ALTERNATIVES),
        DOMAIN,
        number("confidence", "How sure, from 0 to 1 (default 0.7)", 0, 1)
    };
    static final Param[] PATTERN = {
        string("description", "The recurring behaviour, in a sentence")
                .mandatory()
                .maxLength(Limits.DESCRIPTION),
        string("type", "What kind of pattern, e.g. " + PATTERN_TYPES + "; other words are kept (lower case, _)")
                .mandatory()
                .maxLength(TERM_LENGTH),
        DOMAIN,
        string("frequency", "How often it shows, e.g. " + PATTERN_FREQUENCIES + "; other words (7-day) are kept")
                .maxLength(TERM_LENGTH)
    };
    static final Param[] ENTITY = {
        string("name", "The name; case and spacing are ignored when matching")
                .mandatory()
                .maxLength(Limits.NAME),
        string("type", "What it is, e.g. " + ENTITY_TYPES + " (not known yet); other words are kept")
                .mandatory()
                .maxLength(TERM_LENGTH),
        DOMAIN,
        string("notes", "Free notes about it").maxLength(Limits.NOTES)
    };
    static final Param[] LINK = {
        string("from_id", "Id of the memory the relationship starts at").mandatory(),
        oneOf(
                        "relationship",
                        "The relationship type; see the tool description for which kinds it connects",
                        RELATIONSHIPS)
                .mandatory(),
        string("to_id", "Id of the memory the relationship ends at").mandatory(),
        object("properties", "Optional properties of the relationship (strings, numbers, booleans)")
    };

    private SharedParams() {}

    /** The known terms of an open vocabulary, for a description: {@code a, b or c}. */
    private static String terms(java.util.stream.Stream<String> values) {
        List<String> all = values.toList();
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    /** {@code first}, then {@code rest}: a tool's own leading argument before a shared set of fields. */
    static Param[] prepend(Param first, Param[] rest) {
        Param[] params = new Param[rest.length + 1];
        params[0] = first;
        System.arraycopy(rest, 0, params, 1, rest.length);
        return params;
    }

    /**
     * Which relationship types connect which kinds, for the descriptions of the linking tools: a model that reads the
     * rules picks a type the library accepts instead of learning them from refusals.
     */
    static String relationshipRules() {
        StringBuilder rules = new StringBuilder("Relationship types and the kinds they connect:");
        for (RelationshipType type : RelationshipType.values()) {
            rules.append(' ').append(type.rule()).append(';');
        }
        rules.setCharAt(rules.length() - 1, '.');
        return rules.toString();
    }

    /** Enum constants as argument values: lower case, the way models and the original adapter write them. */
    static List<String> lowerCase(Enum<?>[] constants) {
        return Arrays.stream(constants)
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
