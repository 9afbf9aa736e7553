package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Param.strings;
import static dev.graphmemory.app.tools.SharedParams.ENTITY;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;
import java.util.Optional;

/** The tools of entities: the people, clients, projects and organizations that other memories involve. */
final class EntityTools {
    static final Tool CREATE_ENTITY = Tool.of(
            "create_entity",
            "Create or update an entity",
            "Remember a person, client, project or organization. There is one entity per name (case and"
                    + " spacing ignored); calling it again updates the domain and notes when given.",
            WRITES,
            (memory, args) -> memory.createEntity(ArgumentMapper.entity(args)),
            ENTITY);

    static final Tool GET_ENTITY_CONTEXT = Tool.of(
            "get_entity_context",
            "Get an entity's context",
            "Everything directly connected to an entity: its commitments, decisions, conversations (newest"
                    + " first), patterns and the facts about it that hold now. Use it before talking about a person,"
                    + " client or project.",
            READS,
            (memory, args) -> memory.getEntityContext(
                    args.string("name"),
                    Optional.ofNullable(args.integer("limit")).orElse(Limits.DEFAULT_LIMIT)),
            string("name", "The entity's name or one of its aliases (case and spacing ignored)")
                    .mandatory()
                    .maxLength(Limits.NAME),
            integer("limit", "Most items of each kind (default 20)", 1, Limits.MAX_LIMIT));

    static final Tool ADD_ENTITY_ALIASES = Tool.of(
            "add_entity_aliases",
            "Give an entity other names",
            "Add aliases to an entity (e.g. Bob and Bobby for Robert Smith). Afterwards every lookup by name"
                    + " (get_entity_context, to_whom, a speaker, search about) finds it by any of them, case and"
                    + " spacing ignored. A name or alias belongs to one entity only: one that is another entity's is"
                    + " refused, and nothing is added; merge the two with merge_entities instead.",
            WRITES,
            (memory, args) -> memory.addEntityAliases(args.string("name"), args.strings("aliases")),
            string("name", "The entity's name or one of its aliases")
                    .mandatory()
                    .maxLength(Limits.NAME),
            strings("aliases", "The other names", Limits.ALIASES).mandatory());

    static final Tool REMOVE_ENTITY_ALIAS = Tool.of(
            "remove_entity_alias",
            "Remove an alias of an entity",
            "Remove one alias of an entity (never its name). Removing an alias it does not have changes nothing.",
            WRITES,
            (memory, args) -> memory.removeEntityAlias(args.string("name"), args.string("alias")),
            string("name", "The entity's name or one of its aliases")
                    .mandatory()
                    .maxLength(Limits.NAME),
            string("alias", "The alias to remove").mandatory().maxLength(Limits.NAME));

    static final Tool MERGE_ENTITIES = Tool.of(
            "merge_entities",
            "Merge two entities into one",
            "Fold the entity 'from' into the entity 'into' when they are one person, client or project: every"
                    + " memory linked to 'from' is linked to 'into' instead (never twice), the name and aliases of"
                    + " 'from' become aliases of 'into', its notes are added, and 'from' is removed. Ask the user"
                    + " first (find_duplicate_entities lists candidates). Merging again changes nothing.",
            WRITES,
            (memory, args) -> memory.mergeEntities(args.string("from"), args.string("into")),
            string("from", "Name or alias of the entity that goes").mandatory().maxLength(Limits.NAME),
            string("into", "Name or alias of the entity that stays").mandatory().maxLength(Limits.NAME));

    static final Tool FIND_DUPLICATE_ENTITIES = Tool.of(
            "find_duplicate_entities",
            "Find entities that may be one",
            "List pairs of entities that may be the same (names alike apart from case, accents, punctuation or"
                    + " a company suffix; a nickname such as Bob for Robert; a short form or initials; shared words),"
                    + " strongest first, with the reason. Changes nothing: ask the user before merge_entities.",
            READS,
            (memory, args) -> new Results.Duplicates(memory.findLikelyDuplicates(
                    Optional.ofNullable(args.integer("limit")).orElse(Limits.DEFAULT_LIMIT))),
            integer("limit", "Most pairs to return (default 20)", 1, Limits.MAX_LIMIT));

    private EntityTools() {}
}
