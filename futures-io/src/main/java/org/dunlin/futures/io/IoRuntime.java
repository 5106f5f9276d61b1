package org.dunlin.futures.io;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.SingleThreadTimer;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.internal.CallbackLane;
import org.dunlin.futures.io.internal.NamedThreadFactory;
import org.dunlin.futures.io.internal.Resource;
import org.dunlin.futures.io.internal.SelectorLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O runtime: owns every thread futures-io uses and every socket opened through it. Create one per
 * application (or per server), open listeners, connections and UDP sockets through it, and
 * {@link #close()} it at the end: that closes every socket, fails every pending operation with
 * {@link ConnectionClosedException}, and ends every thread it started, waiting for them.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code NAME-io-N} ({@link Builder#ioThreads}): the {@link AsynchronousChannelGroup} running TCP
 *       (accept, connect, read, write completions).</li>
 *   <li>{@code NAME-udp-N} ({@link Builder#udpThreads}): selector threads bridging {@code DatagramChannel},
 *       which NIO.2 has no asynchronous version of; sockets are spread over them round-robin. Once
 *       {@link #exchangeUdp} is used, each also keeps a few sockets opened ahead for it (16 at first, up
 *       to 128 per address family under load), closed with the runtime.</li>
 *   <li>{@code NAME-timer}: a {@link SingleThreadTimer} for connect, idle and write timeouts, unless you
 *       pass your own {@link Builder#timer}.</li>
 *   <li>{@code NAME-callback-N}: the pool that runs the continuations of the futures this module returns,
 *       unless you pass your own executor or choose I/O-thread callbacks (below).</li>
 * </ul>
 *
 * <h2>Which thread runs my continuation</h2>
 * Every future a connection or socket returns (reads, writes, accepts, datagrams, stream items) is
 * completed on that connection's <em>callback lane</em>, chosen when the runtime is built:
 * <ul>
 *   <li><b>Executor (default).</b> Completions run on the callback executor — the runtime's pool, or one
 *       you pass with {@link Builder#callbackExecutor} — one at a time and in order per connection
 *       (a serial lane per connection), so a continuation may block briefly without stalling I/O.</li>
 *   <li><b>I/O thread ({@link Builder#callbacksOnIoThreads()}).</b> Completions run inline on the I/O or
 *       selector thread that saw the event: no hand-off, the fastest path (a DNS server answering from
 *       memory wants it). Continuations must then be short and must never block: while one runs, the
 *       thread serves no other socket.</li>
 * </ul>
 * Library code (framing, the write queue, TLS records) always runs on I/O threads and never blocks.
 * Timeouts fire on the timer's thread, which then closes the connection; the resulting failures go to
 * the lane like any other.
 *
 * <p>Thread-safe. No static state: several runtimes may coexist.
 */
public final class IoRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IoRuntime.class);
    private static final InetAddress ANY4 = wildcard(new byte[4]);
    private static final InetAddress ANY6 = wildcard(new byte[16]);

    private final String name;
    private final AsynchronousChannelGroup group;
    private final SelectorLoop[] udpLoops;
    /** Sockets opened ahead for {@link #exchangeUdp}, per loop, IPv4 and IPv6 (empty until first used). */
    private final WarmSockets[] warm4;
    private final WarmSockets[] warm6;
    private final Timer timer;
    private final SingleThreadTimer ownedTimer;
    private final Executor callbackExecutor;
    private final ExecutorService ownedPool;
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
    private final Set<Resource> resources = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final AtomicInteger openExchanges = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private IoRuntime(Builder b) throws IOException {
        this.name = b.name;
        ExecutorService pool = null;
        SingleThreadTimer ownTimer = null;
        AsynchronousChannelGroup g = null;
        SelectorLoop[] loops = new SelectorLoop[b.udpThreads];
        try {
            g = AsynchronousChannelGroup.withFixedThreadPool(b.ioThreads,
                    new NamedThreadFactory(name + "-io", ownThreads));
            NamedThreadFactory udp = new NamedThreadFactory(name + "-udp", ownThreads);
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new SelectorLoop(udp);
            }
            if (b.timer == null) {
                ownTimer = new SingleThreadTimer(name + "-timer");
            }
            if (b.mode == Mode.OWN_POOL) {
                pool = Executors.newFixedThreadPool(b.callbackThreads,
                        new NamedThreadFactory(name + "-callback", ownThreads));
            }
        } catch (IOException | RuntimeException x) {
            if (g != null) {
                g.shutdownNow();
            }
            for (SelectorLoop l : loops) {
                if (l != null) {
                    l.shutdown();
                }
            }
            throw x;
        }
        this.group = g;
        this.udpLoops = loops;
        this.warm4 = new WarmSockets[loops.length];
        this.warm6 = new WarmSockets[loops.length];
        for (int i = 0; i < loops.length; i++) {
            warm4[i] = new WarmSockets(this, loops[i], false);
            warm6[i] = new WarmSockets(this, loops[i], true);
        }
        this.ownedTimer = ownTimer;
        this.timer = b.timer != null ? b.timer : ownTimer;
        this.ownedPool = pool;
        this.callbackExecutor = b.mode == Mode.OWN_POOL ? pool : b.mode == Mode.USER_EXECUTOR ? b.executor : null;
    }

    /** A builder with the defaults described on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** A runtime with the default settings. */
    public static IoRuntime create() throws IOException {
        return builder().build();
    }

    // ------------------------------------------------------------------------------------------------
    // TCP

    /** {@link #bind(InetSocketAddress, ListenerOptions)} with the default options. */
    public TcpListener bind(InetSocketAddress local) throws IOException {
        return bind(local, ListenerOptions.DEFAULT);
    }

    /**
     * Opens a TCP listener bound to {@code local} (port 0 picks a free port; see
     * {@link TcpListener#localAddress()}). Accept connections through {@link TcpListener#incoming()}.
     *
     * @throws IOException if binding fails
     * @throws UnsupportedOperationException if {@code SO_REUSEPORT} is asked for and unsupported
     */
    public TcpListener bind(InetSocketAddress local, ListenerOptions options) throws IOException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(options, "options");
        checkOpen();
        AsynchronousServerSocketChannel ch = AsynchronousServerSocketChannel.open(group);
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress());
            if (options.reusePort()) {
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform");
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(local, options.backlog());
            return new TcpListener(this, ch, options);
        } catch (IOException | RuntimeException x) {
            closeQuietly(ch);
            throw x;
        }
    }

    /** {@link #connect(InetSocketAddress, Duration, TcpOptions)} with the default options. */
    public Promise<TcpConnection> connect(InetSocketAddress remote, Duration timeout) {
        return connect(remote, timeout, TcpOptions.DEFAULT);
    }

    /**
     * Connects to {@code remote}. The promise completes with the connection, or fails with
     * {@link TimeoutException} after {@code timeout}, the {@code IOException} of a failed connect (such as
     * {@link java.net.ConnectException} when refused), or {@link ConnectionClosedException} if the runtime
     * closes first. Cancelling it (or timing out) closes the half-open socket.
     *
     * <p>Thread: the new connection's callback lane (the I/O thread in I/O-thread mode; the timer's thread
     * when it times out).
     */
    public Promise<TcpConnection> connect(InetSocketAddress remote, Duration timeout, TcpOptions options) {
        Objects.requireNonNull(remote, "remote");
        TcpOptions.requirePositive(timeout, "connect timeout");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            return Promise.failed(closedException());
        }
        if (remote.isUnresolved()) {
            return Promise.failed(new java.nio.channels.UnresolvedAddressException());
        }
        AsynchronousSocketChannel ch;
        try {
            ch = AsynchronousSocketChannel.open(group);
            TcpConnection.applyOptions(ch, options);
            if (options.localAddress() != null) {
                ch.bind(options.localAddress());
            }
        } catch (IOException | RuntimeException x) {
            return Promise.failed(x);
        }
        CallbackLane lane = newLane();
        Promise<TcpConnection> result = new Promise<>();
        Connect attempt = new Connect(ch, options, lane, result);
        resources.add(attempt);
        try {
            attempt.timeoutTask = timer.schedule(timeout, () -> attempt.fail(
                    new TimeoutException("connect to " + remote + " timed out after " + timeout)));
        } catch (RejectedExecutionException x) {
            attempt.fail(closedException());
            return result;
        }
        result.whenComplete((c, x) -> {
            if (result.isCancelled()) {
                attempt.fail(new ConnectionClosedException("connect cancelled"));
            }
        });
        try {
            ch.connect(remote, null, attempt);
        } catch (RuntimeException x) {
            attempt.fail(x);
        }
        return result;
    }

    /** One connect in flight: completes once, by the channel, the timer, a cancel or the runtime's close. */
    private final class Connect implements CompletionHandler<Void, Void>, Resource {
        private final AsynchronousSocketChannel ch;
        private final TcpOptions options;
        private final CallbackLane lane;
        private final Promise<TcpConnection> result;
        private final AtomicBoolean done = new AtomicBoolean();
        volatile Cancellable timeoutTask;

        Connect(AsynchronousSocketChannel ch, TcpOptions options, CallbackLane lane, Promise<TcpConnection> result) {
            this.ch = ch;
            this.options = options;
            this.lane = lane;
            this.result = result;
        }

        @Override
        public void completed(Void v, Void attachment) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            finish();
            TcpConnection c;
            try {
                c = new TcpConnection(IoRuntime.this, ch, options, lane, null);
            } catch (IOException | RuntimeException x) {
                closeQuietly(ch);
                lane.fail(result, x);
                return;
            }
            lane.execute(() -> {
                if (!result.complete(c)) {
                    c.close();
                }
            });
        }

        @Override
        public void failed(Throwable x, Void attachment) {
            fail(x);
        }

        void fail(Throwable x) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            finish();
            closeQuietly(ch);
            lane.fail(result, x);
        }

        @Override
        public void abort(Throwable cause) {
            fail(cause);
        }

        private void finish() {
            resources.remove(this);
            Cancellable t = timeoutTask;
            if (t != null) {
                t.cancel();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // UDP

    /**
     * Opens a UDP socket bound to {@code local} (port 0 picks a free one) for sending anywhere and
     * receiving from anyone: the shape of a server socket.
     *
     * @throws IOException if opening or binding fails
     * @throws UnsupportedOperationException if {@code SO_REUSEPORT} is asked for and unsupported, or the
     *     runtime has no UDP threads
     */
    public UdpSocket bindUdp(InetSocketAddress local, UdpOptions options) throws IOException {
        Objects.requireNonNull(local, "local");
        return openUdp(local, null, options);
    }

    /**
     * Opens a UDP socket on a fresh ephemeral port, connected to {@code remote}: the kernel then drops
     * datagrams from any other source, and ICMP port-unreachable errors fail a pending receive with
     * {@link java.net.PortUnreachableException}. For one request and its response, {@link #exchangeUdp}
     * is cheaper (no receive queue, no per-socket objects, a socket opened ahead by the selector thread).
     */
    public UdpSocket connectUdp(InetSocketAddress remote, UdpOptions options) throws IOException {
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new java.nio.channels.UnresolvedAddressException();
        }
        return openUdp(null, remote, options);
    }

    /**
     * Opens a UDP socket bound to {@code local}, or, when {@code local} is {@code null}, left for
     * {@code connect} to bind (the JDK binds to the wildcard address and port 0 as it connects): the
     * kernel picks the ephemeral port at random (on Linux a random start and stride over the ephemeral
     * range, RFC 6056 §3.3).
     */
    private UdpSocket openUdp(InetSocketAddress local, InetSocketAddress remote, UdpOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        checkOpen();
        if (udpLoops.length == 0) {
            throw new UnsupportedOperationException("this runtime was built with udpThreads(0)");
        }
        InetSocketAddress side = local != null ? local : remote;
        DatagramChannel ch = DatagramChannel.open(family(side));
        try {
            ch.configureBlocking(false);
            if (options.reuseAddress()) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            if (options.reusePort()) {
                if (!ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new UnsupportedOperationException("SO_REUSEPORT is not supported on this platform");
                }
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            if (options.receiveBufferSize() > 0) {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferSize());
            }
            if (options.sendBufferSize() > 0) {
                ch.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferSize());
            }
            if (local != null || options.reuseAddress() || options.reusePort()) {
                ch.bind(local != null ? local : new InetSocketAddress(remote.getAddress() instanceof Inet6Address
                        ? ANY6 : ANY4, 0));
            }
            if (remote != null) {
                ch.connect(remote);
            }
            return new UdpSocket(this, ch, nextUdpLoop(), options, newLane(), remote);
        } catch (IOException | RuntimeException x) {
            closeQuietly(ch);
            throw x;
        }
    }

    static java.net.ProtocolFamily family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * Sends {@code request} (its remaining bytes, one datagram) to {@code remote} from a UDP socket of
     * its own and completes with the response: the client side of a request/response protocol over UDP
     * (DNS, NTP, SNMP), with the protections RFC 5452 asks of a DNS client. The socket gets a fresh
     * ephemeral port of the kernel's random choice and is connected to {@code remote}, so the kernel
     * drops datagrams from any other address or port and reports an ICMP port unreachable; each datagram
     * that does arrive goes to {@code reader}, on the selector thread, until it accepts one. Whatever
     * ends the exchange — a response, the deadline, an error, cancellation, the runtime's close — closes
     * the socket at once.
     *
     * <p>The promise completes with the reader's value, or fails with: {@link TimeoutException} when
     * {@code timeout} (on the runtime's timer) passes first; {@link java.net.PortUnreachableException}
     * (or another {@code IOException} the socket reports); the {@code IOException} of opening,
     * connecting or sending, at once on the caller's thread; the {@code RuntimeException} the reader
     * threw; {@link ConnectionClosedException} when the runtime closes. Thread: the callback executor
     * (in I/O-thread mode inline: the selector thread, or the timer's thread for a timeout).
     * Cancelling the promise ends the exchange and frees the port.
     *
     * <p>Cost: opening, connecting and sending on the caller's thread; on the selector thread one
     * receive per datagram and the close. One object besides the JDK's channel, no queue, and no
     * selector wake-up unless the selector thread is idle.
     *
     * @throws UnsupportedOperationException if the runtime has no UDP threads
     */
    public <T> Promise<T> exchangeUdp(InetSocketAddress remote, ByteBuffer request, Duration timeout,
            DatagramReader<? extends T> reader) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(request, "request");
        TcpOptions.requirePositive(timeout, "timeout");
        Objects.requireNonNull(reader, "reader");
        if (udpLoops.length == 0) {
            throw new UnsupportedOperationException("this runtime was built with udpThreads(0)");
        }
        if (closed.get()) {
            return Promise.failed(closedException());
        }
        if (remote.isUnresolved()) {
            return Promise.failed(new java.nio.channels.UnresolvedAddressException());
        }
        int i = Math.floorMod(nextLoop.getAndIncrement(), udpLoops.length);
        WarmSockets warm = remote.getAddress() instanceof Inet6Address ? warm6[i] : warm4[i];
        return DatagramExchange.start(this, udpLoops[i], warm, callbackExecutor, remote, request, timeout, reader);
    }

    /** The warm sockets of loop {@code i} (for tests). */
    WarmSockets warmSockets(int i, boolean ipv6) {
        return ipv6 ? warm6[i] : warm4[i];
    }

    void exchangeOpened() {
        openExchanges.incrementAndGet();
    }

    void exchangeClosed() {
        openExchanges.decrementAndGet();
    }

    private SelectorLoop nextUdpLoop() {
        return udpLoops[Math.floorMod(nextLoop.getAndIncrement(), udpLoops.length)];
    }

    // ------------------------------------------------------------------------------------------------
    // Accessors

    /** The timer used for this runtime's timeouts (the runtime's own, or the one passed to the builder). */
    public Timer timer() {
        return timer;
    }

    /**
     * The executor continuations run on: the callback pool or the executor passed to the builder; a
     * direct executor (runs inline) in I/O-thread mode. Handy for moving work "next to" the I/O.
     */
    public Executor callbackExecutor() {
        return callbackExecutor != null ? callbackExecutor : Runnable::run;
    }

    /** Whether continuations run on I/O threads ({@link Builder#callbacksOnIoThreads()}). */
    public boolean callbacksOnIoThreads() {
        return callbackExecutor == null;
    }

    /** The prefix of this runtime's thread names. */
    public String name() {
        return name;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** The number of open listeners, connections, sockets, pending connects and UDP exchanges. */
    public int openResources() {
        return resources.size() + openExchanges.get();
    }

    // ------------------------------------------------------------------------------------------------
    // Close

    /**
     * Closes every listener, connection and socket (pending operations fail with
     * {@link ConnectionClosedException}), then stops and waits for every thread this runtime started: I/O
     * threads, selector threads, its own timer and callback pool (which first runs the completions already
     * handed to it). A timer or executor passed to the builder is not closed. Idempotent. When called from
     * one of the runtime's own threads it does not wait for the threads to end.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ConnectionClosedException cause = closedException();
        for (Resource r : resources.toArray(new Resource[0])) {
            try {
                r.abort(cause);
            } catch (RuntimeException x) {
                LOG.warn("closing {} failed", r, x);
            }
        }
        resources.clear();
        boolean wait = !ownThreads.contains(Thread.currentThread());
        try {
            group.shutdownNow();
        } catch (IOException x) {
            LOG.warn("shutting down the channel group", x);
        }
        for (int i = 0; i < udpLoops.length; i++) {
            warm4[i].close();
            warm6[i].close();
            udpLoops[i].shutdown();
        }
        try {
            if (wait) {
                if (!group.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("{}: I/O threads still running 10 s after close", name);
                }
                for (SelectorLoop l : udpLoops) {
                    if (!l.await(10_000)) {
                        LOG.warn("{}: {} still running 10 s after close", name, l);
                    }
                }
            }
            if (ownedTimer != null) {
                ownedTimer.close();
            }
            if (ownedPool != null) {
                ownedPool.shutdown();
                if (wait && !ownedPool.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("{}: callback threads still running 10 s after close", name);
                }
            }
            if (wait) {
                // A terminated group or pool has signalled its end; its threads may still be exiting.
                // Join them, so that when close returns the threads are gone, not just done.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                for (Thread t : ownThreads) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        LOG.warn("{}: {} still alive 10 s after close", name, t.getName());
                        break;
                    }
                    t.join(left);
                }
            }
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "IoRuntime[" + name + (closed.get() ? ", closed" : ", " + resources.size() + " open") + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // For the connections

    CallbackLane newLane() {
        return callbackExecutor == null ? CallbackLane.direct() : CallbackLane.serialOn(callbackExecutor);
    }

    /** Registers a resource; if the runtime is closing, aborts it and returns false. */
    boolean register(Resource r) {
        resources.add(r);
        if (closed.get()) {
            resources.remove(r);
            r.abort(closedException());
            return false;
        }
        return true;
    }

    void unregister(Resource r) {
        resources.remove(r);
    }

    ConnectionClosedException closedException() {
        return new ConnectionClosedException("I/O runtime " + name + " is closed");
    }

    private void checkOpen() throws ConnectionClosedException {
        if (closed.get()) {
            throw closedException();
        }
    }

    private static InetAddress wildcard(byte[] zeros) {
        try {
            return InetAddress.getByAddress(zeros);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException x) {
            LOG.debug("closing {}", ch, x);
        }
    }

    private enum Mode { OWN_POOL, USER_EXECUTOR, IO_THREADS }

    /** Builds an {@link IoRuntime}; not thread-safe. */
    public static final class Builder {
        private String name = "dunlin";
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int udpThreads = 1;
        private int callbackThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Mode mode = Mode.OWN_POOL;
        private Executor executor;
        private Timer timer;

        private Builder() {
        }

        /** The prefix of thread names (default {@code dunlin}): {@code dunlin-io-1}, ... */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The number of TCP I/O threads (default: the number of processors). */
        public Builder ioThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + n);
            }
            this.ioThreads = n;
            return this;
        }

        /** The number of UDP selector threads (default 1; 0 for a runtime without UDP). */
        public Builder udpThreads(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("udpThreads must not be negative: " + n);
            }
            this.udpThreads = n;
            return this;
        }

        /**
         * Continuations run on a pool of {@code n} threads the runtime owns (the default, with
         * {@code max(2, processors)} threads).
         */
        public Builder callbackThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("callbackThreads must be at least 1: " + n);
            }
            this.callbackThreads = n;
            this.mode = Mode.OWN_POOL;
            this.executor = null;
            return this;
        }

        /**
         * Continuations run on {@code executor}, which the runtime does not own (nor close), one at a time
         * per connection. If it rejects a task, the task runs on the thread that submitted it.
         */
        public Builder callbackExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            this.mode = Mode.USER_EXECUTOR;
            return this;
        }

        /**
         * Continuations run inline on the I/O and selector threads: the fast path, for code that never
         * blocks. See the class comment.
         */
        public Builder callbacksOnIoThreads() {
            this.mode = Mode.IO_THREADS;
            this.executor = null;
            return this;
        }

        /** The timer for timeouts, owned by the caller (default: a timer the runtime owns). */
        public Builder timer(Timer timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** Starts the runtime's threads. */
        public IoRuntime build() throws IOException {
            return new IoRuntime(this);
        }
    }
}
