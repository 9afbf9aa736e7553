/**
 * The memory tools, shared by the MCP server and {@code graphmemory tool}. {@link ToolCatalogue} lists them; each kind
 * of memory has a small class that defines its tools (name, description, arguments, handler). A call goes through
 * {@link ToolCalls}: the arguments are checked against their {@link Param}s ({@link Args}), become model values
 * ({@code ArgumentMapper}), run against the library, and the result (a library record, or one of the shapes in
 * {@code Results}) becomes JSON through {@link Json}.
 */
package dev.graphmemory.app.tools;
