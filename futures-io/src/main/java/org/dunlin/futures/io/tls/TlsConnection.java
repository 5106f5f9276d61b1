package org.dunlin.futures.io.tls;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.SequentialScheduler;
import org.dunlin.futures.io.Connection;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.ReadHalf;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.WriteHalf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS over a {@link TcpConnection}, driven by an {@link SSLEngine}: a {@link Connection} like any other,
 * so framing and the request/response helpers work over it unchanged. Start one with {@link #server} or
 * {@link #client}; the promise completes once the handshake is done (or fails with the handshake's
 * {@code SSLException}, or a {@link TimeoutException} after the configured handshake timeout, and the TCP
 * connection is then closed).
 *
 * <p>Half-close: {@link WriteHalf#shutdown()} sends close_notify and then a TCP FIN; a close_notify (or a
 * FIN after the handshake) from the peer is the end of the read stream. Thread-safe; futures complete on
 * the TCP connection's callback lane.
 */
public final class TlsConnection implements Connection {
    /*
     * Design.
     *
     * Every interaction with the engine happens in one pump, run by a SequentialScheduler: never on two
     * threads at once, never recursively, signalled by user calls (read, write, shutdown) and by the TCP
     * connection's completions. So the engine needs no locking and the handshake, application data and
     * close_notify are one state machine. The pump repeats until it makes no progress:
     *   1. absorb bytes a finished TCP read left in `tcpIn` into `netIn`;
     *   2. run delegated tasks inline (certificate checks, including the CertificatePolicy);
     *   3. unwrap `netIn` into `appIn` while there is room;
     *   4. wrap handshake messages, queued application data or close_notify into a fresh buffer and hand
     *      it to the TCP write queue (at most two such writes in flight); a user write completes when the
     *      TCP write holding its last byte completes;
     *   5. copy `appIn` to a waiting read, or report the end of the stream;
     *   6. start a TCP read when the engine or a waiting read needs bytes.
     * State shared with other threads (the user's pending read, the write queue, TCP completions) is
     * guarded by `lock`; everything else belongs to the pump.
     */
    private static final Logger LOG = LoggerFactory.getLogger(TlsConnection.class);
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};
    private static final int MAX_NET_WRITES = 2;
    private static final int MAX_GATHER = 16;

    private final TcpConnection tcp;
    private final SSLEngine engine;
    private final Executor lane;
    private final SequentialScheduler pump = new SequentialScheduler(this::pump);
    private final Promise<TlsConnection> handshake = new Promise<>();
    private final Promise<Void> closed = new Promise<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicInteger netWrites = new AtomicInteger();
    private final Reader reader = new Reader();
    private final Writer writer = new Writer();
    private final BiConsumer<Object, Throwable> cancelHook = (v, x) -> {
        if (x instanceof CancellationException) {
            fail(new ConnectionClosedException("an operation on the TLS connection was cancelled", x));
        }
    };
    private volatile Throwable closeCause;
    private Cancellable handshakeTimer;

    // Guarded by lock.
    private final Object lock = new Object();
    private final ArrayDeque<WriteOp> writes = new ArrayDeque<>();
    private long queuedBytes;
    private Promise<Integer> readPromise;
    private ByteBuffer readDst;
    private boolean tcpReadInFlight;
    private boolean tcpBytesReady;
    private boolean tcpEof;
    private Promise<Void> shutdownPromise;
    private boolean inputClosed;
    private boolean outputDone;

    // Owned by the pump.
    private final ByteBuffer tcpIn;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private boolean needNetData = true;
    private boolean inboundDone;
    private boolean closeNotifyQueued;
    private boolean handshakeDone;

    private TlsConnection(TcpConnection tcp, SSLEngine engine) {
        this.tcp = tcp;
        this.engine = engine;
        this.lane = tcp.callbackExecutor();
        SSLSession s = engine.getSession();
        this.tcpIn = ByteBuffer.allocate(s.getPacketBufferSize());
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize()).flip();
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize()).flip();
    }

    /** Starts the server side of a handshake on {@code tcp}; see the class comment. */
    public static Promise<TlsConnection> server(TcpConnection tcp, TlsConfig config) {
        if (config.isClient()) {
            throw new IllegalArgumentException("a client configuration cannot serve");
        }
        return start(tcp, config);
    }

    /** Starts the client side of a handshake on {@code tcp}; see the class comment. */
    public static Promise<TlsConnection> client(TcpConnection tcp, TlsConfig config) {
        if (!config.isClient()) {
            throw new IllegalArgumentException("a server configuration cannot connect");
        }
        return start(tcp, config);
    }

    private static Promise<TlsConnection> start(TcpConnection tcp, TlsConfig config) {
        Objects.requireNonNull(tcp, "tcp");
        SSLEngine engine;
        try {
            engine = config.newEngine(tcp.remoteAddress());
            engine.beginHandshake();
        } catch (SSLException | RuntimeException x) {
            tcp.close();
            return Promise.failed(x);
        }
        TlsConnection c = new TlsConnection(tcp, engine);
        try {
            c.handshakeTimer = tcp.runtime().timer().schedule(config.handshakeTimeout(), () -> {
                if (!c.handshake.isDone()) {
                    c.fail(new TimeoutException("TLS handshake with " + tcp.remoteAddress() + " took longer than "
                            + config.handshakeTimeout()));
                }
            });
        } catch (RejectedExecutionException x) {
            c.fail(x);
        }
        tcp.closed().whenComplete((v, x) -> {
            if (!c.closing.get()) {
                Throwable cause = tcp.closeCause();
                c.fail(cause != null ? cause : new ConnectionClosedException("the TCP connection closed"));
            }
        });
        c.handshake.whenComplete((v, x) -> {
            if (c.handshake.isCancelled()) {
                c.fail(new ConnectionClosedException("TLS handshake cancelled"));
            }
        });
        c.pump.signal();
        return c.handshake;
    }

    /** The negotiated session (protocol, cipher suite, peer). */
    public SSLSession session() {
        return engine.getSession();
    }

    /** The peer's certificate chain, leaf first; empty if it presented none. */
    public List<X509Certificate> peerCertificates() {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : engine.getSession().getPeerCertificates()) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (SSLPeerUnverifiedException x) {
            return List.of();
        }
    }

    /** The ALPN protocol agreed on, or {@code null} if none was. */
    public String applicationProtocol() {
        String p = engine.getApplicationProtocol();
        return p == null || p.isEmpty() ? null : p;
    }

    /** The TCP connection underneath. */
    public TcpConnection tcp() {
        return tcp;
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
        return tcp.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return tcp.remoteAddress();
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
        fail(new ConnectionClosedException("TLS connection closed locally"));
    }

    @Override
    public String toString() {
        return "TlsConnection[" + tcp.localAddress() + " -> " + tcp.remoteAddress()
                + (handshake.isDone() ? ", " + engine.getSession().getProtocol() : ", handshaking")
                + (closing.get() ? ", closed" : "") + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // The pump

    private void pump() {
        for (int round = 0; round < 10_000; round++) {
            if (closing.get()) {
                return;
            }
            boolean progress;
            try {
                progress = absorb();
                progress |= runTasks();
                progress |= unwrap();
                progress |= wrap();
            } catch (SSLException | RuntimeException x) {
                handshakeFailed(x);
                return;
            }
            progress |= deliver();
            requestBytes();
            if (!progress) {
                return;
            }
        }
        pump.signal();
    }

    private boolean absorb() throws SSLException {
        boolean ready;
        boolean eof;
        synchronized (lock) {
            ready = tcpBytesReady;
            tcpBytesReady = false;
            eof = tcpEof;
        }
        boolean progress = false;
        if (ready) {
            tcpIn.flip();
            if (netIn.capacity() - netIn.remaining() < tcpIn.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(netIn.remaining() + tcpIn.remaining() + 1024);
                bigger.put(netIn).flip();
                netIn = bigger;
            }
            netIn.compact();
            netIn.put(tcpIn);
            netIn.flip();
            tcpIn.clear();
            needNetData = false;
            progress = true;
        }
        if (eof && !inboundDone && needNetData) {
            inboundDone = true;
            try {
                engine.closeInbound();
            } catch (SSLException x) {
                if (!handshakeDone) {
                    throw new SSLException("the peer closed the connection during the TLS handshake", x);
                }
                LOG.debug("{}: the peer closed without close_notify", this);
            }
            progress = true;
        }
        return progress;
    }

    private boolean runTasks() {
        boolean ran = false;
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
            ran = true;
        }
        return ran;
    }

    private boolean unwrap() throws SSLException {
        if (inboundDone || needNetData || !netIn.hasRemaining()) {
            return false;
        }
        HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs == HandshakeStatus.NEED_WRAP || hs == HandshakeStatus.NEED_TASK) {
            return false;
        }
        if (appIn.capacity() - appIn.remaining() < engine.getSession().getApplicationBufferSize()) {
            if (appIn.hasRemaining() && hs == HandshakeStatus.NOT_HANDSHAKING) {
                return false;
            }
            ByteBuffer bigger = ByteBuffer.allocate(appIn.remaining() + engine.getSession().getApplicationBufferSize());
            bigger.put(appIn).flip();
            appIn = bigger;
        }
        appIn.compact();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            appIn.flip();
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW:
                needNetData = true;
                if (netIn.capacity() < engine.getSession().getPacketBufferSize()) {
                    ByteBuffer bigger = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                    bigger.put(netIn).flip();
                    netIn = bigger;
                }
                return false;
            case BUFFER_OVERFLOW:
                ByteBuffer bigger = ByteBuffer.allocate(appIn.remaining() + engine.getSession().getApplicationBufferSize());
                bigger.put(appIn).flip();
                appIn = bigger;
                return true;
            case CLOSED:
                inboundDone = true;
                checkHandshake(r);
                return true;
            default:
                checkHandshake(r);
                if (!netIn.hasRemaining()) {
                    needNetData = true;
                }
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
        }
    }

    private boolean wrap() throws SSLException {
        if (engine.isOutboundDone() || netWrites.get() >= MAX_NET_WRITES) {
            return false;
        }
        HandshakeStatus hs = engine.getHandshakeStatus();
        ByteBuffer[] srcs;
        List<WriteOp> batch = null;
        if (hs == HandshakeStatus.NEED_WRAP) {
            srcs = NOTHING;
        } else if (hs == HandshakeStatus.NOT_HANDSHAKING && handshakeDone) {
            synchronized (lock) {
                if (!writes.isEmpty()) {
                    batch = new ArrayList<>(Math.min(writes.size(), MAX_GATHER));
                    for (WriteOp op : writes) {
                        batch.add(op);
                        if (batch.size() == MAX_GATHER) {
                            break;
                        }
                    }
                } else if (shutdownPromise != null && !closeNotifyQueued) {
                    closeNotifyQueued = true;
                    engine.closeOutbound();
                }
            }
            if (batch != null) {
                srcs = new ByteBuffer[batch.size()];
                for (int i = 0; i < srcs.length; i++) {
                    srcs[i] = batch.get(i).src;
                }
            } else if (closeNotifyQueued && !engine.isOutboundDone()) {
                srcs = NOTHING;
            } else {
                return false;
            }
        } else {
            return false;
        }
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(srcs, out);
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            out = ByteBuffer.allocate(out.capacity() * 2);
            r = engine.wrap(srcs, out);
        }
        List<WriteOp> retired = null;
        if (batch != null && r.bytesConsumed() > 0) {
            synchronized (lock) {
                queuedBytes -= r.bytesConsumed();
                while (!writes.isEmpty() && !writes.peekFirst().src.hasRemaining()) {
                    if (retired == null) {
                        retired = new ArrayList<>(4);
                    }
                    retired.add(writes.pollFirst());
                }
            }
        }
        checkHandshake(r);
        out.flip();
        boolean sentCloseNotify = engine.isOutboundDone() && closeNotifyQueued;
        if (out.hasRemaining()) {
            netWrites.incrementAndGet();
            List<WriteOp> done = retired;
            tcp.writer().write(out).whenComplete((v, x) -> {
                netWrites.decrementAndGet();
                if (x != null) {
                    fail(x);
                    return;
                }
                if (done != null) {
                    for (WriteOp op : done) {
                        op.complete(null);
                    }
                }
                if (sentCloseNotify) {
                    closeNotifySent();
                }
                pump.signal();
            });
        } else if (retired != null) {
            List<WriteOp> done = retired;
            lane.execute(() -> done.forEach(op -> op.complete(null)));
        }
        return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
    }

    private void checkHandshake(SSLEngineResult r) {
        if (!handshakeDone && (r.getHandshakeStatus() == HandshakeStatus.FINISHED
                || (engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING && r.bytesProduced() + r.bytesConsumed() > 0
                        && !"SSL_NULL_WITH_NULL_NULL".equals(engine.getSession().getCipherSuite())))) {
            handshakeDone = true;
            Cancellable t = handshakeTimer;
            if (t != null) {
                t.cancel();
            }
            lane.execute(() -> handshake.complete(this));
        }
    }

    private boolean deliver() {
        Promise<Integer> p;
        int n;
        synchronized (lock) {
            p = readPromise;
            if (p == null) {
                return false;
            }
            if (appIn.hasRemaining()) {
                n = Math.min(appIn.remaining(), readDst.remaining());
                ByteBuffer slice = appIn.duplicate();
                slice.limit(slice.position() + n);
                readDst.put(slice);
                appIn.position(appIn.position() + n);
            } else if (inboundDone || inputClosed) {
                n = -1;
            } else {
                return false;
            }
            readPromise = null;
            readDst = null;
        }
        lane.execute(() -> p.complete(n));
        if (n < 0) {
            inputDone();
        }
        return true;
    }

    private void requestBytes() {
        if (inboundDone || !needNetData) {
            return;
        }
        HandshakeStatus hs = engine.getHandshakeStatus();
        synchronized (lock) {
            boolean wanted = hs == HandshakeStatus.NEED_UNWRAP
                    || (handshakeDone && readPromise != null && !appIn.hasRemaining())
                    || (!handshakeDone && hs == HandshakeStatus.NOT_HANDSHAKING);
            if (!wanted || tcpReadInFlight || tcpEof) {
                return;
            }
            tcpReadInFlight = true;
        }
        tcp.reader().read(tcpIn).whenComplete((n, x) -> {
            if (x != null) {
                fail(x);
                return;
            }
            synchronized (lock) {
                tcpReadInFlight = false;
                if (n < 0) {
                    tcpEof = true;
                } else {
                    tcpBytesReady = true;
                }
            }
            pump.signal();
        });
    }

    // ------------------------------------------------------------------------------------------------
    // Closing

    private void handshakeFailed(Throwable x) {
        if (handshakeDone) {
            fail(x);
            return;
        }
        // Send the alert the engine has for the peer, if any, then close.
        try {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(NOTHING, out);
            out.flip();
            if (out.hasRemaining()) {
                tcp.writer().write(out).whenComplete((v, y) -> fail(x));
                tcp.writer().shutdown();
                return;
            }
        } catch (SSLException | RuntimeException ignored) {
            // no alert to send
        }
        fail(x);
    }

    private void inputDone() {
        boolean both;
        synchronized (lock) {
            inputClosed = true;
            both = outputDone;
        }
        if (both) {
            closeGracefully();
        }
    }

    private void closeNotifySent() {
        tcp.writer().shutdown().whenComplete((v, x) -> {
            Promise<Void> p;
            boolean both;
            synchronized (lock) {
                outputDone = true;
                p = shutdownPromise;
                both = inputClosed;
            }
            if (x != null) {
                fail(x);
                return;
            }
            if (p != null) {
                p.complete(null);
            }
            if (both) {
                closeGracefully();
            }
        });
    }

    private void closeGracefully() {
        if (closing.compareAndSet(false, true)) {
            tcp.close();
            lane.execute(() -> closed.complete(null));
        }
    }

    /** Closes at once, failing everything pending. */
    private void fail(Throwable cause) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        Cancellable t = handshakeTimer;
        if (t != null) {
            t.cancel();
        }
        tcp.close();
        Throwable failure = cause instanceof ConnectionClosedException || !handshake.isDone()
                ? cause : new ConnectionClosedException("TLS connection closed: " + cause, cause);
        List<Promise<?>> pending = new ArrayList<>();
        synchronized (lock) {
            pending.addAll(writes);
            writes.clear();
            queuedBytes = 0;
            if (readPromise != null) {
                pending.add(readPromise);
                readPromise = null;
            }
            if (shutdownPromise != null) {
                pending.add(shutdownPromise);
            }
        }
        lane.execute(() -> {
            handshake.completeExceptionally(cause);
            for (Promise<?> p : pending) {
                p.completeExceptionally(failure);
            }
            closed.complete(null);
        });
        LOG.debug("{} closed: {}", this, cause.toString());
    }

    private ConnectionClosedException closedFailure() {
        Throwable c = closeCause;
        return c == null ? new ConnectionClosedException("TLS connection closed")
                : new ConnectionClosedException("TLS connection closed: " + c, c);
    }

    // ------------------------------------------------------------------------------------------------
    // The halves

    private static final class WriteOp extends Promise<Void> {
        final ByteBuffer src;

        WriteOp(ByteBuffer src) {
            this.src = src;
        }
    }

    private final class Reader implements ReadHalf {
        @Override
        public Promise<Integer> read(ByteBuffer dst) {
            Objects.requireNonNull(dst, "dst");
            if (!dst.hasRemaining()) {
                return Promise.failed(new IllegalArgumentException("the buffer has no room"));
            }
            Promise<Integer> p = new Promise<>();
            synchronized (lock) {
                if (closing.get()) {
                    return inputClosed && closeCause == null ? Promise.completed(-1) : Promise.failed(closedFailure());
                }
                if (inputClosed) {
                    return Promise.completed(-1);
                }
                if (readPromise != null) {
                    return Promise.failed(new IllegalStateException("a read is already pending on " + TlsConnection.this));
                }
                readPromise = p;
                readDst = dst;
            }
            p.whenComplete(cancelHook);
            pump.signal();
            return p;
        }

        @Override
        public boolean isClosed() {
            synchronized (lock) {
                return inputClosed || closing.get();
            }
        }

        @Override
        public void close() {
            Promise<Integer> p;
            boolean both;
            synchronized (lock) {
                if (inputClosed) {
                    return;
                }
                inputClosed = true;
                p = readPromise;
                readPromise = null;
                readDst = null;
                both = outputDone;
            }
            if (p != null) {
                lane.execute(() -> p.complete(-1));
            }
            if (both) {
                closeGracefully();
            }
        }
    }

    private final class Writer implements WriteHalf {
        @Override
        public Promise<Void> write(ByteBuffer src) {
            Objects.requireNonNull(src, "src");
            WriteOp op = new WriteOp(src);
            synchronized (lock) {
                if (closing.get()) {
                    return Promise.failed(closedFailure());
                }
                if (shutdownPromise != null) {
                    return Promise.failed(new IllegalStateException("the write half of " + TlsConnection.this + " is shut down"));
                }
                writes.addLast(op);
                queuedBytes += src.remaining();
            }
            op.whenComplete(cancelHook);
            pump.signal();
            return op;
        }

        @Override
        public long queuedBytes() {
            synchronized (lock) {
                return queuedBytes + tcp.writer().queuedBytes();
            }
        }

        @Override
        public Promise<Void> shutdown() {
            Promise<Void> p;
            synchronized (lock) {
                if (shutdownPromise != null) {
                    return shutdownPromise;
                }
                p = shutdownPromise = new Promise<>();
            }
            if (closing.get()) {
                p.completeExceptionally(closedFailure());
            }
            pump.signal();
            return p;
        }
    }
}
