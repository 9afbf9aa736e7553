package dev.graphmemory.app.tools;

import dev.graphmemory.GraphMemory;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One tool an assistant can call.
 *
 * @param name the tool's name, e.g. {@code create_commitment}
 * @param title a short human title
 * @param description what it does and when to use it, written for a model
 * @param params its arguments
 * @param readOnly whether it only reads
 * @param destructive whether it removes memories (MCP clients may ask the user before calling it)
 * @param handler runs it: checked arguments in, a result out that {@link Json} serializes (see {@link Results})
 */
public record Tool(
        String name,
        String title,
        String description,
        List<Param> params,
        boolean readOnly,
        boolean destructive,
        BiFunction<GraphMemory, Args, Object> handler) {

    /** Copies the list. */
    public Tool {
        params = List.copyOf(params);
    }

    /** What a call does to the memory; MCP clients show it (and may ask the user before a removal). */
    enum Effect {
        READS,
        WRITES,
        REMOVES
    }

    /** A tool of the catalogue; {@code params} in the order the schema and {@code docs/tools.md} list them. */
    static Tool of(
            String name,
            String title,
            String description,
            Effect effect,
            BiFunction<GraphMemory, Args, Object> handler,
            Param... params) {
        return new Tool(
                name, title, description, List.of(params), effect == Effect.READS, effect == Effect.REMOVES, handler);
    }

    /** The JSON Schema of the arguments. */
    public Map<String, Object> inputSchema() {
        return Param.objectSchema(params);
    }
}
