package dev.graphmemory.app.mcp;

import dev.graphmemory.app.tools.Json;
import dev.graphmemory.app.tools.Tool;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.app.tools.ToolCatalogue;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;

/** The tool catalogue as MCP tool specifications, shared by the stdio and the HTTP server. */
public final class McpTools {
    /** What the server tells a model about itself when it connects. */
    static final String INSTRUCTIONS = """
            graphmemory is the user's long-term memory, a knowledge graph. Remember commitments (promises with \
            deadlines), decisions (with rationale and alternatives), patterns (recurring behaviours that strengthen \
            when seen again), conversation sessions, energy readings and entities (people, clients, projects, \
            organizations), and link them. Keep what was said with record_turns (a conversation from \
            start_session). Before talking about someone or something, call get_entity_context. At the end of a \
            turn that produced several memories, prefer store_memory: it stores them and their links at once. To \
            recall, search_memory finds memories by meaning and words (ask in your own words), turns_around \
            shows what was said around a turn, timeline tells what happened in a period, and get_commitments \
            can list overdue ones. When a decision changes, supersede_decision keeps \
            the old one as history. forget removes a memory the user wants gone. Ids returned by one tool are the \
            ids other tools take.""";

    private McpTools() {}

    /** One specification per tool; a call never throws, failures come back as results with isError. */
    public static List<SyncToolSpecification> specifications(ToolCalls calls) {
        return ToolCatalogue.tools().stream()
                .map(tool -> specification(tool, calls))
                .toList();
    }

    /** Applies the server identity, capabilities, instructions and tools to a server specification. */
    static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> server, ToolCalls calls, String version) {
        return server.serverInfo("graphmemory", version)
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofMinutes(2))
                // Arguments are checked once, by the catalogue, for every front end and with field-level errors.
                .validateToolInputs(false)
                .tools(specifications(calls));
    }

    private static SyncToolSpecification specification(Tool tool, ToolCalls calls) {
        McpSchema.Tool schema = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(tool.inputSchema())
                .annotations(new McpSchema.ToolAnnotations(
                        tool.title(), tool.readOnly(), tool.destructive(), false, false, null))
                .build();
        return SyncToolSpecification.builder()
                .tool(schema)
                .callHandler((exchange, request) -> {
                    ToolCalls.Outcome outcome = calls.call(request.name(), request.arguments());
                    return McpSchema.CallToolResult.builder()
                            .addTextContent(Json.write(outcome.content()))
                            .structuredContent(outcome.content())
                            .isError(outcome.error())
                            .build();
                })
                .build();
    }
}
