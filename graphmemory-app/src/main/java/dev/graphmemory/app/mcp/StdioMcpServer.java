package dev.graphmemory.app.mcp;

import dev.graphmemory.app.tools.ToolCalls;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The MCP server over standard input and output. Standard output belongs to the protocol alone: the caller hands
 * over the real stream and points {@code System.out} at standard error, so that nothing else can corrupt it. The
 * server ends when its input ends (the client went away) or its output breaks; a malformed message only gets an error
 * reply (see {@link StdioTransport}).
 */
public final class StdioMcpServer implements AutoCloseable {
    /** The default longest message, in bytes: 4 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final McpSyncServer mcp;
    private final StdioTransport transport;

    private StdioMcpServer(McpSyncServer mcp, StdioTransport transport) {
        this.mcp = mcp;
        this.transport = transport;
    }

    /** Starts serving on the given streams, with messages of at most {@link #DEFAULT_MAX_MESSAGE_BYTES}. */
    public static StdioMcpServer start(ToolCalls calls, String version, InputStream in, OutputStream out) {
        return start(calls, version, in, out, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Starts serving on the given streams, reading messages (lines) of at most {@code maxMessageBytes} bytes. */
    public static StdioMcpServer start(
            ToolCalls calls, String version, InputStream in, OutputStream out, int maxMessageBytes) {
        var transport = new StdioTransport(McpJsonDefaults.getMapper(), in, out, maxMessageBytes);
        McpSyncServer mcp =
                McpTools.configure(McpServer.sync(transport), calls, version).build();
        return new StdioMcpServer(mcp, transport);
    }

    /** Waits until the input ends (or fails, or standard output breaks). */
    public void awaitEndOfInput() throws InterruptedException {
        transport.awaitEnd();
    }

    /** Why serving ended: {@link StdioTransport#END_OF_INPUT}, or what failed; {@code null} while it runs. */
    public String endReason() {
        return transport.endReason();
    }

    @Override
    public void close() {
        mcp.close();
    }
}
