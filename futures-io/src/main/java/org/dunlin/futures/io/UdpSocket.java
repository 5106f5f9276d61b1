package org.dunlin.futures.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import org.dunlin.futures.Cancellable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dunlin.futures.AbstractAsyncStream;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.internal.CallbackLane;
import org.dunlin.futures.io.internal.Resource;
import org.dunlin.futures.io.internal.SelectorLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket: a non-blocking {@link DatagramChannel} bridged to futures through one of the runtime's
 * selector threads. From {@link IoRuntime#bindUdp} (a server's socket) or {@link IoRuntime#connectUdp}
 * (a client's per-query socket).
 *
 * <h2>Receiving</h2>
 * The selector thread reads every datagram as it arrives (so the kernel's buffer does not overflow while
 * the application is busy) into a bounded queue; {@link #receive()} takes the oldest, or waits. When the
 * queue is full, arriving datagrams are dropped and counted ({@link #receiveDrops()}): memory stays
 * bounded and overload is visible. Several {@code receive()} calls may wait at once (served in order);
 * {@link #incoming()} is the same as a stream for one consumer. Cancelling a waiting receive never loses a
 * datagram: one handed to a cancelled receive goes back to the head of the queue.
 *
 * <h2>Sending</h2>
 * {@link #send} tries the kernel at once, on the caller's thread, and returns a shared completed promise
 * when it took the datagram — no allocation beyond the caller's buffer, no thread hop. Only when the
 * kernel's buffer is full is the datagram queued and sent by the selector thread when there is room. UDP
 * keeps no order, and neither does this: a queued datagram may be overtaken. A send that fails (for
 * example an unreachable network) fails its promise; the socket stays open.
 *
 * <p>Thread-safe. Futures complete on the socket's callback lane (see {@link IoRuntime}); in I/O-thread
 * mode, received datagrams are handed over on the selector thread.
 */
public final class UdpSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSocket.class);
    private static final Promise<Void> SENT = Promise.completed(null);
    /** Datagrams read per readiness event before the loop serves other sockets. */
    private static final int READ_BUDGET = 64;
    /** The close state of a socket closed by {@link #close()} (its stream then ends instead of failing). */
    private static final Object CLOSED_LOCALLY = new Object();

    private final IoRuntime runtime;
    private final DatagramChannel channel;
    private final SelectorLoop loop;
    private final UdpOptions options;
    private final CallbackLane lane;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final Promise<Void> closed = new Promise<>();
    /** {@code null} while open; then {@link #CLOSED_LOCALLY} or the cause of an abort. */
    private final AtomicReference<Object> closeState = new AtomicReference<>();
    private final Incoming incoming = new Incoming();
    private final Handler handler = new Handler();

    // Receiving; guarded by rx.
    private final Object rx = new Object();
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>(4);
    private final ArrayDeque<Promise<Datagram>> waiters = new ArrayDeque<>(4);
    private IOException pendingError;
    private long received;
    private long receiveDrops;

    // Sending.
    private final Queue<PendingSend> sendQueue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sendQueued = new AtomicInteger();
    private final AtomicBoolean writeArmed = new AtomicBoolean();
    private final AtomicLong sendDrops = new AtomicLong();

    // Written once by the opening thread, read by the loop.
    private volatile SelectionKey key;

    UdpSocket(IoRuntime runtime, DatagramChannel channel, SelectorLoop loop, UdpOptions options, CallbackLane lane,
            InetSocketAddress remote) throws IOException {
        this.runtime = runtime;
        this.channel = channel;
        this.loop = loop;
        this.options = options;
        this.lane = lane;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.remoteAddress = remote;
        if (!runtime.register(handler)) {
            return;
        }
        // Registered from this thread: no task, and no wake-up unless the loop sleeps (SelectorLoop).
        SelectionKey k;
        try {
            k = loop.register(channel, SelectionKey.OP_READ, handler);
        } catch (IOException | RuntimeException x) {
            abort(x);
            return;
        }
        if (k == null) {
            abort(runtime.closedException());
            return;
        }
        key = k;
    }

    /** The bound local address (with the actual port). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The connected peer, or {@code null} for an unconnected socket. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Reads a socket option. */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    // ------------------------------------------------------------------------------------------------
    // Sending

    /**
     * Sends {@code data} (its remaining bytes, one datagram) to {@code target}; see the class comment.
     * The buffer must not be modified until the promise completes (at once, unless the kernel's buffer was
     * full). Fails with {@link SendQueueFullException} when the send queue is full, the
     * {@code IOException} of a refused send, or {@link ConnectionClosedException} if the socket is closed.
     * For a connected socket, {@code target} must be the connected peer.
     */
    public Promise<Void> send(ByteBuffer data, InetSocketAddress target) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        return doSend(data, remoteAddress != null ? null : target);
    }

    /** Sends {@code data} to the connected peer; see {@link #send(ByteBuffer, InetSocketAddress)}. */
    public Promise<Void> send(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (remoteAddress == null) {
            throw new IllegalStateException("send(data) needs a connected socket; use send(data, target)");
        }
        return doSend(data, null);
    }

    private Promise<Void> doSend(ByteBuffer data, InetSocketAddress target) {
        if (closeState.get() != null) {
            return Promise.failed(closedFailure());
        }
        if (sendQueued.get() == 0) {
            try {
                if (sendNow(data, target)) {
                    return SENT;
                }
            } catch (IOException x) {
                return Promise.failed(x);
            }
        }
        if (sendQueued.incrementAndGet() > options.sendQueueCapacity()) {
            sendQueued.decrementAndGet();
            sendDrops.incrementAndGet();
            return Promise.failed(new SendQueueFullException("UDP send queue of " + localAddress + " is full ("
                    + options.sendQueueCapacity() + " datagrams); datagram dropped"));
        }
        PendingSend ps = new PendingSend(data, target);
        sendQueue.add(ps);
        if (closeState.get() != null) {
            failSends(closedFailure());
        } else if (writeArmed.compareAndSet(false, true)) {
            try {
                loop.execute(this::armWrite);
            } catch (RejectedExecutionException x) {
                abort(runtime.closedException());
            }
        }
        return ps;
    }

    private boolean sendNow(ByteBuffer data, InetSocketAddress target) throws IOException {
        int n = target == null ? channel.write(data) : channel.send(data, target);
        return n > 0 || !data.hasRemaining();
    }

    private void armWrite() {
        SelectionKey k = key;
        if (k != null && k.isValid()) {
            k.interestOps(k.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    /** On the loop: sends what the kernel will take now; keeps OP_WRITE while anything is left. */
    private void flushSends() {
        PendingSend ps;
        while ((ps = sendQueue.peek()) != null) {
            try {
                if (!sendNow(ps.data, ps.target)) {
                    return;
                }
                sendQueue.poll();
                sendQueued.decrementAndGet();
                lane.complete(ps, null);
            } catch (IOException x) {
                sendQueue.poll();
                sendQueued.decrementAndGet();
                lane.fail(ps, x);
            }
        }
        SelectionKey k = key;
        if (k != null && k.isValid()) {
            k.interestOps(k.interestOps() & ~SelectionKey.OP_WRITE);
        }
        writeArmed.set(false);
        if (!sendQueue.isEmpty() && writeArmed.compareAndSet(false, true)) {
            armWrite();
        }
    }

    /** A datagram waiting for room in the kernel's buffer: the promise handed out, carrying its data. */
    private static final class PendingSend extends Promise<Void> {
        final ByteBuffer data;
        final InetSocketAddress target;

        PendingSend(ByteBuffer data, InetSocketAddress target) {
            this.data = data;
            this.target = target;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Receiving

    /**
     * The next datagram: the oldest queued one at once, or the next to arrive. Fails with
     * {@link ConnectionClosedException} when the socket is or gets closed, and, on a connected socket,
     * with {@link PortUnreachableException} when the peer's port answered with ICMP unreachable.
     * Cancelling it gives up the call without losing a datagram. Thread: the socket's callback lane (the
     * selector thread in I/O-thread mode) when it waits; the caller's when a datagram was queued.
     */
    public Promise<Datagram> receive() {
        synchronized (rx) {
            Datagram d = queue.pollFirst();
            if (d != null) {
                return Promise.completed(d);
            }
            if (pendingError != null) {
                IOException x = pendingError;
                pendingError = null;
                return Promise.failed(x);
            }
            if (closeState.get() != null) {
                return Promise.failed(closedFailure());
            }
            if (waiters.size() >= 8) {
                waiters.removeIf(Promise::isDone);
            }
            Promise<Datagram> p = new Promise<>();
            waiters.addLast(p);
            return p;
        }
    }

    /**
     * {@link #receive()} with a deadline: fails with {@link TimeoutException} if no datagram arrives within
     * {@code timeout} (on the runtime's timer). Unlike {@code receive().timeout(...)}, a datagram arriving
     * as the timer fires is never lost: the timeout only wins if it takes the waiting receive out of the
     * queue before a datagram is handed to it. Thread: as {@link #receive()}; the timer's thread on timeout.
     */
    public Promise<Datagram> receive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Promise<Datagram> p = receive();
        if (p.isDone()) {
            return p;
        }
        Cancellable t;
        try {
            t = runtime.timer().schedule(timeout, () -> {
                boolean removed;
                synchronized (rx) {
                    removed = waiters.remove(p);
                }
                if (removed) {
                    lane.fail(p, new TimeoutException("no datagram within " + timeout + " on " + localAddress));
                }
            });
        } catch (RejectedExecutionException x) {
            return p;
        }
        p.whenComplete((d, x) -> t.cancel());
        return p;
    }

    /**
     * The received datagrams as a stream for one consumer (the same queue as {@link #receive()}). It ends
     * when the socket is closed; closing the stream closes the socket.
     */
    public AsyncStream<Datagram> incoming() {
        return incoming;
    }

    /** Datagrams received (including dropped ones). */
    public long receivedCount() {
        synchronized (rx) {
            return received;
        }
    }

    /** Datagrams dropped because the receive queue was full. */
    public long receiveDrops() {
        synchronized (rx) {
            return receiveDrops;
        }
    }

    /** Datagrams waiting in the receive queue. */
    public int queuedDatagrams() {
        synchronized (rx) {
            return queue.size();
        }
    }

    /** Sends refused because the send queue was full. */
    public long sendDrops() {
        return sendDrops.get();
    }

    /** On the loop: reads up to a budget of datagrams. */
    private void readReady() {
        ByteBuffer buf = loop.receiveBuffer();
        for (int i = 0; i < READ_BUDGET; i++) {
            buf.clear();
            SocketAddress from;
            try {
                from = channel.receive(buf);
            } catch (PortUnreachableException x) {
                unreachable(x);
                continue;
            } catch (ClosedChannelException x) {
                return;
            } catch (IOException x) {
                LOG.debug("{}: receive failed", this, x);
                return;
            }
            if (from == null) {
                return;
            }
            buf.flip();
            ByteBuffer copy = ByteBuffer.allocate(buf.remaining());
            copy.put(buf).flip();
            offer(new Datagram(copy, (InetSocketAddress) from));
        }
    }

    private void offer(Datagram d) {
        Promise<Datagram> w;
        synchronized (rx) {
            received++;
            w = waiters.pollFirst();
            if (w == null) {
                if (queue.size() >= options.receiveQueueCapacity()) {
                    receiveDrops++;
                } else {
                    queue.addLast(d);
                }
                return;
            }
        }
        if (lane.isDirect()) {
            handOver(w, d);
        } else {
            Promise<Datagram> to = w;
            lane.execute(() -> handOver(to, d));
        }
    }

    /** Gives {@code d} to {@code w}, or, if it was cancelled, to the next waiter or back to the queue. */
    private void handOver(Promise<Datagram> w, Datagram d) {
        while (!w.complete(d)) {
            synchronized (rx) {
                w = waiters.pollFirst();
                if (w == null) {
                    queue.addFirst(d);
                    return;
                }
            }
        }
    }

    private void unreachable(PortUnreachableException x) {
        Promise<Datagram> w;
        synchronized (rx) {
            w = waiters.pollFirst();
            if (w == null) {
                pendingError = x;
                return;
            }
        }
        lane.fail(w, x);
    }

    private final class Incoming extends AbstractAsyncStream<Datagram> {
        @Override
        protected Promise<Datagram> pull() {
            return receive().orElse(x -> x instanceof ConnectionClosedException && closeState.get() == CLOSED_LOCALLY
                    ? Promise.completed(null) : Promise.failed(x));
        }

        @Override
        protected void onClose() {
            UdpSocket.this.close();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Closing

    /** Whether the socket is open. */
    public boolean isOpen() {
        return closeState.get() == null;
    }

    /** Completes (normally) once the socket is closed. */
    public Promise<Void> closed() {
        return closed;
    }

    /**
     * Closes the socket: waiting receives and queued sends fail with {@link ConnectionClosedException},
     * and {@link #incoming()} ends. Idempotent.
     */
    @Override
    public void close() {
        shut(CLOSED_LOCALLY);
    }

    void abort(Throwable cause) {
        shut(Objects.requireNonNull(cause, "cause"));
    }

    /**
     * Closes once, with {@code how} ({@link #CLOSED_LOCALLY} or the cause). Exceptions are only built
     * when something is waiting for them: closing an idle socket (the usual end of a per-query socket)
     * allocates nothing but the JDK's own close.
     */
    private void shut(Object how) {
        if (!closeState.compareAndSet(null, how)) {
            return;
        }
        Object[] w = null;
        synchronized (rx) {
            if (!waiters.isEmpty()) {
                w = waiters.toArray();
                waiters.clear();
            }
            queue.clear();
        }
        if (w != null || !sendQueue.isEmpty()) {
            ConnectionClosedException failure = closedFailure();
            if (w != null) {
                for (Object p : w) {
                    lane.fail((Promise<?>) p, failure);
                }
            }
            failSends(failure);
        }
        // Closing cancels the key; the selector drops it and releases the descriptor at its next select,
        // which the wake-up makes happen now if the loop is idle.
        IoRuntime.closeQuietly(channel);
        loop.wakeIfSleeping();
        runtime.unregister(handler);
        lane.complete(closed, null);
    }

    private void failSends(ConnectionClosedException failure) {
        PendingSend ps;
        while ((ps = sendQueue.poll()) != null) {
            sendQueued.decrementAndGet();
            lane.fail(ps, failure);
        }
    }

    /** A new exception saying why the socket is closed (each failed operation gets its stack). */
    private ConnectionClosedException closedFailure() {
        Object c = closeState.get();
        if (c == null || c == CLOSED_LOCALLY) {
            return new ConnectionClosedException("socket closed locally");
        }
        if (c instanceof ConnectionClosedException) {
            return new ConnectionClosedException(((Throwable) c).getMessage(), (Throwable) c);
        }
        return new ConnectionClosedException("socket closed: " + c, (Throwable) c);
    }

    @Override
    public String toString() {
        return "UdpSocket[" + localAddress + (remoteAddress != null ? " -> " + remoteAddress : "")
                + (closeState.get() != null ? ", closed" : "") + "]";
    }

    /** Readiness events from the selector loop; also what the runtime closes when it closes. */
    private final class Handler implements SelectorLoop.Handler, Resource {
        @Override
        public void abort(Throwable cause) {
            UdpSocket.this.abort(cause);
        }

        @Override
        public void ready(SelectionKey k) {
            if (k.isReadable()) {
                readReady();
            }
            if (k.isValid() && k.isWritable()) {
                flushSends();
            }
        }

        @Override
        public void loopClosed(Throwable cause) {
            abort(cause != null ? new ConnectionClosedException("selector thread died", cause) : runtime.closedException());
            IoRuntime.closeQuietly(channel);
        }

        @Override
        public String toString() {
            return UdpSocket.this.toString();
        }
    }
}
