package dev.graphmemory.app.tools;

import java.util.List;
import java.util.Optional;

/**
 * Every tool of the graphmemory MCP server and of {@code graphmemory tool}, in the order they are offered and listed in
 * {@code docs/tools.md} (generated from this list). The tools themselves live with their kind of memory
 * ({@link CommitmentTools}, {@link DecisionTools}, …); their arguments become model values in {@link ArgumentMapper}
 * and their results take shape in {@link Results}. Argument names keep the snake_case names of the original adapter
 * ({@code to_whom}, {@code commitment_id}, {@code from_id}, …) so that existing prompts keep working.
 */
public final class ToolCatalogue {
    // Models see the tools in this order (tools/list), and docs/tools.md lists them so; ToolDocsTest holds the two
    // together. A new tool goes here as well as in its kind's class.
    private static final List<Tool> TOOLS = List.of(
            CommitmentTools.CREATE_COMMITMENT,
            CommitmentTools.COMPLETE_COMMITMENT,
            CommitmentTools.GET_COMMITMENTS,
            DecisionTools.RECORD_DECISION,
            DecisionTools.GET_DECISIONS,
            PatternTools.RECORD_PATTERN,
            PatternTools.GET_PATTERNS,
            ConversationTools.START_SESSION,
            ConversationTools.END_SESSION,
            ConversationTools.RECORD_TURN,
            ConversationTools.RECORD_TURNS,
            ConversationTools.GET_TURNS,
            ConversationTools.TURNS_AROUND,
            EnergyTools.RECORD_ENERGY,
            EntityTools.CREATE_ENTITY,
            LinkTools.LINK_NODES,
            LinkTools.FIND_RELATED,
            EntityTools.GET_ENTITY_CONTEXT,
            DatabaseTools.QUERY_GRAPH,
            DatabaseTools.HEALTH_CHECK,
            BatchTools.CREATE_ENTITIES,
            BatchTools.LINK_NODES_BATCH,
            BatchTools.RECORD_PATTERNS,
            BatchTools.CREATE_COMMITMENTS,
            BatchTools.STORE_MEMORY,
            RecallTools.SEARCH_MEMORY,
            RecallTools.SET_EMBEDDING,
            RecallTools.SIMILAR_MEMORIES,
            RecallTools.TIMELINE,
            DecisionTools.SUPERSEDE_DECISION,
            ForgetTools.FORGET,
            ForgetTools.FORGET_NAMESPACE,
            FactTools.RECORD_FACT,
            FactTools.RECORD_FACTS,
            FactTools.END_FACT,
            FactTools.REPLACE_FACT,
            FactTools.GET_FACTS,
            EntityTools.ADD_ENTITY_ALIASES,
            EntityTools.REMOVE_ENTITY_ALIAS,
            EntityTools.MERGE_ENTITIES,
            EntityTools.FIND_DUPLICATE_ENTITIES,
            CommitmentTools.UPDATE_COMMITMENT_STATUS);

    private ToolCatalogue() {}

    /** Every tool, in the order they are listed. */
    public static List<Tool> tools() {
        return TOOLS;
    }

    /** The tool of this name. */
    public static Optional<Tool> find(String name) {
        return TOOLS.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }
}
