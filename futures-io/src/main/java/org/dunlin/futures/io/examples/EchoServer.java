package org.dunlin.futures.io.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The echo server: every byte received is written back ({@code ./dunlin example echo --listen ADDR}).
 *
 * <p>Each connection runs a read-then-write loop over one buffer (a write completes before the next
 * read, which is the back-pressure). When the peer ends its stream, the server finishes writing, ends its
 * own and closes; when the peer vanishes mid-write (reset, broken pipe), the connection is closed and
 * counted, and the server carries on with the others.
 */
public final class EchoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EchoServer.class);

    private final TcpListener listener;
    private final Promise<Void> serving;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong echoed = new AtomicLong();

    private EchoServer(TcpListener listener) {
        this.listener = listener;
        this.serving = listener.incoming().forEach(this::echo);
    }

    /** Binds {@code listen} and starts echoing. */
    public static EchoServer start(IoRuntime runtime, InetSocketAddress listen) throws IOException {
        return new EchoServer(runtime.bind(listen));
    }

    private void echo(TcpConnection c) {
        ByteBuffer buf = ByteBuffer.allocateDirect(16 * 1024);
        Futures.loop(Boolean.TRUE, more -> more, more -> c.reader().read(buf.clear()).andThen(n -> {
            if (n < 0) {
                return Promise.completed(Boolean.FALSE);
            }
            echoed.addAndGet(n);
            return c.writer().write(buf.flip()).map(v -> Boolean.TRUE);
        })).andThen(v -> c.writer().shutdown()).whenComplete((v, x) -> {
            c.close();
            if (x != null) {
                failed.incrementAndGet();
                LOG.debug("echo to {} ended: {}", c.remoteAddress(), x.toString());
            } else {
                completed.incrementAndGet();
            }
        });
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return listener.localAddress();
    }

    /** Connections that ended cleanly (the peer ended its stream and got every byte back). */
    public long completedConnections() {
        return completed.get();
    }

    /** Connections that ended with an error (such as the peer resetting mid-write). */
    public long failedConnections() {
        return failed.get();
    }

    /** Bytes echoed so far. */
    public long echoedBytes() {
        return echoed.get();
    }

    /** The number of connections open. */
    public int activeConnections() {
        return listener.activeConnections();
    }

    /** Completes when the listener is closed. */
    public Promise<Void> serving() {
        return serving;
    }

    /** Stops accepting. */
    @Override
    public void close() {
        listener.close();
    }
}
