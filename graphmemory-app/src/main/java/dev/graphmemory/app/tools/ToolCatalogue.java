package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.bool;
import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.number;
import static dev.graphmemory.app.tools.Param.numbers;
import static dev.graphmemory.app.tools.Param.object;
import static dev.graphmemory.app.tools.Param.objects;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Param.strings;
import static dev.graphmemory.app.tools.Param.stringsOf;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every tool of the graphmemory MCP server and of {@code graphmemory tool}: names, descriptions written for a model,
 * argument schemas and handlers. Argument names keep the snake_case names of the original adapter ({@code to_whom},
 * {@code commitment_id}, {@code from_id}, …) so that existing prompts keep working. {@code docs/tools.md} is
 * generated from this class.
 */
public final class ToolCatalogue {
    private static final List<String> COMMITMENT_STATUSES = values(CommitmentStatus.values());
    private static final List<String> PATTERN_TYPES = values(PatternType.values());
    private static final List<String> FREQUENCIES = values(PatternFrequency.values());
    private static final List<String> ENTITY_TYPES = values(EntityType.values());
    private static final List<String> ENERGY_LEVELS = values(EnergyLevel.values());
    private static final List<String> RELATIONSHIPS =
            Arrays.stream(RelationshipType.values()).map(Enum::name).toList();
    private static final List<String> MODES = values(BatchMode.values());
    private static final List<String> KINDS = values(MemoryKind.values());
    private static final List<String> SEARCHABLE_KINDS =
            SearchQuery.SEARCHABLE.stream().sorted().map(MemoryKind::value).toList();

    private static final Param DOMAIN = string("domain", "Area of life, e.g. work (the default), personal, health")
            .maxLength(64);
    private static final Param LIMIT = integer("limit", "Most results to return (default 20)", 1, Limits.MAX_LIMIT);
    private static final Param MAX_CHARS = integer(
            "max_chars",
            "Most characters of text in the whole answer (default 4000); longer texts are shortened with …",
            Limits.MIN_MAX_CHARS,
            Limits.MAX_CHARS);
    private static final Param INCLUDE_SUPERSEDED =
            bool("include_superseded", "Also return decisions that a newer decision superseded (default false)");
    private static final Param MODE = oneOf(
            "mode",
            "atomic (default): all items or none, a failure names the item; best_effort: a transaction per chunk,"
                    + " failures reported per item",
            MODES);

    private static final Param[] COMMITMENT = {
        string("content", "What was promised, in a sentence").mandatory().maxLength(Limits.CONTENT),
        string("to_whom", "To whom it was promised (default: self)").maxLength(Limits.NAME),
        string("deadline", "When it is due: a date (2026-12-04) or a date-time (2026-12-04T17:00:00Z)"),
        DOMAIN,
        integer("priority", "1 (highest) to 5 (lowest); default 3", 1, 5)
    };
    private static final Param[] DECISION = {
        string("content", "What was decided").mandatory().maxLength(Limits.CONTENT),
        string("rationale", "Why it was decided").mandatory().maxLength(Limits.CONTENT),
        strings("alternatives", "The options that were not taken", Limits.ALTERNATIVES),
        DOMAIN,
        number("confidence", "How sure, from 0 to 1 (default 0.7)", 0, 1)
    };
    private static final Param[] PATTERN = {
        string("description", "The recurring behaviour, in a sentence")
                .mandatory()
                .maxLength(Limits.DESCRIPTION),
        oneOf("type", "behavior, trigger, success or failure", PATTERN_TYPES).mandatory(),
        DOMAIN,
        oneOf("frequency", "How often it shows: daily, weekly or situational", FREQUENCIES)
    };
    private static final Param[] ENTITY = {
        string("name", "The name; case and spacing are ignored when matching")
                .mandatory()
                .maxLength(Limits.NAME),
        oneOf("type", "person, client, project or organization", ENTITY_TYPES).mandatory(),
        DOMAIN,
        string("notes", "Free notes about it").maxLength(Limits.NOTES)
    };
    private static final Param[] LINK = {
        string("from_id", "Id of the memory the relationship starts at").mandatory(),
        oneOf(
                        "relationship",
                        "The relationship type; see the tool description for which kinds it connects",
                        RELATIONSHIPS)
                .mandatory(),
        string("to_id", "Id of the memory the relationship ends at").mandatory(),
        object("properties", "Optional properties of the relationship (strings, numbers, booleans)")
    };

    private static final List<Tool> TOOLS = List.of(
            tool(
                    "create_commitment",
                    "Create a commitment",
                    "Remember a promise the user made, to someone or to themselves, with an optional deadline. Returns"
                            + " the commitment with its id; call complete_commitment with that id once it is done.",
                    false,
                    (memory, args) -> memory.createCommitment(commitment(args)),
                    COMMITMENT),
            tool(
                    "complete_commitment",
                    "Complete a commitment",
                    "Mark a commitment as completed, with what came of it. Completing it again is harmless.",
                    false,
                    (memory, args) -> memory.completeCommitment(args.string("commitment_id"), args.string("outcome")),
                    string("commitment_id", "The id create_commitment returned").mandatory(),
                    string("outcome", "What came of it").maxLength(Limits.CONTENT)),
            tool(
                    "get_commitments",
                    "List commitments",
                    "List commitments, newest first, optionally only pending or completed ones, of a domain, made to"
                            + " someone, or due before a moment. With overdue or due_within_days: only those overdue"
                            + " (pending, past their deadline) or falling due within the next days, soonest first;"
                            + " both together list what needs attention.",
                    true,
                    (memory, args) -> Map.of(
                            "commitments",
                            memory.getCommitments(new CommitmentQuery(
                                    enumValue(args, "status", CommitmentStatus.class),
                                    args.string("domain"),
                                    args.string("to_whom"),
                                    moment("due_before", args.string("due_before")),
                                    args.integer("limit"),
                                    args.flag("overdue"),
                                    args.integer("due_within_days")))),
                    oneOf("status", "pending or completed", COMMITMENT_STATUSES),
                    DOMAIN,
                    string("to_whom", "Only those made to this person (any case)"),
                    string("due_before", "Only those due before this date or date-time"),
                    bool("overdue", "Only pending commitments whose deadline has passed"),
                    integer("due_within_days", "Only those falling due from now to this many days ahead", 1, 36_500),
                    LIMIT),
            tool(
                    "record_decision",
                    "Record a decision",
                    "Remember a decision with its rationale and the alternatives considered, so it can be recalled"
                            + " and explained later.",
                    false,
                    (memory, args) -> memory.recordDecision(decision(args)),
                    DECISION),
            tool(
                    "get_decisions",
                    "List decisions",
                    "List decisions, newest first, optionally of a domain or of the last few days. Decisions that a"
                            + " newer one superseded are left out unless include_superseded is true; they carry"
                            + " superseded_at.",
                    true,
                    (memory, args) -> Map.of(
                            "decisions",
                            memory.getDecisions(new DecisionQuery(
                                    args.string("domain"),
                                    args.integer("days"),
                                    args.integer("limit"),
                                    args.flag("include_superseded")))),
                    DOMAIN,
                    integer("days", "Only decisions of the last this many days", 1, 36_500),
                    INCLUDE_SUPERSEDED,
                    LIMIT),
            tool(
                    "record_pattern",
                    "Record a pattern",
                    "Record an observation of a recurring behaviour. Observing the same pattern again (same"
                            + " description ignoring case and spacing, same type and domain) strengthens it: 0.5 at"
                            + " first, +0.1 each time, at most 1.0.",
                    false,
                    (memory, args) -> memory.recordPattern(pattern(args)),
                    PATTERN),
            tool(
                    "get_patterns",
                    "List patterns",
                    "List patterns, strongest first, optionally of a type or domain, or at least as strong as given.",
                    true,
                    (memory, args) -> Map.of(
                            "patterns",
                            memory.getPatterns(new PatternQuery(
                                    enumValue(args, "type", PatternType.class),
                                    args.string("domain"),
                                    args.number("min_strength"),
                                    args.integer("limit")))),
                    oneOf("type", "behavior, trigger, success or failure", PATTERN_TYPES),
                    DOMAIN,
                    number("min_strength", "Only patterns at least this strong (0 to 1)", 0, 1),
                    LIMIT),
            tool(
                    "start_session",
                    "Start a conversation session",
                    "Start a conversation session. Returns its id; pass it as session_id to end_session, and link"
                            + " memories made in the conversation to it with DURING.",
                    false,
                    (memory, args) ->
                            memory.startSession(new NewConversation(args.string("agent"), args.string("mood"))),
                    string("agent", "Which assistant is talking, e.g. claude")
                            .mandatory()
                            .maxLength(Limits.NAME),
                    string("mood", "The user's mood at the start").maxLength(Limits.NAME)),
            tool(
                    "end_session",
                    "End a conversation session",
                    "End a conversation session with a summary of what it covered.",
                    false,
                    (memory, args) -> memory.endSession(new ConversationEnd(
                            args.string("session_id"), args.string("summary"), args.longValue("tokens_used"))),
                    string("session_id", "The id start_session returned").mandatory(),
                    string("summary", "What the conversation covered")
                            .mandatory()
                            .maxLength(Limits.SUMMARY),
                    integer("tokens_used", "Tokens the conversation used", 0, Integer.MAX_VALUE)),
            tool(
                    "record_energy",
                    "Record energy",
                    "Record the user's energy level now, with what was going on, how ready they feel for demanding"
                            + " work and how long they slept.",
                    false,
                    (memory, args) -> memory.recordEnergy(new EnergyReading(
                            enumValue(args, "level", EnergyLevel.class),
                            args.string("context"),
                            args.integer("readiness"),
                            args.number("sleep"))),
                    oneOf("level", "high, medium or low", ENERGY_LEVELS).mandatory(),
                    string("context", "What was going on").maxLength(Limits.CONTEXT),
                    integer("readiness", "Readiness for demanding work, 1 to 10", 1, 10),
                    number("sleep", "Hours slept the night before", 0, 24)),
            tool(
                    "create_entity",
                    "Create or update an entity",
                    "Remember a person, client, project or organization. There is one entity per name (case and"
                            + " spacing ignored); calling it again updates the domain and notes when given.",
                    false,
                    (memory, args) -> memory.createEntity(entity(args)),
                    ENTITY),
            tool(
                    "link_nodes",
                    "Link two memories",
                    "Relate two stored memories. " + relationshipRules() + " Linking the same two memories again"
                            + " with the same type does not duplicate the relationship.",
                    false,
                    (memory, args) -> memory.linkNodes(link(args)),
                    LINK),
            tool(
                    "find_related",
                    "Find related memories",
                    "Find memories within a few hops of one memory, each once, with its shortest distance and the"
                            + " relationship types on the way.",
                    true,
                    (memory, args) -> Map.of(
                            "related",
                            related(memory.findRelated(new RelatedQuery(
                                    args.string("node_id"),
                                    enumValue(args, "relationship_type", RelationshipType.class),
                                    args.integer("depth"),
                                    args.integer("limit"))))),
                    string("node_id", "Id of the memory to start from").mandatory(),
                    oneOf("relationship_type", "Follow only this relationship type", RELATIONSHIPS),
                    integer("depth", "Most hops, 1 to 5 (default 2)", 1, Limits.MAX_DEPTH),
                    integer("limit", "Most results (default 50)", 1, Limits.MAX_LIMIT)),
            tool(
                    "get_entity_context",
                    "Get an entity's context",
                    "Everything directly connected to an entity: its commitments, decisions, conversations (newest"
                            + " first) and patterns. Use it before talking about a person, client or project.",
                    true,
                    (memory, args) -> memory.getEntityContext(
                            args.string("name"),
                            Optional.ofNullable(args.integer("limit")).orElse(Limits.DEFAULT_LIMIT)),
                    string("name", "The entity's name (case and spacing ignored)")
                            .mandatory()
                            .maxLength(Limits.NAME),
                    integer("limit", "Most items of each kind (default 20)", 1, Limits.MAX_LIMIT)),
            tool(
                    "query_graph",
                    "Query the memory graph (read-only)",
                    "Run a read-only Cypher query for questions the other tools do not cover. Every node the query"
                            + " starts from must be filtered with WHERE n.namespace = $namespace (graphmemory supplies"
                            + " $namespace). Writes, schema and admin commands, LOAD CSV and procedures are refused."
                            + " Labels: Memory plus Commitment, Decision, Pattern, Conversation, Entity, EnergyState;"
                            + " results are capped at 1,000 rows.",
                    true,
                    (memory, args) -> memory.queryGraph(GraphQuery.of(args.string("query"), args.object("parameters"))),
                    string("query", "The Cypher query").mandatory().maxLength(Limits.QUERY),
                    object("parameters", "Query parameters (do not set namespace)")),
            tool(
                    "health_check",
                    "Check health",
                    "Check the memory database: server version, schema, round-trip time and connection pool.",
                    true,
                    (memory, args) -> health(memory.healthCheck())),
            tool(
                    "create_entities",
                    "Create entities in bulk",
                    "Create or update many entities in one statement. Returns a result per entity: created, updated"
                            + " or failed.",
                    false,
                    (memory, args) ->
                            batch(memory.createEntities(each(args, "entities", ToolCatalogue::entity), mode(args))),
                    objects("entities", "The entities", 10_000, ENTITY).mandatory(),
                    MODE),
            tool(
                    "link_nodes_batch",
                    "Link memories in bulk",
                    "Create many relationships in one statement. " + relationshipRules()
                            + " Returns a result per link: created, updated or failed with the reason.",
                    false,
                    (memory, args) -> batch(memory.linkNodes(each(args, "links", ToolCatalogue::link), mode(args))),
                    objects("links", "The links", 10_000, LINK).mandatory(),
                    MODE),
            tool(
                    "record_patterns",
                    "Record patterns in bulk",
                    "Record many pattern observations in one statement; observations of the same pattern each count.",
                    false,
                    (memory, args) ->
                            batch(memory.recordPatterns(each(args, "patterns", ToolCatalogue::pattern), mode(args))),
                    objects("patterns", "The observations", 10_000, PATTERN).mandatory(),
                    MODE),
            tool(
                    "create_commitments",
                    "Create commitments in bulk",
                    "Create many commitments in one statement.",
                    false,
                    (memory, args) -> batch(
                            memory.createCommitments(each(args, "commitments", ToolCatalogue::commitment), mode(args))),
                    objects("commitments", "The commitments", 10_000, COMMITMENT)
                            .mandatory(),
                    MODE),
            tool(
                    "store_memory",
                    "Store a whole memory",
                    "Store what one conversation turn produced, at once: commitments, decisions, entities and"
                            + " patterns, each with a key of your choice, and links between them by key (or to"
                            + " memories stored earlier, by id). One round trip, one transaction: all of it is stored"
                            + " or none. Entities and patterns that exist already are reused. " + relationshipRules(),
                    false,
                    (memory, args) -> memory.storeMemory(newMemory(args)),
                    objects("commitments", "Commitments, each with a key", NewMemoryLimits.ITEMS, keyed(COMMITMENT)),
                    objects("decisions", "Decisions, each with a key", NewMemoryLimits.ITEMS, keyed(DECISION)),
                    objects("entities", "Entities, each with a key", NewMemoryLimits.ITEMS, keyed(ENTITY)),
                    objects("patterns", "Pattern observations, each with a key", NewMemoryLimits.ITEMS, keyed(PATTERN)),
                    objects(
                            "links",
                            "Links; from and to are keys of this call or ids of stored memories",
                            NewMemoryLimits.ITEMS,
                            string("from", "A key of this call, or the id of a stored memory")
                                    .mandatory(),
                            oneOf("relationship", "The relationship type", RELATIONSHIPS)
                                    .mandatory(),
                            string("to", "A key of this call, or the id of a stored memory")
                                    .mandatory(),
                            object("properties", "Optional properties of the relationship"))),
            tool(
                    "search_memory",
                    "Search the memory",
                    "Find memories by words: commitments, decisions (with rationale and alternatives), patterns,"
                            + " conversation summaries and entities, best match first. The query is plain words and"
                            + " \"quoted phrases\"; a memory matching more of them ranks higher. Long texts are"
                            + " shortened to fit max_chars, and truncated says when anything was left out.",
                    true,
                    (memory, args) -> hits(memory.searchMemory(new SearchQuery(
                            args.string("query"),
                            args.flag("lucene"),
                            kinds(args),
                            instant("since", args.string("since"), false),
                            instant("until", args.string("until"), false),
                            args.flag("include_superseded"),
                            args.integer("limit"),
                            args.integer("max_chars")))),
                    string("query", "Words and \"phrases\" to look for")
                            .mandatory()
                            .maxLength(Limits.SEARCH_QUERY),
                    stringsOf("kinds", "Only memories of these kinds", SEARCHABLE_KINDS, SEARCHABLE_KINDS.size()),
                    string("since", "Only memories stored at or after this date or date-time"),
                    string("until", "Only memories stored before this date or date-time"),
                    INCLUDE_SUPERSEDED,
                    bool(
                            "lucene",
                            "Read query as Lucene syntax (`propos*`, `drft~`, AND, OR, NOT, `content:pilot`) instead of"
                                    + " plain words"),
                    integer("limit", "Most hits (default 10)", 1, Limits.MAX_LIMIT),
                    MAX_CHARS),
            tool(
                    "set_embedding",
                    "Attach an embedding",
                    "Attach an embedding (a vector from your embedding model) to a memory, replacing any earlier"
                            + " one, so that similar_memories can find it. Every embedding must have the size the"
                            + " server is configured for (384 numbers unless configured otherwise).",
                    false,
                    (memory, args) -> {
                        MemoryNode node =
                                memory.setEmbedding(args.string("id"), Embedding.of(args.numbers("embedding")));
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("id", node.id());
                        result.put("kind", node.kind().value());
                        result.put("dimensions", args.numbers("embedding").size());
                        return result;
                    },
                    string("id", "Id of the memory").mandatory(),
                    numbers("embedding", "The vector", Limits.MAX_EMBEDDING_DIMENSIONS)
                            .mandatory()),
            tool(
                    "similar_memories",
                    "Find similar memories",
                    "Find the memories whose embeddings are nearest to a vector, or to the embedding of a stored"
                            + " memory (give id), nearest first, with a score from 0 to 1. Only memories with an"
                            + " embedding (set_embedding) can be found.",
                    true,
                    (memory, args) -> hits(memory.similarMemories(new SimilarityQuery(
                            args.numbers("embedding") == null ? null : Embedding.of(args.numbers("embedding")),
                            args.string("id"),
                            kinds(args),
                            args.number("min_score"),
                            args.flag("include_superseded"),
                            args.integer("limit"),
                            args.integer("max_chars")))),
                    numbers("embedding", "The vector to compare with (or give id)", Limits.MAX_EMBEDDING_DIMENSIONS),
                    string("id", "Id of a memory whose embedding to compare with (or give embedding)"),
                    stringsOf("kinds", "Only memories of these kinds", KINDS, KINDS.size()),
                    number("min_score", "Only memories at least this similar, 0 to 1", 0, 1),
                    INCLUDE_SUPERSEDED,
                    integer("limit", "Most results (default 10)", 1, Limits.MAX_LIMIT),
                    MAX_CHARS),
            tool(
                    "timeline",
                    "What happened when",
                    "What happened in a period, newest first, across every kind of memory: memories stored,"
                            + " commitments completed, sessions ended, decisions superseded, patterns observed again."
                            + " Give days (the last few days; default 7) or from and to.",
                    true,
                    (memory, args) -> events(memory.timeline(timelineQuery(args))),
                    integer("days", "The last this many days (default 7)", 1, Limits.MAX_DAYS),
                    string("from", "Start of the period: a date or date-time, inclusive"),
                    string("to", "End of the period: a date (inclusive) or date-time (exclusive); default now"),
                    stringsOf("kinds", "Only memories of these kinds", KINDS, KINDS.size()),
                    integer("limit", "Most events (default 20)", 1, Limits.MAX_LIMIT),
                    MAX_CHARS),
            tool(
                    "supersede_decision",
                    "Supersede a decision",
                    "Record a decision that replaces an earlier one. The earlier one is kept as history, marked with"
                            + " superseded_at and linked to the new one (SUPERSEDED_BY); the new one involves the same"
                            + " entities. get_decisions then shows the new one only.",
                    false,
                    (memory, args) -> memory.supersedeDecision(args.string("decision_id"), decision(args)),
                    superseding()),
            destructive(
                    "forget",
                    "Forget a memory",
                    "Remove one memory and its relationships for good, when the user asks to forget or correct it."
                            + " An audit record of what kind of memory was removed and when stays, without its content.",
                    (memory, args) -> forgotten(memory.forget(args.string("id"))),
                    string("id", "Id of the memory to forget").mandatory()),
            destructive(
                    "forget_namespace",
                    "Forget everything",
                    "Remove every memory of this user's memory (its namespace) for good, in bounded steps. Only when"
                            + " the user explicitly asks to erase all of their memory: confirm must be the namespace's"
                            + " name, which the user knows; do not guess it. An audit record of the counts stays.",
                    (memory, args) -> {
                        if (!memory.namespace().equals(args.string("confirm"))) {
                            throw new InvalidInputException(
                                    "confirm",
                                    "must be the name of this memory's namespace, exactly; ask the user for it."
                                            + " Nothing was removed");
                        }
                        return forgotten(memory.forgetNamespace());
                    },
                    string("confirm", "The namespace's name, as the user gave it")
                            .mandatory()));

    private ToolCatalogue() {}

    /** Every tool, in the order they are listed. */
    public static List<Tool> tools() {
        return TOOLS;
    }

    /** The tool of this name. */
    public static Optional<Tool> find(String name) {
        return TOOLS.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static Tool tool(
            String name,
            String title,
            String description,
            boolean readOnly,
            java.util.function.BiFunction<GraphMemory, Args, Object> handler,
            Param... params) {
        return new Tool(name, title, description, List.of(params), readOnly, false, handler);
    }

    /** A tool that removes memories. */
    private static Tool destructive(
            String name,
            String title,
            String description,
            java.util.function.BiFunction<GraphMemory, Args, Object> handler,
            Param... params) {
        return new Tool(name, title, description, List.of(params), false, true, handler);
    }

    /** The decision to supersede, then the arguments of the new decision. */
    private static Param[] superseding() {
        Param[] params = new Param[DECISION.length + 1];
        params[0] =
                string("decision_id", "Id of the decision that no longer holds").mandatory();
        System.arraycopy(DECISION, 0, params, 1, DECISION.length);
        return params;
    }

    private static final class NewMemoryLimits {
        static final int ITEMS = NewMemory.MAX_ITEMS;
    }

    private static Param[] keyed(Param[] params) {
        Param[] keyed = new Param[params.length + 1];
        keyed[0] = string("key", "Your name for this item, used by links of this call (letters, digits, _ and -)")
                .mandatory();
        System.arraycopy(params, 0, keyed, 1, params.length);
        return keyed;
    }

    private static NewCommitment commitment(Args args) {
        String deadline = args.string("deadline");
        return new NewCommitment(
                args.string("content"),
                args.string("to_whom"),
                deadline == null ? null : Deadline.parse(deadline),
                args.string("domain"),
                Optional.ofNullable(args.integer("priority")).orElse(NewCommitment.DEFAULT_PRIORITY));
    }

    private static NewDecision decision(Args args) {
        return new NewDecision(
                args.string("content"),
                args.string("rationale"),
                args.strings("alternatives"),
                args.string("domain"),
                Optional.ofNullable(args.number("confidence")).orElse(NewDecision.DEFAULT_CONFIDENCE));
    }

    private static PatternObservation pattern(Args args) {
        return new PatternObservation(
                args.string("description"),
                enumValue(args, "type", PatternType.class),
                args.string("domain"),
                enumValue(args, "frequency", PatternFrequency.class));
    }

    private static NewEntity entity(Args args) {
        return new NewEntity(
                args.string("name"),
                enumValue(args, "type", EntityType.class),
                args.string("domain"),
                args.string("notes"));
    }

    private static NewLink link(Args args) {
        return new NewLink(
                args.string("from_id"),
                enumValue(args, "relationship", RelationshipType.class),
                args.string("to_id"),
                args.object("properties"));
    }

    private static NewMemory newMemory(Args args) {
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

    private static <T> List<T> each(Args args, String name, Function<Args, T> make) {
        List<T> items = new ArrayList<>();
        for (Args item : args.list(name)) {
            items.add(make.apply(item));
        }
        return items;
    }

    private static BatchMode mode(Args args) {
        BatchMode mode = enumValue(args, "mode", BatchMode.class);
        return mode == null ? BatchMode.ATOMIC : mode;
    }

    private static <E extends Enum<E>> E enumValue(Args args, String name, Class<E> type) {
        String value = args.string(name);
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private static ZonedDateTime moment(String field, String text) {
        if (text == null) {
            return null;
        }
        Deadline parsed;
        try {
            parsed = Deadline.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.rule(), e);
        }
        return parsed instanceof Deadline.OnDate onDate ? onDate.date().atStartOfDay(ZoneOffset.UTC) : parsed.dueAt();
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

    /**
     * A moment from a date or a date-time. A date is the start of that day (UTC), or with {@code endOfDay} the start
     * of the next, so that a date as the end of a period includes that day.
     */
    private static Instant instant(String field, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        Deadline parsed;
        try {
            parsed = Deadline.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.rule(), e);
        }
        if (parsed instanceof Deadline.OnDate onDate) {
            return onDate.date()
                    .plusDays(endOfDay ? 1 : 0)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        return parsed.dueAt().toInstant();
    }

    private static TimelineQuery timelineQuery(Args args) {
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

    /** A memory as tools show it: id, kind, title and properties. */
    private static Map<String, Object> memory(MemoryNode node) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", node.id());
        item.put("kind", node.kind().value());
        item.put("title", node.title());
        item.put("properties", Json.tree(node.properties()));
        return item;
    }

    private static Map<String, Object> hits(SearchResult result) {
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            Map<String, Object> item = memory(hit.memory());
            item.put("score", hit.score());
            item.put("truncated", hit.truncated());
            hits.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hits", hits);
        answer.put("truncated", result.truncated());
        return answer;
    }

    private static Map<String, Object> events(Timeline timeline) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (TimelineEvent event : timeline.events()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", event.at().toString());
            item.put("event", event.type().name().toLowerCase(Locale.ROOT));
            item.putAll(memory(event.memory()));
            item.put("truncated", event.truncated());
            events.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", events);
        answer.put("truncated", timeline.truncated());
        return answer;
    }

    private static Map<String, Object> forgotten(Forgotten forgotten) {
        Map<String, Object> memories = new LinkedHashMap<>();
        forgotten.memories().forEach((kind, count) -> memories.put(kind.value(), count));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("forgotten", forgotten.total());
        answer.put("memories", memories);
        answer.put("relationships", forgotten.relationships());
        answer.put("audit_id", forgotten.auditId());
        return answer;
    }

    private static List<Map<String, Object>> related(List<RelatedNode> related) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (RelatedNode node : related) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", node.node().id());
            item.put("kind", node.node().kind().value());
            item.put("title", node.node().title());
            item.put("distance", node.distance());
            item.put("path", node.path().stream().map(Enum::name).toList());
            item.put("properties", Json.tree(node.node().properties()));
            result.add(item);
        }
        return result;
    }

    private static Map<String, Object> batch(BatchResult<?> result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", result.count(BatchResult.Status.CREATED));
        summary.put("updated", result.count(BatchResult.Status.UPDATED));
        summary.put("failed", result.count(BatchResult.Status.FAILED));
        summary.put("items", result.items());
        return summary;
    }

    private static Map<String, Object> health(Health health) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("healthy", health.healthy());
        result.put("server", health.serverAgent());
        result.put("edition", health.edition());
        result.put("database", health.database());
        result.put("schema_version", health.schemaVersion());
        result.put("missing_schema", health.missingSchema());
        result.put(
                "round_trip_ms",
                health.roundTrip() == null ? null : health.roundTrip().toNanos() / 1e6);
        result.put("pool", health.pool());
        result.put("problem", health.problem());
        return result;
    }

    private static String relationshipRules() {
        StringBuilder rules = new StringBuilder("Relationship types and the kinds they connect:");
        for (RelationshipType type : RelationshipType.values()) {
            rules.append(' ').append(type.rule()).append(';');
        }
        rules.setCharAt(rules.length() - 1, '.');
        return rules.toString();
    }

    private static List<String> values(Enum<?>[] constants) {
        return Arrays.stream(constants)
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
