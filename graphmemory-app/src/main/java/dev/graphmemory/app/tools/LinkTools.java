package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.LINK;
import static dev.graphmemory.app.tools.SharedParams.RELATIONSHIPS;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;

/** The tools of relationships between memories: making one, and following them from a memory. */
final class LinkTools {
    static final Tool LINK_NODES = Tool.of(
            "link_nodes",
            "Link two memories",
            "Relate two stored memories. " + SharedParams.relationshipRules() + " Linking the same two memories again"
                    + " with the same type does not duplicate the relationship. Ends given the other way round (an"
                    + " entity INVOLVES a commitment) are stored in the allowed direction, and the result says"
                    + " reversed: true.",
            WRITES,
            (memory, args) -> memory.linkNodes(ArgumentMapper.link(args)),
            LINK);

    static final Tool FIND_RELATED = Tool.of(
            "find_related",
            "Find related memories",
            "Find memories within a few hops of one memory, each once, with its shortest distance and the"
                    + " relationship types on the way.",
            READS,
            (memory, args) -> Results.Related.of(memory.findRelated(ArgumentMapper.relatedQuery(args))),
            string("node_id", "Id of the memory to start from").mandatory(),
            oneOf("relationship_type", "Follow only this relationship type (empty: any)", RELATIONSHIPS),
            integer("depth", "Most hops, 1 to " + Limits.MAX_DEPTH + " (default 2)", 1, Limits.MAX_DEPTH),
            integer("limit", "Most results (default 50)", 1, Limits.MAX_LIMIT));

    private LinkTools() {}
}
