package org.dunlin.futures.io.proto;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.Framed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request/response server in the style of tokio-proto's pipeline: on each connection, requests are
 * read as frames and handed to the handler as they arrive — up to {@link Builder#maxInFlight} at once —
 * and each response is written as soon as it may be: in request order ({@link Order#REQUEST_ORDER}, what
 * line protocols need) or as soon as it is ready ({@link Order#COMPLETION_ORDER}, what DNS over TCP
 * allows, RFC 7766 §6.2.1.1).
 *
 * <pre>{@code
 * PipelinedServer<String, String> doubler = PipelinedServer.<String, String>builder(line -> double(line))
 *         .maxInFlight(32)
 *         .idleTimeout(Duration.ofSeconds(10), runtime.timer())
 *         .build();
 * doubler.serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
 * }</pre>
 *
 * <h2>Life of a connection</h2>
 * Reading stops when the peer ends its stream, when no request arrives within the idle timeout (RFC 7766
 * §6.2.3), or when a request cannot be decoded ({@link Builder#onReadError} may answer it). Requests in
 * flight are then finished and their responses written; then the output is shut down and the connection
 * closed — after a linger (see {@link Builder#linger}) in which input still arriving is read and dropped,
 * so that closing with unread input does not make the kernel reset the connection and destroy responses
 * the peer has not read yet. A handler that fails answers with {@link Builder#onHandlerError}, or, without one, closes the
 * connection. When the peer reads responses more slowly than they come, reading pauses while more than
 * {@link Builder#maxQueuedBytes} wait to be written, so memory stays bounded.
 *
 * <p>Threads: the handler is called on the connection's callback lane (the thread that decoded the
 * request); return a future for slow work. Responses may complete on any thread. Thread-safe; one server
 * serves any number of connections.
 */
public final class PipelinedServer<Req, Resp> {
    private static final Logger LOG = LoggerFactory.getLogger(PipelinedServer.class);
    /** The linger of a server with an idle timeout and no {@link Builder#linger} of its own. */
    public static final Duration DEFAULT_LINGER = Duration.ofSeconds(1);

    /** In which order responses are written. */
    public enum Order {
        /** In the order the requests arrived (head-of-line blocking, as HTTP/1.1 pipelining). */
        REQUEST_ORDER,
        /** As soon as each is ready. */
        COMPLETION_ORDER
    }

    final Function<? super Req, ? extends CompletionStage<Resp>> handler;
    final int maxInFlight;
    final Order order;
    final Duration idleTimeout;
    final Timer timer;
    final BiFunction<? super Req, ? super Throwable, ? extends Resp> onHandlerError;
    final Function<? super Throwable, ? extends Resp> onReadError;
    final long maxQueuedBytes;
    /** How long to read and drop input after the output is shut, before closing (null: close at once). */
    final Duration linger;
    /** The timer of {@link #linger} (the idle timer unless set apart). */
    final Timer lingerTimer;
    private final AtomicInteger active = new AtomicInteger();

    private PipelinedServer(Builder<Req, Resp> b) {
        this.handler = b.handler;
        this.maxInFlight = b.maxInFlight;
        this.order = b.order;
        this.idleTimeout = b.idleTimeout;
        this.timer = b.timer;
        this.onHandlerError = b.onHandlerError;
        this.onReadError = b.onReadError;
        this.maxQueuedBytes = b.maxQueuedBytes;
        if (b.lingerTimer != null) {
            this.linger = b.linger.isZero() ? null : b.linger;
            this.lingerTimer = b.lingerTimer;
        } else if (b.timer != null) {
            this.linger = DEFAULT_LINGER;
            this.lingerTimer = b.timer;
        } else {
            this.linger = null;
            this.lingerTimer = null;
        }
    }

    /** A builder for a server whose handler maps each request to a future response. */
    public static <Req, Resp> Builder<Req, Resp> builder(Function<? super Req, ? extends CompletionStage<Resp>> handler) {
        return new Builder<>(handler);
    }

    /**
     * Serves one framed connection; the promise completes when the connection is closed (normally, even
     * when the connection failed). Cancelling it closes the connection.
     */
    public Promise<Void> serve(Framed<Req, Resp> framed) {
        Objects.requireNonNull(framed, "framed");
        active.incrementAndGet();
        Pipeline<Req, Resp> p = new Pipeline<>(this, framed);
        p.done.whenComplete((v, x) -> active.decrementAndGet());
        p.start();
        return p.done;
    }

    /**
     * Accepts connections from {@code listener} until it is closed, frames each with {@code framing}
     * (which may be asynchronous, such as a TLS handshake; a failure closes that connection), and serves
     * each. The promise completes when the listener's stream ends; cancelling it closes the listener
     * (connections already accepted carry on).
     */
    public Promise<Void> serve(TcpListener listener,
            Function<? super TcpConnection, ? extends CompletionStage<? extends Framed<Req, Resp>>> framing) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(framing, "framing");
        return listener.incoming().forEach(c -> {
            CompletionStage<? extends Framed<Req, Resp>> f;
            try {
                f = framing.apply(c);
            } catch (RuntimeException x) {
                LOG.debug("framing {} failed", c, x);
                c.close();
                return;
            }
            f.whenComplete((framed, x) -> {
                if (x != null) {
                    LOG.debug("framing {} failed", c, x);
                    c.close();
                } else {
                    serve(framed);
                }
            });
        });
    }

    /** The number of connections being served. */
    public int activeConnections() {
        return active.get();
    }

    @Override
    public String toString() {
        return "PipelinedServer[" + order + ", maxInFlight=" + maxInFlight + ", " + active.get() + " active]";
    }

    /** Builds a {@link PipelinedServer}; not thread-safe. */
    public static final class Builder<Req, Resp> {
        private final Function<? super Req, ? extends CompletionStage<Resp>> handler;
        private int maxInFlight = 16;
        private Order order = Order.REQUEST_ORDER;
        private Duration idleTimeout;
        private Timer timer;
        private BiFunction<? super Req, ? super Throwable, ? extends Resp> onHandlerError;
        private Function<? super Throwable, ? extends Resp> onReadError;
        private long maxQueuedBytes = 256 * 1024;
        private Duration linger;
        private Timer lingerTimer;

        private Builder(Function<? super Req, ? extends CompletionStage<Resp>> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** The most requests of one connection being handled or waiting to be written (default 16). */
        public Builder<Req, Resp> maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1: " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** The order responses are written in (default {@link Order#REQUEST_ORDER}). */
        public Builder<Req, Resp> order(Order order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Stops reading from a connection when no complete request arrives within {@code timeout} of the
         * previous one (or of the connection's start), measured on {@code timer}; the connection is closed
         * once the requests in flight are answered. A peer trickling a request byte by byte is caught too.
         */
        public Builder<Req, Resp> idleTimeout(Duration timeout, Timer timer) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
            }
            this.idleTimeout = timeout;
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** The response for a request whose handler failed (default: none, the connection is closed). */
        public Builder<Req, Resp> onHandlerError(BiFunction<? super Req, ? super Throwable, ? extends Resp> fn) {
            this.onHandlerError = Objects.requireNonNull(fn, "fn");
            return this;
        }

        /**
         * A last response for input that could not be decoded (such as a line too long), written after
         * the responses in flight and before closing (default: none).
         */
        public Builder<Req, Resp> onReadError(Function<? super Throwable, ? extends Resp> fn) {
            this.onReadError = Objects.requireNonNull(fn, "fn");
            return this;
        }

        /** Reading pauses while more than this many bytes wait to be written (default 256 KiB). */
        public Builder<Req, Resp> maxQueuedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxQueuedBytes must be positive: " + bytes);
            }
            this.maxQueuedBytes = bytes;
            return this;
        }

        /**
         * After the last response is written and the output shut, reads and drops whatever the peer
         * still sends — until it closes its side, or for at most {@code linger} on {@code timer} — and
         * only then closes the connection. Closing a TCP socket with unread input makes the kernel send
         * a reset instead of an orderly close (RFC 1122 §4.2.2.13), and a reset can make the peer's
         * kernel drop responses it has received but its application has not yet read: a client that
         * pipelined requests past an idle timeout would lose answers. Zero closes at once. Default:
         * {@link #DEFAULT_LINGER} on the idle timer when {@link #idleTimeout} is set, otherwise none.
         */
        public Builder<Req, Resp> linger(Duration linger, Timer timer) {
            Objects.requireNonNull(linger, "linger");
            if (linger.isNegative()) {
                throw new IllegalArgumentException("linger must not be negative: " + linger);
            }
            this.linger = linger;
            this.lingerTimer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** The server. */
        public PipelinedServer<Req, Resp> build() {
            return new PipelinedServer<>(this);
        }
    }
}
