package org.dunlin.futures.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.ShutdownChannelGroupException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.internal.CallbackLane;
import org.dunlin.futures.io.internal.Resource;
import org.dunlin.futures.io.internal.SingleFlightStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound TCP listener, from {@link IoRuntime#bind}. Connections come out of {@link #incoming()}, one
 * accept at a time as the consumer asks (pull-based: an application that stops asking stops accepting,
 * and the kernel's backlog fills). Connection limits are enforced here (see {@link ListenerOptions}).
 *
 * <p>A failing accept that is not the listener's closing (for example "too many open files") is logged
 * and retried after a short pause instead of ending the stream: a server must outlive a burst of clients.
 *
 * <p>Thread-safe. The stream's items complete on the listener's callback lane (see {@link IoRuntime}).
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(50);

    private final IoRuntime runtime;
    private final AsynchronousServerSocketChannel channel;
    private final ListenerOptions options;
    private final InetSocketAddress localAddress;
    private final CallbackLane lane;
    private final Incoming incoming = new Incoming();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Resource resource = cause -> close();

    TcpListener(IoRuntime runtime, AsynchronousServerSocketChannel channel, ListenerOptions options) throws IOException {
        this.runtime = runtime;
        this.channel = channel;
        this.options = options;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.lane = runtime.newLane();
        runtime.register(resource);
    }

    /** The address the listener is bound to (with the actual port when bound to port 0). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The options it was bound with. */
    public ListenerOptions options() {
        return options;
    }

    /**
     * The accepted connections, as a stream for one consumer. It ends when the listener is closed, and
     * closing the stream closes the listener. Cancelling a pending {@code next()} does not lose a
     * connection: an accept that completes afterwards is kept for the following call.
     */
    public AsyncStream<TcpConnection> incoming() {
        return incoming;
    }

    /** The number of connections accepted and still open. */
    public int activeConnections() {
        return active.get();
    }

    /** The number of connections accepted and handed out, since the listener was bound. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** The number of connections closed at once because of a connection limit. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** Whether the listener is closed. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops accepting: the port is released and {@link #incoming()} ends. Connections already accepted
     * stay open (close them, or the runtime). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        IoRuntime.closeQuietly(channel);
        runtime.unregister(resource);
        incoming.listenerClosed();
    }

    @Override
    public String toString() {
        return "TcpListener[" + localAddress + ", " + active.get() + " active" + (closed.get() ? ", closed" : "") + "]";
    }

    /** Admits a new connection under the limits, or returns false (and counts it rejected). */
    private boolean admit(InetAddress client) {
        if (active.incrementAndGet() > options.maxConnections()) {
            active.decrementAndGet();
            return false;
        }
        AtomicInteger n = perAddress.computeIfAbsent(client, a -> new AtomicInteger());
        if (n.incrementAndGet() > options.maxConnectionsPerAddress()) {
            release(client);
            return false;
        }
        return true;
    }

    private void release(InetAddress client) {
        active.decrementAndGet();
        perAddress.computeIfPresent(client, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** The accept loop, as a stream; completions keep an accepted connection if its next() was cancelled. */
    private final class Incoming extends SingleFlightStream<TcpConnection>
            implements CompletionHandler<AsynchronousSocketChannel, Void> {

        @Override
        protected Promise<TcpConnection> finished() {
            return closed.get() ? endOfStream() : null;
        }

        @Override
        protected Object start() {
            accept();
            return null;
        }

        private void accept() {
            try {
                channel.accept(null, this);
            } catch (ShutdownChannelGroupException | RejectedExecutionException x) {
                listenerClosed();
            } catch (RuntimeException x) {
                failed(x, null);
            }
        }

        @Override
        public void completed(AsynchronousSocketChannel ch, Void a) {
            InetSocketAddress remote;
            try {
                remote = (InetSocketAddress) ch.getRemoteAddress();
            } catch (IOException x) {
                IoRuntime.closeQuietly(ch);
                accept();
                return;
            }
            if (remote == null || !admit(remote.getAddress())) {
                rejected.incrementAndGet();
                IoRuntime.closeQuietly(ch);
                LOG.debug("{}: rejected a connection from {} (connection limit)", TcpListener.this, remote);
                accept();
                return;
            }
            TcpConnection c;
            InetAddress client = remote.getAddress();
            try {
                TcpConnection.applyOptions(ch, options.connectionOptions());
                c = new TcpConnection(runtime, ch, options.connectionOptions(), runtime.newLane(), () -> release(client));
            } catch (IOException | RuntimeException x) {
                release(client);
                IoRuntime.closeQuietly(ch);
                LOG.debug("{}: dropped a connection being set up", TcpListener.this, x);
                accept();
                return;
            }
            accepted.incrementAndGet();
            lane.execute(() -> deliver(c));
        }

        @Override
        public void failed(Throwable x, Void a) {
            if (closed.get() || x instanceof AsynchronousCloseException || x instanceof ClosedChannelException
                    || x instanceof ShutdownChannelGroupException) {
                listenerClosed();
                return;
            }
            LOG.warn("{}: accept failed, retrying in {}", TcpListener.this, ACCEPT_RETRY, x);
            try {
                runtime.timer().schedule(ACCEPT_RETRY, () -> {
                    if (closed.get()) {
                        listenerClosed();
                    } else {
                        accept();
                    }
                });
            } catch (RejectedExecutionException closedTimer) {
                listenerClosed();
            }
        }

        void listenerClosed() {
            Promise<TcpConnection> to = abandon();
            if (to != null) {
                lane.complete(to, null);
            }
        }

        @Override
        protected void onClose() {
            TcpListener.this.close();
            if (takeCarried() instanceof TcpConnection c) {
                c.close();
            }
        }
    }
}
