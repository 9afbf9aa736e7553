package dev.graphmemory.app.mcp;

import dev.graphmemory.app.tools.ToolCalls;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The MCP server over standard input and output. Standard output belongs to the protocol alone: the caller hands
 * over the real stream and points {@code System.out} at standard error, so that nothing else can corrupt it. The
 * server ends when its input ends (the client went away).
 */
public final class StdioMcpServer implements AutoCloseable {
    private final McpSyncServer mcp;
    private final CountDownLatch endOfInput;

    private StdioMcpServer(McpSyncServer mcp, CountDownLatch endOfInput) {
        this.mcp = mcp;
        this.endOfInput = endOfInput;
    }

    /** Starts serving on the given streams. */
    public static StdioMcpServer start(ToolCalls calls, String version, InputStream in, OutputStream out) {
        CountDownLatch endOfInput = new CountDownLatch(1);
        var transport =
                new StdioServerTransportProvider(McpJsonDefaults.getMapper(), new EndAware(in, endOfInput), out);
        McpSyncServer mcp =
                McpTools.configure(McpServer.sync(transport), calls, version).build();
        return new StdioMcpServer(mcp, endOfInput);
    }

    /** Waits until the input ends. */
    public void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    @Override
    public void close() {
        mcp.closeGracefully();
    }

    /** Counts down when the stream reaches its end or fails. */
    private static final class EndAware extends FilterInputStream {
        private final CountDownLatch end;

        EndAware(InputStream in, CountDownLatch end) {
            super(in);
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            try {
                return track(super.read());
            } catch (IOException e) {
                end.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return track(super.read(buffer, offset, length));
            } catch (IOException e) {
                end.countDown();
                throw e;
            }
        }

        private int track(int result) {
            if (result < 0) {
                end.countDown();
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            end.countDown();
            super.close();
        }
    }
}
