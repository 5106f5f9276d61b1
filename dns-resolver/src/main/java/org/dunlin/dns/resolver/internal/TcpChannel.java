package org.dunlin.dns.resolver.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpOptions;
import org.dunlin.futures.io.codec.CodecException;
import org.dunlin.futures.io.codec.Decoder;
import org.dunlin.futures.io.codec.Encoder;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LengthPrefixedCodec;
import org.dunlin.futures.io.proto.MultiplexedClient;

/**
 * DNS over TCP to one server (RFC 7766): one connection at a time, opened on first use, shared by every
 * query in flight and multiplexed by message ID (futures-io's {@link MultiplexedClient}: responses may
 * come in any order, RFC 7766 §6.2.1.1), closed after {@code idleTimeout} without queries (§6.2.3) and
 * reopened on demand.
 *
 * <p>A response is accepted when its ID and question match a query in flight ({@link ResponseMatcher});
 * others, and responses that do not decode, are dropped and counted while the query waits. Each call has
 * its own deadline; when it passes, or the caller cancels, the call's ID is freed and the connection
 * stays. A server may close an idle connection just as a query is sent on it; a call on a reused
 * connection that fails because the connection closed is retried once on a new one, within its deadline.
 *
 * <p>Thread-safe. Calls complete on the connection's callback lane, the timer's thread (deadline) or the
 * caller's (immediate failure).
 */
public final class TcpChannel implements AutoCloseable {
    private static final LengthPrefixedCodec FRAMING = new LengthPrefixedCodec();

    private final IoRuntime runtime;
    private final InetSocketAddress server;
    private final Duration idleTimeout;
    private final RandomGenerator random;
    private final ClientCounters counters;
    private final Timer timer;
    private final java.util.concurrent.Executor callbacks;
    private final int maxInFlight;
    private final AtomicLong droppedOnClosedConnections = new AtomicLong();
    private final Object lock = new Object();
    private Promise<Conn> current;
    private boolean closed;

    public TcpChannel(IoRuntime runtime, InetSocketAddress server, Duration idleTimeout, RandomGenerator random,
            ClientCounters counters, int maxInFlight) {
        this.runtime = runtime;
        this.server = server;
        this.idleTimeout = idleTimeout;
        this.random = random;
        this.counters = counters;
        this.timer = runtime.timer();
        this.callbacks = runtime.callbackExecutor();
        this.maxInFlight = Math.min(maxInFlight, 65535);
    }

    /** Sends {@code query} and waits for its response until {@code deadline} (timer nanos). */
    public Promise<Received> call(WireQuery query, long deadline) {
        Promise<Received> result = new Promise<>();
        Cancellable deadlineTask;
        try {
            // the timeout is handed to the callback executor: user code never runs on the timer's thread
            deadlineTask = timer.schedule(Duration.ofNanos(Math.max(0, deadline - timer.nanoTime())),
                    () -> callbacks.execute(() -> result.completeExceptionally(timeout())));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionClosedException("the timer is closed", e));
            return result;
        }
        result.whenComplete((r, x) -> deadlineTask.cancel());
        attempt(query, deadline, result, true);
        return result;
    }

    private void attempt(WireQuery query, long deadline, Promise<Received> result, boolean mayRetry) {
        long left = deadline - timer.nanoTime();
        if (left <= 0) {
            result.completeExceptionally(timeout());
            return;
        }
        Promise<Conn> conn;
        try {
            conn = connection(Duration.ofNanos(left));
        } catch (ConnectionClosedException e) {
            result.completeExceptionally(e);
            return;
        }
        Promise<Conn> mine = conn.copy();
        result.whenComplete((r, x) -> mine.cancel(true));
        mine.whenComplete((c, x) -> {
            if (x != null) {
                result.completeExceptionally(x);
            } else if (!result.isDone()) {
                c.call(query, deadline, result, mayRetry);
            }
        });
    }

    /** The current connection (connecting if needed); the caller gets a copy it may cancel. */
    private Promise<Conn> connection(Duration connectTimeout) throws ConnectionClosedException {
        synchronized (lock) {
            if (closed) {
                throw new ConnectionClosedException("DNS client for " + Servers.format(server) + " is closed");
            }
            Promise<Conn> c = current;
            if (c != null && (!c.isDone() || (!c.isCompletedExceptionally() && c.getNow(null).client.isOpen()))) {
                return c;
            }
            Promise<Conn> fresh = runtime.connect(server, connectTimeout, TcpOptions.builder().noDelay(true).build())
                    .map(this::open);
            current = fresh;
            fresh.whenComplete((v, x) -> {
                if (x != null) {
                    forget(fresh);
                }
            });
            return fresh;
        }
    }

    private Conn open(TcpConnection connection) {
        counters.tcpConnections.increment();
        Framed<TcpReply, WireQuery> framed = Framed.of(connection, DECODER, ENCODER);
        MultiplexedClient<WireQuery, TcpReply> client = MultiplexedClient.builder(TAGGING)
                .maxInFlight(maxInFlight)
                .maxWaiting(65535)
                .random(random)
                .build(framed);
        Conn c = new Conn(client);
        synchronized (lock) {
            if (closed) {
                client.close();
            }
        }
        client.closed().whenComplete((v, x) -> {
            droppedOnClosedConnections.addAndGet(client.unmatchedResponses());
            c.closed = true;
            synchronized (lock) {
                if (current != null && current.isDone() && !current.isCompletedExceptionally()
                        && current.getNow(null) == c) {
                    current = null;
                }
            }
        });
        return c;
    }

    private void forget(Promise<Conn> p) {
        synchronized (lock) {
            if (current == p) {
                current = null;
            }
        }
    }

    /** Responses dropped by the TCP clients (unknown ID, wrong question, undecodable). */
    public long droppedResponses() {
        long n = droppedOnClosedConnections.get();
        synchronized (lock) {
            Promise<Conn> c = current;
            if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
                Conn conn = c.getNow(null);
                if (!conn.closed) {
                    n += conn.client.unmatchedResponses();
                }
            }
        }
        return n;
    }

    /** Whether a connection is open now. */
    public boolean isConnected() {
        synchronized (lock) {
            Promise<Conn> c = current;
            return c != null && c.isDone() && !c.isCompletedExceptionally() && c.getNow(null).client.isOpen();
        }
    }

    /** Closes the connection; calls in flight fail with {@link ConnectionClosedException}. */
    @Override
    public void close() {
        Promise<Conn> c;
        synchronized (lock) {
            closed = true;
            c = current;
            current = null;
        }
        if (c != null) {
            c.cancel(true);
            c.whenComplete((conn, x) -> {
                if (conn != null) {
                    conn.client.close();
                }
            });
        }
    }

    private TimeoutException timeout() {
        return new TimeoutException("no response from " + Servers.format(server) + " over TCP");
    }

    /** One connection: its multiplexed client, its use count and its idle timer. */
    private final class Conn {
        final MultiplexedClient<WireQuery, TcpReply> client;
        volatile boolean closed;
        private int active;
        private boolean used;
        private Cancellable idleTask;

        Conn(MultiplexedClient<WireQuery, TcpReply> client) {
            this.client = client;
        }

        void call(WireQuery query, long deadline, Promise<Received> result, boolean mayRetry) {
            boolean reused;
            synchronized (this) {
                active++;
                reused = used;
                used = true;
                if (idleTask != null) {
                    idleTask.cancel();
                    idleTask = null;
                }
            }
            counters.tcpQueries.increment();
            long sentAt = timer.nanoTime();
            Promise<TcpReply> call = client.call(query);
            result.whenComplete((r, x) -> {
                call.cancel(true);
                idle();
            });
            call.whenComplete((reply, x) -> {
                if (x == null) {
                    result.complete(new Received(reply.message, reply.size, timer.nanoTime() - sentAt));
                } else if (reused && mayRetry && x instanceof ConnectionClosedException && !result.isDone()) {
                    forgetIfCurrent(this);
                    attempt(query, deadline, result, false);
                } else {
                    result.completeExceptionally(x);
                }
            });
        }

        private void idle() {
            synchronized (this) {
                if (--active > 0 || closed) {
                    return;
                }
                if (idleTask != null) {
                    idleTask.cancel();
                }
                Cancellable[] self = new Cancellable[1];
                try {
                    self[0] = timer.schedule(idleTimeout, () -> {
                        synchronized (this) {
                            if (active > 0 || idleTask != self[0]) {
                                return;
                            }
                            idleTask = null;
                        }
                        client.close();
                    });
                    idleTask = self[0];
                } catch (RejectedExecutionException e) {
                    client.close();
                }
            }
        }
    }

    private void forgetIfCurrent(Conn c) {
        synchronized (lock) {
            if (current != null && current.isDone() && !current.isCompletedExceptionally() && current.getNow(null) == c) {
                current = null;
            }
        }
    }

    /** A response frame: its bytes and the decoded message, or null if it does not decode. */
    private static final class TcpReply {
        final ByteBuffer raw;
        final Message message;
        final int size;

        TcpReply(ByteBuffer raw, Message message) {
            this.raw = raw;
            this.message = message;
            this.size = raw.remaining();
        }
    }

    private static final Decoder<TcpReply> DECODER = buf -> {
        ByteBuffer frame = FRAMING.decode(buf);
        if (frame == null) {
            return null;
        }
        Message m;
        try {
            m = Message.fromWire(frame);
        } catch (WireFormatException e) {
            m = null;
        }
        return new TcpReply(frame, m);
    };

    private static final Encoder<WireQuery> ENCODER = q -> {
        try {
            return FRAMING.encode(ByteBuffer.wrap(q.bytes()));
        } catch (CodecException e) {
            throw e;
        }
    };

    private static final MultiplexedClient.Tagging<WireQuery, TcpReply> TAGGING = new MultiplexedClient.Tagging<>() {
        @Override
        public WireQuery tag(WireQuery request, int id) {
            return request.withId(id);
        }

        @Override
        public int idOf(TcpReply response) {
            if (response.size < 2) {
                throw new IllegalArgumentException("response shorter than an ID");
            }
            return (response.raw.get(0) & 0xFF) << 8 | response.raw.get(1) & 0xFF;
        }

        @Override
        public boolean matches(WireQuery request, TcpReply response) {
            return response.message != null && ResponseMatcher.matches(response.raw, request);
        }
    };
}
