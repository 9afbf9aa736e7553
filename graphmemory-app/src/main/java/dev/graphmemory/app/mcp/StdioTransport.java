package dev.graphmemory.app.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP stdio transport, built on the SDK's transport interface instead of its {@code StdioServerTransportProvider},
 * which stops reading for good at the first message it cannot parse and then neither answers nor notices the end of
 * its input.
 *
 * <p>One thread reads lines of at most {@code maxLineBytes} bytes ({@link LineReader}: a longer line is skipped as it
 * arrives, never held whole). Each line passes the {@link JsonRpcGuard}: a malformed, oversized or unexpected message
 * is answered with its JSON-RPC error, and the next line is read as if nothing happened. Valid messages go to the SDK's
 * session; at most {@value #IN_FLIGHT} are handled at once, after which reading waits, so that a flood of requests
 * is held in the pipe rather than in memory.
 *
 * <p>Every line on standard output, from the SDK or from the guard, is written whole under one lock, so replies never
 * interleave. The transport {@linkplain #awaitEnd() ends} when its input ends or fails, or when writing fails (the
 * client closed its end of the pipe); whoever started it then stops the process.
 */
public final class StdioTransport implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    /** How many messages the SDK handles at once before reading pauses. */
    static final int IN_FLIGHT = 64;
    /** The reason given when the input simply ended. */
    public static final String END_OF_INPUT = "end of input";

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final int maxLineBytes;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private volatile McpServerSession session;
    private volatile boolean closing;
    private volatile boolean outputClosed;

    /**
     * @param json the SDK's JSON mapper, for the messages it sends
     * @param in the client's messages, one per line
     * @param out where replies go, one per line
     * @param maxLineBytes the longest message read, in bytes
     */
    public StdioTransport(McpJsonMapper json, InputStream in, OutputStream out, int maxLineBytes) {
        this.json = json;
        this.in = in;
        this.out = out;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
        Thread reader = new Thread(this::read, "graphmemory-stdio-in");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the input ends, fails, or the output breaks. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    /** Like {@link #awaitEnd()}, giving up after {@code timeout}; whether it ended. */
    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Why the transport ended ("end of input", "standard output is closed", …), or {@code null} while it runs. */
    public String endReason() {
        return endReason.get();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        closing = true;
        McpServerSession current = session;
        if (current != null) {
            current.close();
        }
    }

    private void read() {
        LineReader lines = new LineReader(in, maxLineBytes);
        try {
            for (LineReader.Line line = lines.next(); line != null && !closing; line = lines.next()) {
                if (line.oversized()) {
                    LOG.warn("Refused a message of more than {} bytes", maxLineBytes);
                    write(JsonRpcGuard.reply(
                            null,
                            JsonRpcGuard.INVALID_REQUEST,
                            "Invalid Request: the message is longer than the limit of " + maxLineBytes
                                    + " bytes (GRAPHMEMORY_MAX_MESSAGE_SIZE, --max-message-size) and was skipped"));
                } else if (!line.isBlank()) {
                    handle(JsonRpcGuard.check(line.bytes(), line.length()));
                }
            }
            end(END_OF_INPUT);
        } catch (OutputClosedException e) {
            // ended already: the client is gone
        } catch (IOException e) {
            end("standard input failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("interrupted");
        } catch (RuntimeException e) {
            LOG.error("Reading standard input failed: {}", e.toString());
            LOG.debug("Reading standard input failed", e);
            end("reading standard input failed: " + e);
        }
    }

    private void handle(JsonRpcGuard.Verdict verdict) throws InterruptedException {
        if (verdict instanceof JsonRpcGuard.Rejected rejected) {
            LOG.debug("Refused a message: {}", rejected.message());
            if (rejected.reply()) {
                write(rejected.json());
            }
            return;
        }
        McpSchema.JSONRPCMessage message = ((JsonRpcGuard.Accepted) verdict).message();
        inFlight.acquire();
        try {
            session.handle(message)
                    .doFinally(signal -> inFlight.release())
                    .subscribe(null, error -> LOG.debug("Handling a message failed", error));
        } catch (RuntimeException e) {
            inFlight.release();
            LOG.warn("Handing a message to the MCP session failed: {}", e.toString());
            LOG.debug("Handing a message to the MCP session failed", e);
            if (message instanceof McpSchema.JSONRPCRequest request) {
                write(JsonRpcGuard.reply(
                        request.id(), JsonRpcGuard.INTERNAL_ERROR, "Internal error: the request could not be handled"));
            }
        }
    }

    /** Writes one line whole; a failure means the client is gone, and ends the transport. */
    private void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
                if (out instanceof PrintStream print && print.checkError()) {
                    throw new IOException("the print stream reports an error"); // it swallows the real one
                }
            } catch (IOException e) {
                outputClosed = true;
                end("standard output is closed (" + e.getMessage() + ")");
                throw new OutputClosedException(e);
            }
        }
    }

    private void end(String reason) {
        if (endReason.compareAndSet(null, reason)) {
            LOG.debug("The stdio transport ended: {}", reason);
        }
        ended.countDown();
    }

    /** Writing to standard output failed: the client closed its end. */
    static final class OutputClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputClosedException(IOException cause) {
            super("standard output is closed", cause);
        }
    }

    /** The one session's view of the transport: messages out, and the SDK's conversions. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                if (outputClosed) {
                    return; // nobody is listening any more
                }
                String text;
                try {
                    text = json.writeValueAsString(message);
                } catch (IOException e) {
                    throw new IllegalStateException("A reply could not be written as JSON", e);
                }
                write(text);
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public void close() {
            closing = true;
        }
    }
}
