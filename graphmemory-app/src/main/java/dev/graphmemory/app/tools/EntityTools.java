package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.string;
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
            string("name", "The entity's name (case and spacing ignored)")
                    .mandatory()
                    .maxLength(Limits.NAME),
            integer("limit", "Most items of each kind (default 20)", 1, Limits.MAX_LIMIT));

    private EntityTools() {}
}
