package org.dunlin.futures.io.proto;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.codec.Framed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multiplexed request/response client in the style of tokio-proto's multiplex: many requests share one
 * connection, each tagged with an ID the response carries back, so responses may come in any order.
 * The shape of a DNS-over-TCP client (RFC 7766 §6.2.1.1: 16-bit message IDs, out-of-order answers).
 *
 * <pre>{@code
 * MultiplexedClient<Message, Message> client = MultiplexedClient.builder(Tagging.of(Message::withId, Message::id))
 *         .requestTimeout(Duration.ofSeconds(2), runtime.timer())
 *         .maxInFlight(100)
 *         .build(Framed.of(connection, messageDecoder, messageEncoder));
 * Promise<Message> answer = client.call(query);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>IDs.</b> Each call gets an ID drawn at random (from the injected generator) among those not in
 *       flight, in {@code [0, idSpace)}; the request is tagged with it before it is sent. A response is
 *       matched by its ID and then by {@link Tagging#matches} (a DNS client checks the question too). A
 *       response matching nothing in flight — unknown ID, late after a timeout, or refused by
 *       {@code matches} — is dropped and counted ({@link #unmatchedResponses()}).</li>
 *   <li><b>Limits.</b> At most {@code maxInFlight} requests are on the wire; further calls wait in order
 *       (at most {@code maxWaiting} of them; beyond that a call fails at once with
 *       {@link RejectedExecutionException}).</li>
 *   <li><b>Timeouts and cancellation.</b> A call's timeout runs from the call, waiting included; when it
 *       fires, or the caller cancels, the call fails (with {@link TimeoutException}, or is cancelled),
 *       its ID is freed and the connection stays open.</li>
 *   <li><b>Closing.</b> When the connection ends or fails, or {@link #close()} is called, every call in
 *       flight or waiting fails with {@link ConnectionClosedException}, and later calls fail at once.</li>
 *   <li><b>Threads.</b> A call's promise completes on the connection's callback lane (response or
 *       close), on the timer's thread (timeout), or on the caller's (immediate failure). Thread-safe.</li>
 * </ul>
 */
public final class MultiplexedClient<Req, Resp> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MultiplexedClient.class);

    /**
     * How requests and responses carry IDs.
     *
     * @param <Req> the request type
     * @param <Resp> the response type
     */
    public interface Tagging<Req, Resp> {
        /** Returns {@code request} carrying {@code id} (a copy, or the same object rewritten). */
        Req tag(Req request, int id);

        /** The ID {@code response} carries. May throw for a malformed response, which is then dropped. */
        int idOf(Resp response);

        /** Whether {@code response} answers {@code request} (beyond the ID); by default, always. */
        default boolean matches(Req request, Resp response) {
            return true;
        }

        /** A tagging from two functions. */
        static <Req, Resp> Tagging<Req, Resp> of(java.util.function.BiFunction<Req, Integer, Req> tag,
                java.util.function.ToIntFunction<Resp> idOf) {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(idOf, "idOf");
            return new Tagging<>() {
                @Override
                public Req tag(Req request, int id) {
                    return tag.apply(request, id);
                }

                @Override
                public int idOf(Resp response) {
                    return idOf.applyAsInt(response);
                }
            };
        }
    }

    private final Tagging<Req, Resp> tagging;
    private final Framed<Resp, Req> framed;
    private final int maxInFlight;
    private final int maxWaiting;
    private final int idSpace;
    private final Duration timeout;
    private final Timer timer;
    private final RandomGenerator random;
    private final Promise<Void> closed = new Promise<>();
    private final Object lock = new Object();

    // Guarded by lock.
    private final Map<Integer, Call<Req, Resp>> inFlight = new HashMap<>();
    private final ArrayDeque<Call<Req, Resp>> waiting = new ArrayDeque<>();
    private boolean shut;
    private Throwable closeCause;
    private long unmatched;

    private MultiplexedClient(Builder<Req, Resp> b, Framed<Resp, Req> framed) {
        this.tagging = b.tagging;
        this.framed = framed;
        this.maxInFlight = b.maxInFlight;
        this.maxWaiting = b.maxWaiting;
        this.idSpace = b.idSpace;
        this.timeout = b.timeout;
        this.timer = b.timer;
        this.random = b.random;
    }

    /** A builder for a client tagging requests with {@code tagging}. */
    public static <Req, Resp> Builder<Req, Resp> builder(Tagging<Req, Resp> tagging) {
        return new Builder<>(tagging);
    }

    private void start() {
        framed.reader().forEach(this::received).whenComplete((v, x) -> shutDown(
                x != null ? x : new ConnectionClosedException("the server closed the connection")));
        framed.connection().closed().whenComplete((v, x) -> shutDown(
                new ConnectionClosedException("connection closed", framed.connection().closeCause())));
    }

    /** Sends {@code request} and returns the promise of its response; see the class comment. */
    public Promise<Resp> call(Req request) {
        Objects.requireNonNull(request, "request");
        Call<Req, Resp> call = new Call<>(request);
        Throwable refused = null;
        boolean send = false;
        synchronized (lock) {
            if (shut) {
                refused = closeCause;
            } else if (inFlight.size() < maxInFlight) {
                assign(call);
                send = true;
            } else if (waiting.size() < maxWaiting) {
                waiting.addLast(call);
            } else {
                refused = new RejectedExecutionException("too many requests: " + maxInFlight + " in flight and "
                        + maxWaiting + " waiting");
            }
        }
        if (refused != null) {
            return Promise.failed(refused instanceof ConnectionClosedException
                    ? new ConnectionClosedException(refused.getMessage(), refused) : refused);
        }
        call.promise.whenComplete((r, x) -> finished(call));
        if (timeout != null) {
            try {
                call.timeoutTask = timer.schedule(timeout, () -> call.promise.completeExceptionally(
                        new TimeoutException("no response within " + timeout)));
            } catch (RejectedExecutionException x) {
                call.promise.completeExceptionally(x);
            }
        }
        if (send) {
            transmit(call);
        }
        return call.promise;
    }

    /** Picks a free ID and records the call in flight. Under the lock. */
    private void assign(Call<Req, Resp> call) {
        int id = -1;
        for (int i = 0; i < 16; i++) {
            int candidate = random.nextInt(idSpace);
            if (!inFlight.containsKey(candidate)) {
                id = candidate;
                break;
            }
        }
        if (id < 0) {
            int start = random.nextInt(idSpace);
            for (int i = 0; i < idSpace; i++) {
                int candidate = (start + i) % idSpace;
                if (!inFlight.containsKey(candidate)) {
                    id = candidate;
                    break;
                }
            }
        }
        call.id = id;
        inFlight.put(id, call);
    }

    private void transmit(Call<Req, Resp> call) {
        if (call.promise.isDone()) {
            return;
        }
        Req tagged;
        try {
            tagged = tagging.tag(call.request, call.id);
        } catch (RuntimeException x) {
            call.promise.completeExceptionally(x);
            return;
        }
        call.tagged = tagged;
        framed.writer().send(tagged).whenComplete((v, x) -> {
            if (x != null) {
                call.promise.completeExceptionally(x);
            }
        });
    }

    /** A call completed (response, timeout, cancel, failure): free its ID and let a waiting call go. */
    private void finished(Call<Req, Resp> call) {
        Cancellable t = call.timeoutTask;
        if (t != null) {
            t.cancel();
        }
        Call<Req, Resp> next = null;
        synchronized (lock) {
            if (call.id >= 0 && inFlight.get(call.id) == call) {
                inFlight.remove(call.id);
            } else {
                waiting.remove(call);
            }
            while (!shut && inFlight.size() < maxInFlight && !waiting.isEmpty()) {
                Call<Req, Resp> c = waiting.pollFirst();
                if (!c.promise.isDone()) {
                    assign(c);
                    next = c;
                    break;
                }
            }
        }
        if (next != null) {
            transmit(next);
        }
    }

    private void received(Resp response) {
        int id;
        try {
            id = tagging.idOf(response);
        } catch (RuntimeException x) {
            LOG.debug("dropping a response whose ID cannot be read", x);
            synchronized (lock) {
                unmatched++;
            }
            return;
        }
        Call<Req, Resp> call;
        synchronized (lock) {
            call = inFlight.get(id);
            if (call == null || call.tagged == null || !matches(call, response)) {
                unmatched++;
                return;
            }
            inFlight.remove(id);
        }
        call.promise.complete(response);
    }

    private boolean matches(Call<Req, Resp> call, Resp response) {
        try {
            return tagging.matches(call.tagged, response);
        } catch (RuntimeException x) {
            return false;
        }
    }

    private void shutDown(Throwable cause) {
        List<Call<Req, Resp>> failed;
        ConnectionClosedException failure = cause instanceof ConnectionClosedException
                ? (ConnectionClosedException) cause : new ConnectionClosedException("connection failed: " + cause, cause);
        synchronized (lock) {
            if (shut) {
                return;
            }
            shut = true;
            closeCause = failure;
            failed = new ArrayList<>(inFlight.values());
            failed.addAll(waiting);
            inFlight.clear();
            waiting.clear();
        }
        for (Call<Req, Resp> c : failed) {
            c.promise.completeExceptionally(new ConnectionClosedException(failure.getMessage(), failure));
        }
        framed.close();
        closed.complete(null);
    }

    /** The number of requests on the wire. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight.size();
        }
    }

    /** The number of calls waiting for a free slot. */
    public int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Responses dropped because they matched no request in flight. */
    public long unmatchedResponses() {
        synchronized (lock) {
            return unmatched;
        }
    }

    /** Whether the client can still take calls. */
    public boolean isOpen() {
        synchronized (lock) {
            return !shut;
        }
    }

    /** Completes once the client is closed (by {@link #close()} or the connection's end). */
    public Promise<Void> closed() {
        return closed;
    }

    /** Closes the connection; every pending call fails with {@link ConnectionClosedException}. */
    @Override
    public void close() {
        shutDown(new ConnectionClosedException("client closed"));
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "MultiplexedClient[" + framed.connection() + ", " + inFlight.size() + " in flight, "
                    + waiting.size() + " waiting" + (shut ? ", closed" : "") + "]";
        }
    }

    private static final class Call<Req, Resp> {
        final Req request;
        final Promise<Resp> promise = new Promise<>();
        int id = -1;
        volatile Req tagged;
        volatile Cancellable timeoutTask;

        Call(Req request) {
            this.request = request;
        }
    }

    /** Builds a {@link MultiplexedClient}; not thread-safe. */
    public static final class Builder<Req, Resp> {
        private final Tagging<Req, Resp> tagging;
        private int maxInFlight = 64;
        private int maxWaiting = 1024;
        private int idSpace = 1 << 16;
        private Duration timeout;
        private Timer timer;
        private RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        private Builder(Tagging<Req, Resp> tagging) {
            this.tagging = Objects.requireNonNull(tagging, "tagging");
        }

        /** The most requests on the wire at once (default 64). */
        public Builder<Req, Resp> maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1: " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** The most calls waiting for a slot (default 1024; 0 fails calls beyond maxInFlight at once). */
        public Builder<Req, Resp> maxWaiting(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxWaiting must not be negative: " + n);
            }
            this.maxWaiting = n;
            return this;
        }

        /** IDs are drawn from {@code [0, n)} (default 65,536: a 16-bit ID). */
        public Builder<Req, Resp> idSpace(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("idSpace must be at least 1: " + n);
            }
            this.idSpace = n;
            return this;
        }

        /** Fails a call with {@link TimeoutException} {@code timeout} after it was made (default: none). */
        public Builder<Req, Resp> requestTimeout(Duration timeout, Timer timer) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** The source of IDs (default: a fresh {@code L64X128MixRandom}); inject a seeded one in tests. */
        public Builder<Req, Resp> random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Starts the client on {@code framed}: it reads responses until the connection ends. */
        public MultiplexedClient<Req, Resp> build(Framed<Resp, Req> framed) {
            Objects.requireNonNull(framed, "framed");
            if (maxInFlight > idSpace) {
                throw new IllegalArgumentException("maxInFlight (" + maxInFlight + ") exceeds idSpace (" + idSpace + ")");
            }
            MultiplexedClient<Req, Resp> c = new MultiplexedClient<>(this, framed);
            c.start();
            return c;
        }
    }
}
