package dev.graphmemory.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy for fault injection between a driver and Neo4j, in plain Java: it passes traffic, and on request
 * resets connections after some bytes in either direction, cuts a connection right after the client sent a Bolt
 * {@code COMMIT}, stalls (keeps connections open but forwards nothing), or refuses new connections.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(neo4j.boltUri())) {
 *     proxy.resetConnections(percent -> percent < 2, 0, 4_000);   // 2 % of new connections die at a random byte
 *     GraphMemory memory = GraphMemory.connect(config.uri(proxy.uri()).build());
 * }
 * }</pre>
 *
 * <p>A reset closes both sockets with SO_LINGER 0, so the peer sees a TCP RST, as when a network path breaks.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

    /** A Bolt COMMIT message in its own chunk: size 2, struct of no fields with signature 0x12, end marker. */
    private static final byte[] COMMIT = {0x00, 0x02, (byte) 0xB0, 0x12, 0x00, 0x00};

    /** What happens to a connection. */
    public enum Fault {
        /** Traffic passes. */
        NONE,
        /** Reset after the connection carried a number of bytes. */
        RESET,
        /** Forward nothing more, keep the sockets open. */
        STALL
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Plan> plan = new AtomicReference<>(Plan.NONE);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong commitCuts = new AtomicLong();
    private final AtomicInteger connectionCounter = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean cutArmed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean refusing;
    private volatile boolean closed;

    private FaultProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Starts a proxy on a free loopback port in front of {@code bolt}. */
    public static FaultProxy start(URI bolt) throws IOException {
        ServerSocket listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(listener, new InetSocketAddress(bolt.getHost(), bolt.getPort()));
        Thread acceptor = new Thread(proxy::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The address to give the driver. */
    public URI uri() {
        return URI.create("bolt://127.0.0.1:" + listener.getLocalPort());
    }

    /** Lets traffic pass on new connections (open ones keep their fault). */
    public void pass() {
        plan.set(Plan.NONE);
        refusing = false;
    }

    /**
     * New connections that {@code chosen} selects (given a number from 0 to 99, drawn per connection) are reset after
     * a random number of bytes between {@code minBytes} and {@code maxBytes}, counted in both directions.
     */
    public void resetConnections(IntPredicate chosen, long minBytes, long maxBytes) {
        plan.set(new Plan(Fault.RESET, chosen, minBytes, maxBytes));
    }

    /** The next COMMIT on any connection, open or new, cuts that connection right after reaching the server. */
    public void cutAfterNextCommit() {
        cutArmed.set(true);
    }

    /** Every connection, open or new, stops forwarding without closing. */
    public void stall() {
        plan.set(new Plan(Fault.STALL, percent -> true, 0, 0));
        links.forEach(link -> link.fault = Fault.STALL);
    }

    /** New connections are refused (closed at once); with {@code resetOpen}, open ones are reset too. */
    public void refuse(boolean resetOpen) {
        refusing = true;
        if (resetOpen) {
            resetAll();
        }
    }

    /** Resets every open connection now. */
    public void resetAll() {
        links.forEach(Link::reset);
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Connections reset by a fault so far. */
    public long resets() {
        return resets.get();
    }

    /** Connections cut right after a COMMIT so far. */
    public long commitCuts() {
        return commitCuts.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        links.forEach(Link::reset);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Fault proxy stopped accepting", e);
                }
                return;
            }
            accepted.incrementAndGet();
            if (refusing) {
                Link.closeQuietly(client, true);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Plan current = plan.get();
                Link link = new Link(client, server, current.faultFor(), current.budget());
                links.add(link);
                link.start(connectionCounter.incrementAndGet());
            } catch (IOException e) {
                Link.closeQuietly(client, true);
            }
        }
    }

    private record Plan(Fault fault, IntPredicate chosen, long minBytes, long maxBytes) {
        static final Plan NONE = new Plan(Fault.NONE, percent -> false, 0, 0);

        Fault faultFor() {
            return chosen.test(java.util.concurrent.ThreadLocalRandom.current().nextInt(100)) ? fault : Fault.NONE;
        }

        long budget() {
            return maxBytes <= minBytes
                    ? minBytes
                    : java.util.concurrent.ThreadLocalRandom.current().nextLong(minBytes, maxBytes + 1);
        }
    }

    /** One proxied connection: two pumps, client to server and back. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicLong remaining;
        private volatile Fault fault;
        private volatile boolean done;
        private volatile boolean muted;
        /** Counted down when the server answers the cut COMMIT, that is once it has committed. */
        private final java.util.concurrent.CountDownLatch committed = new java.util.concurrent.CountDownLatch(1);

        Link(Socket client, Socket server, Fault fault, long budget) {
            this.client = client;
            this.server = server;
            this.fault = fault;
            this.remaining = new AtomicLong(budget);
        }

        void start(int number) {
            pump(client, server, true, "fault-proxy-up-" + number);
            pump(server, client, false, "fault-proxy-down-" + number);
        }

        private void pump(Socket from, Socket to, boolean upstream, String name) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            forward(from.getInputStream(), to.getOutputStream(), upstream);
                            close();
                        } catch (IOException | InterruptedException e) {
                            reset();
                        }
                    },
                    name);
            thread.setDaemon(true);
            thread.start();
        }

        private void forward(InputStream in, OutputStream out, boolean upstream)
                throws IOException, InterruptedException {
            byte[] buffer = new byte[16 * 1024];
            int matched = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (fault == Fault.STALL && !done) {
                    Thread.sleep(10);
                }
                if (done) {
                    return;
                }
                if (fault == Fault.RESET && remaining.addAndGet(-read) < 0) {
                    out.write(buffer, 0, (int) Math.max(0, read + remaining.get()));
                    out.flush();
                    resets.incrementAndGet();
                    reset();
                    return;
                }
                boolean cut = false;
                for (int i = 0; upstream && i < read && !cut && cutArmed.get(); i++) {
                    matched = buffer[i] == COMMIT[matched] ? matched + 1 : (buffer[i] == COMMIT[0] ? 1 : 0);
                    cut = matched == COMMIT.length && cutArmed.compareAndSet(true, false);
                }
                if (cut) {
                    muted = true; // the server's answer to this COMMIT must never reach the client
                }
                if (!upstream && muted) {
                    committed.countDown();
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
                if (cut) {
                    commitCuts.incrementAndGet();
                    // the server answers the COMMIT once it has committed; the answer is swallowed, then the cut
                    committed.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    reset();
                    return;
                }
            }
        }

        void reset() {
            if (!done) {
                done = true;
                closeQuietly(client, true);
                closeQuietly(server, true);
                links.remove(this);
            }
        }

        void close() {
            if (!done) {
                done = true;
                closeQuietly(client, false);
                closeQuietly(server, false);
                links.remove(this);
            }
        }

        static void closeQuietly(Socket socket, boolean reset) {
            try {
                if (reset) {
                    socket.setSoLinger(true, 0);
                }
                socket.close();
            } catch (SocketException e) {
                // closed already
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
