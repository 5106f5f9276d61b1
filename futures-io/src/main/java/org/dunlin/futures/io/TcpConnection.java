package org.dunlin.futures.io;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.internal.CallbackLane;
import org.dunlin.futures.io.internal.KeepAliveSupport;
import org.dunlin.futures.io.internal.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP connection over an NIO.2 {@link AsynchronousSocketChannel}, from {@link IoRuntime#connect} or
 * {@link TcpListener#incoming()}. See {@link Connection} for the contract of its halves; this class adds
 * socket options and the guards of {@link TcpOptions} (idle and write timeouts, a bounded write queue).
 *
 * <p>Thread-safe. Futures complete on the connection's callback lane (see {@link IoRuntime}).
 */
public final class TcpConnection implements Connection {
    /*
     * Design.
     *
     * Reads: one NIO.2 read at a time (the promise in `pendingRead`); a read's completion is handed to
     * the lane. A cancelled read cannot be taken back from NIO.2, so a shared hook, registered on every
     * promise handed out, aborts the connection when it sees a CancellationException.
     *
     * Writes: a queue guarded by the writer's monitor. The thread that finds the writer idle becomes the
     * "owner" and issues a gathering write of up to MAX_BATCH buffers; the completion handler, as owner,
     * retires the fully written buffers, tops the batch up from the queue and writes again, or goes idle.
     * Completed writes are reported before the next write is issued, so they are reported in order even
     * when NIO.2 invokes the next handler directly on this thread. Nothing runs under the monitor but
     * queue bookkeeping.
     *
     * Closing: each half has its flag; when both are done the channel is closed gracefully. abort()
     * closes the channel at once and fails the pending read, every queued write and a pending shutdown.
     * NIO.2 handlers that fire after that find their promises completed and do nothing.
     *
     * Guards: a Watchdog timer task, re-armed lazily (one task per period, not per operation), checks the
     * last activity (idle timeout) and the age of the write in flight (write timeout).
     */
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final int MAX_BATCH = 64;

    private final IoRuntime runtime;
    private final AsynchronousSocketChannel channel;
    private final TcpOptions options;
    private final CallbackLane lane;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final Runnable onClosed;
    private final Promise<Void> closed = new Promise<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Reader reader = new Reader();
    private final Writer writer = new Writer();
    private final Watchdog watchdog;
    private final Resource resource = this::abort;
    private final BiConsumer<Object, Throwable> cancelHook = (v, x) -> {
        if (x instanceof CancellationException) {
            abort(new ConnectionClosedException("an operation on the connection was cancelled", x));
        }
    };
    private volatile Throwable closeCause;
    private volatile boolean inputDone;
    private volatile boolean outputDone;
    private volatile long lastActivity;

    TcpConnection(IoRuntime runtime, AsynchronousSocketChannel channel, TcpOptions options, CallbackLane lane,
            Runnable onClosed) throws IOException {
        this.runtime = runtime;
        this.channel = channel;
        this.options = options;
        this.lane = lane;
        this.onClosed = onClosed;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.remoteAddress = (InetSocketAddress) channel.getRemoteAddress();
        if (localAddress == null || remoteAddress == null) {
            throw new ConnectionClosedException("the socket closed before the connection was set up");
        }
        boolean guarded = options.idleTimeout() != null || options.writeTimeout() != null;
        this.watchdog = guarded ? new Watchdog(runtime.timer()) : null;
        if (watchdog != null) {
            lastActivity = watchdog.timer.nanoTime();
        }
        if (runtime.register(resource) && watchdog != null) {
            watchdog.arm(watchdog.firstDelay());
        }
    }

    /** Applies the socket options of {@code options} to a channel. */
    static void applyOptions(AsynchronousSocketChannel ch, TcpOptions options) throws IOException {
        ch.setOption(StandardSocketOptions.TCP_NODELAY, options.noDelay());
        ch.setOption(StandardSocketOptions.SO_KEEPALIVE, options.keepAlive());
        if (options.keepAlive()) {
            KeepAliveSupport.apply(ch, options.keepAliveIdle(), options.keepAliveInterval(), options.keepAliveCount());
        }
        if (options.sendBufferSize() > 0) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferSize());
        }
        if (options.receiveBufferSize() > 0) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferSize());
        }
    }

    @Override
    public ReadHalf reader() {
        return reader;
    }

    @Override
    public WriteHalf writer() {
        return writer;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The options this connection was opened with. */
    public TcpOptions options() {
        return options;
    }

    /** The runtime this connection belongs to. */
    public IoRuntime runtime() {
        return runtime;
    }

    /**
     * The executor this connection completes its futures on (its callback lane): serial, in order; a
     * direct executor in I/O-thread mode. Layers above (TLS, framing) complete their own futures here.
     */
    public Executor callbackExecutor() {
        return lane;
    }

    /** Reads a socket option, for example {@code ExtendedSocketOptions.TCP_KEEPIDLE}. */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    /** Sets a socket option on the open connection. */
    public <T> TcpConnection setOption(SocketOption<T> option, T value) throws IOException {
        channel.setOption(option, value);
        return this;
    }

    @Override
    public boolean isOpen() {
        return !closing.get();
    }

    @Override
    public Promise<Void> closed() {
        return closed;
    }

    @Override
    public Throwable closeCause() {
        return closeCause;
    }

    @Override
    public void close() {
        abort(new ConnectionClosedException("connection closed locally"));
    }

    @Override
    public String toString() {
        return "TcpConnection[" + localAddress + " -> " + remoteAddress
                + (closing.get() ? ", closed" : (inputDone ? ", input done" : "") + (outputDone ? ", output done" : ""))
                + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // Closing

    /** Closes at once, failing pending operations with {@code cause} (wrapped if not already a close). */
    void abort(Throwable cause) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        IoRuntime.closeQuietly(channel);
        ConnectionClosedException failure = cause instanceof ConnectionClosedException
                ? (ConnectionClosedException) cause : new ConnectionClosedException("connection closed: " + cause, cause);
        reader.fail(failure);
        writer.failAll(failure);
        LOG.debug("{} aborted: {}", this, cause.toString());
        finish();
    }

    private void maybeFinishGracefully() {
        if (inputDone && outputDone && closing.compareAndSet(false, true)) {
            IoRuntime.closeQuietly(channel);
            finish();
        }
    }

    private void finish() {
        if (watchdog != null) {
            watchdog.cancel();
        }
        runtime.unregister(resource);
        if (onClosed != null) {
            try {
                onClosed.run();
            } catch (RuntimeException x) {
                LOG.warn("close listener of {} failed", this, x);
            }
        }
        lane.complete(closed, null);
    }

    private ConnectionClosedException closedFailure() {
        Throwable cause = closeCause;
        if (cause instanceof ConnectionClosedException) {
            return new ConnectionClosedException(cause.getMessage(), cause);
        }
        return cause == null ? new ConnectionClosedException("connection closed")
                : new ConnectionClosedException("connection closed: " + cause, cause);
    }

    private void activity() {
        if (watchdog != null) {
            lastActivity = watchdog.timer.nanoTime();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reading

    private final class Reader implements ReadHalf, CompletionHandler<Integer, Promise<Integer>> {
        private final AtomicReference<Promise<Integer>> pending = new AtomicReference<>();

        @Override
        public Promise<Integer> read(ByteBuffer dst) {
            Objects.requireNonNull(dst, "dst");
            if (!dst.hasRemaining()) {
                return Promise.failed(new IllegalArgumentException("the buffer has no room"));
            }
            if (closing.get()) {
                return inputDone && closeCause == null ? Promise.completed(-1) : Promise.failed(closedFailure());
            }
            if (inputDone) {
                return Promise.completed(-1);
            }
            Promise<Integer> p = new Promise<>();
            if (!pending.compareAndSet(null, p)) {
                return Promise.failed(new IllegalStateException("a read is already pending on " + TcpConnection.this));
            }
            p.whenComplete(cancelHook);
            try {
                channel.read(dst, p, this);
            } catch (RuntimeException x) {
                failed(x, p);
            }
            return p;
        }

        @Override
        public void completed(Integer n, Promise<Integer> p) {
            pending.compareAndSet(p, null);
            if (n < 0) {
                inputDone = true;
                lane.complete(p, -1);
                maybeFinishGracefully();
                return;
            }
            activity();
            lane.complete(p, n);
        }

        @Override
        public void failed(Throwable x, Promise<Integer> p) {
            pending.compareAndSet(p, null);
            if (closing.get() || x instanceof AsynchronousCloseException) {
                lane.fail(p, closedFailure());
                return;
            }
            abort(x);
            lane.fail(p, x);
        }

        void fail(ConnectionClosedException failure) {
            Promise<Integer> p = pending.getAndSet(null);
            if (p != null) {
                lane.fail(p, failure);
            }
        }

        @Override
        public boolean isClosed() {
            return inputDone || closing.get();
        }

        @Override
        public void close() {
            if (inputDone) {
                return;
            }
            inputDone = true;
            if (!closing.get()) {
                try {
                    channel.shutdownInput();
                } catch (IOException x) {
                    LOG.debug("shutdownInput on {}", TcpConnection.this, x);
                }
            }
            maybeFinishGracefully();
        }

        @Override
        public String toString() {
            return "ReadHalf of " + TcpConnection.this;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Writing

    /** A queued write: the promise handed out, carrying its buffer (one allocation per write). */
    private static final class WriteOp extends Promise<Void> {
        final ByteBuffer src;

        WriteOp(ByteBuffer src) {
            this.src = src;
        }
    }

    private final class Writer implements WriteHalf {
        // Guarded by this.
        private final ArrayDeque<WriteOp> queue = new ArrayDeque<>();
        private final WriteOp[] batch = new WriteOp[MAX_BATCH];
        private final ByteBuffer[] srcs = new ByteBuffer[MAX_BATCH];
        private int batchSize;
        private boolean writing;
        private long queued;
        private Promise<Void> shutdown;
        // Owned by the thread that owns the write in flight.
        private final WriteOp[] retired = new WriteOp[MAX_BATCH];
        /** When the write in flight started or last made progress (timer time), or 0 when idle. */
        volatile long writeSince;

        private final CompletionHandler<Integer, Void> single = new CompletionHandler<>() {
            @Override
            public void completed(Integer n, Void a) {
                written(n);
            }

            @Override
            public void failed(Throwable x, Void a) {
                writeFailed(x);
            }
        };
        private final CompletionHandler<Long, Void> gather = new CompletionHandler<>() {
            @Override
            public void completed(Long n, Void a) {
                written(n);
            }

            @Override
            public void failed(Throwable x, Void a) {
                writeFailed(x);
            }
        };

        @Override
        public Promise<Void> write(ByteBuffer src) {
            Objects.requireNonNull(src, "src");
            WriteOp op = new WriteOp(src);
            int issue = 0;
            Throwable refused = null;
            boolean overflow = false;
            synchronized (this) {
                if (closing.get()) {
                    refused = closedFailure();
                } else if (shutdown != null) {
                    refused = new IllegalStateException("the write half of " + TcpConnection.this + " is shut down");
                } else if (queued > options.maxQueuedWriteBytes()) {
                    overflow = true;
                } else {
                    queue.addLast(op);
                    queued += src.remaining();
                    if (!writing) {
                        writing = true;
                        issue = fill();
                    }
                }
            }
            if (refused != null) {
                return Promise.failed(refused);
            }
            if (overflow) {
                WriteQueueFullException x = new WriteQueueFullException("more than "
                        + options.maxQueuedWriteBytes() + " bytes queued for writing to " + remoteAddress);
                abort(x);
                return Promise.failed(x);
            }
            op.whenComplete(cancelHook);
            if (issue > 0) {
                issue(issue);
            }
            return op;
        }

        /** Moves queued writes into the batch; returns the batch size. Under the monitor. */
        private int fill() {
            while (batchSize < MAX_BATCH) {
                WriteOp op = queue.pollFirst();
                if (op == null) {
                    break;
                }
                batch[batchSize] = op;
                srcs[batchSize] = op.src;
                batchSize++;
            }
            return batchSize;
        }

        private void issue(int n) {
            if (watchdog != null) {
                writeSince = watchdog.timer.nanoTime() | 1;
            }
            try {
                if (n == 1) {
                    channel.write(srcs[0], null, single);
                } else {
                    channel.write(srcs, 0, n, 0L, TimeUnit.MILLISECONDS, null, gather);
                }
            } catch (RuntimeException x) {
                writeFailed(x);
            }
        }

        private void written(long n) {
            int retiredCount = 0;
            int next = 0;
            boolean shutdownNow = false;
            synchronized (this) {
                if (closing.get()) {
                    return;
                }
                queued -= n;
                while (retiredCount < batchSize && !srcs[retiredCount].hasRemaining()) {
                    retired[retiredCount] = batch[retiredCount];
                    retiredCount++;
                }
                int left = batchSize - retiredCount;
                System.arraycopy(batch, retiredCount, batch, 0, left);
                System.arraycopy(srcs, retiredCount, srcs, 0, left);
                for (int i = left; i < batchSize; i++) {
                    batch[i] = null;
                    srcs[i] = null;
                }
                batchSize = left;
                next = fill();
                if (next == 0) {
                    writing = false;
                    writeSince = 0;
                    shutdownNow = shutdown != null && !outputDone;
                }
            }
            if (n > 0) {
                activity();
            }
            report(retiredCount);
            if (next > 0) {
                issue(next);
            } else if (shutdownNow) {
                shutdownOutput();
            }
        }

        /** Completes the retired writes, in order, on the lane. */
        private void report(int count) {
            if (count == 0) {
                return;
            }
            if (lane.isDirect()) {
                for (int i = 0; i < count; i++) {
                    WriteOp op = retired[i];
                    retired[i] = null;
                    op.complete(null);
                }
            } else {
                WriteOp[] done = new WriteOp[count];
                System.arraycopy(retired, 0, done, 0, count);
                java.util.Arrays.fill(retired, 0, count, null);
                lane.execute(() -> {
                    for (WriteOp op : done) {
                        op.complete(null);
                    }
                });
            }
        }

        private void writeFailed(Throwable x) {
            if (closing.get() || x instanceof AsynchronousCloseException) {
                abort(closeCause != null ? closeCause : new ConnectionClosedException("connection closed", x));
                return;
            }
            abort(x);
        }

        void failAll(ConnectionClosedException failure) {
            WriteOp[] pending;
            Promise<Void> sd;
            synchronized (this) {
                pending = new WriteOp[batchSize + queue.size()];
                System.arraycopy(batch, 0, pending, 0, batchSize);
                int i = batchSize;
                for (WriteOp op : queue) {
                    pending[i++] = op;
                }
                java.util.Arrays.fill(batch, 0, batchSize, null);
                java.util.Arrays.fill(srcs, 0, batchSize, null);
                batchSize = 0;
                queue.clear();
                queued = 0;
                writing = false;
                writeSince = 0;
                sd = shutdown;
            }
            if (pending.length > 0 || (sd != null && !sd.isDone())) {
                lane.execute(() -> {
                    for (WriteOp op : pending) {
                        op.completeExceptionally(failure);
                    }
                    if (sd != null) {
                        sd.completeExceptionally(failure);
                    }
                });
            }
        }

        @Override
        public synchronized long queuedBytes() {
            return queued;
        }

        @Override
        public Promise<Void> shutdown() {
            boolean now;
            Promise<Void> p;
            synchronized (this) {
                if (shutdown != null) {
                    return shutdown;
                }
                p = shutdown = new Promise<>();
                now = !writing;
            }
            if (closing.get()) {
                lane.fail(p, closedFailure());
            } else if (now) {
                shutdownOutput();
            }
            return p;
        }

        private void shutdownOutput() {
            Promise<Void> p;
            synchronized (this) {
                p = shutdown;
            }
            try {
                channel.shutdownOutput();
            } catch (IOException x) {
                abort(x);
                lane.fail(p, closedFailure());
                return;
            }
            outputDone = true;
            lane.complete(p, null);
            maybeFinishGracefully();
        }

        @Override
        public String toString() {
            return "WriteHalf of " + TcpConnection.this;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Idle and write timeouts

    private final class Watchdog implements Timer.Task {
        final Timer timer;
        private final long idleNanos;
        private final long writeNanos;
        private volatile Cancellable task;

        Watchdog(Timer timer) {
            this.timer = timer;
            this.idleNanos = options.idleTimeout() == null ? 0 : options.idleTimeout().toNanos();
            this.writeNanos = options.writeTimeout() == null ? 0 : options.writeTimeout().toNanos();
        }

        long firstDelay() {
            long d = Long.MAX_VALUE;
            if (idleNanos > 0) {
                d = idleNanos;
            }
            if (writeNanos > 0) {
                d = Math.min(d, writeNanos);
            }
            return d;
        }

        void arm(long delayNanos) {
            try {
                task = timer.schedule(Duration.ofNanos(Math.max(1, delayNanos)), this);
            } catch (RejectedExecutionException closedTimer) {
                LOG.debug("timer closed; {} is no longer guarded", TcpConnection.this);
            }
            if (closing.get()) {
                cancel();
            }
        }

        void cancel() {
            Cancellable t = task;
            if (t != null) {
                t.cancel();
            }
        }

        @Override
        public void run() {
            if (closing.get()) {
                return;
            }
            long now = timer.nanoTime();
            long next = Long.MAX_VALUE;
            if (idleNanos > 0) {
                long idleFor = now - lastActivity;
                if (idleFor >= idleNanos) {
                    abort(new ConnectionClosedException("connection to " + remoteAddress + " idle for "
                            + options.idleTimeout(), new TimeoutException("idle timeout " + options.idleTimeout())));
                    return;
                }
                next = idleNanos - idleFor;
            }
            if (writeNanos > 0) {
                long since = writer.writeSince;
                if (since != 0) {
                    long stalled = now - since;
                    if (stalled >= writeNanos) {
                        abort(new ConnectionClosedException("write to " + remoteAddress + " made no progress for "
                                + options.writeTimeout(), new TimeoutException("write timeout " + options.writeTimeout())));
                        return;
                    }
                    next = Math.min(next, writeNanos - stalled);
                } else {
                    next = Math.min(next, writeNanos);
                }
            }
            arm(next);
        }

        @Override
        public void discarded() {
            // the runtime's timer closes only when the runtime does, which closes this connection
        }
    }
}
