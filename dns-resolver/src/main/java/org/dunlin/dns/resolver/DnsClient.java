package org.dunlin.dns.resolver;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.dunlin.dns.resolver.internal.BatchedRandom;
import org.dunlin.dns.resolver.internal.ClientCounters;
import org.dunlin.dns.resolver.internal.InFlightLimiter;
import org.dunlin.dns.resolver.internal.Received;
import org.dunlin.dns.resolver.internal.Servers;
import org.dunlin.dns.resolver.internal.TcpChannel;
import org.dunlin.dns.resolver.internal.UdpExchange;
import org.dunlin.dns.resolver.internal.WireQuery;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.IoRuntime;

/**
 * A DNS client for one name server: sends a query and returns the promise of its response, over UDP
 * with TCP for truncated responses (or TCP only), hardened against spoofing as RFC 5452 asks.
 *
 * <h2>What an exchange does</h2>
 * <ol>
 *   <li>Waits for a slot if {@link ClientOptions#maxInFlight()} exchanges are already in flight.</li>
 *   <li>Over UDP: a fresh socket on a random ephemeral port, connected to the server; a random ID from
 *       the client's secure generator; with {@link ClientOptions#randomizeCase()} random letter case in
 *       the question. A response is accepted only from the server's address and port, with the query's
 *       ID and exactly its question; anything else is counted ({@link ClientStats#ignoredResponses()})
 *       and ignored, and the exchange keeps waiting. The socket is closed when the exchange ends.</li>
 *   <li>A truncated UDP response (TC) sends the query again over TCP within the same deadline
 *       (RFC 7766 §5). TCP connections are kept for reuse and shared by concurrent queries, multiplexed
 *       by ID, and closed after {@link ClientOptions#tcpIdleTimeout()} unused.</li>
 *   <li>An EDNS query answered with FORMERR or NOTIMP without an OPT record is sent again without EDNS
 *       (RFC 6891 §7), and the client leaves EDNS out for this server for
 *       {@link ClientOptions#ednsFallbackMemory()}; BADVERS to an EDNS version above 0 retries with the
 *       version the server supports (RFC 6891 §6.1.3).</li>
 * </ol>
 * The query is sent as given otherwise: the caller chooses RD, CD, EDNS payload size and DO. Its ID is
 * replaced.
 *
 * <h2>Contract of {@link #send} and {@link #exchange}</h2>
 * <ul>
 *   <li><b>Thread.</b> The promise completes on the runtime's callback executor — the lane of the socket
 *       or connection (see {@link IoRuntime}), or a task handed to the executor when the deadline passes —
 *       or on the caller's thread when it fails at once. Never on the timer's thread (unless the runtime
 *       runs callbacks on I/O threads, where the executor is inline).</li>
 *   <li><b>Failures.</b> {@link TimeoutException} when no usable response arrived before the deadline;
 *       the {@code IOException} of the transport ({@code PortUnreachableException} for an ICMP port
 *       unreachable, {@code ConnectException} for a refused TCP connection);
 *       {@link ConnectionClosedException} when the client or its runtime is closed. Never a
 *       {@code WireFormatException}: a malformed response is ignored like a spoofed one.</li>
 *   <li><b>Cancellation</b> of the promise ends the exchange and frees its socket (UDP) or its ID (TCP)
 *       at once.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} fails every exchange in flight and closes the TCP connection; the
 * runtime, which the client does not own, stays open.
 */
public final class DnsClient implements AutoCloseable {
    private static final int MAX_RESENDS = 4;

    private final IoRuntime runtime;
    private final InetSocketAddress server;
    private final ClientOptions options;
    private final RandomGenerator random;
    private final Timer timer;
    private final ClientCounters counters = new ClientCounters();
    private final InFlightLimiter limiter;
    private final TcpChannel tcp;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile long noEdnsUntil = Long.MIN_VALUE;
    private volatile boolean noEdns;

    private DnsClient(IoRuntime runtime, InetSocketAddress server, ClientOptions options) {
        this.runtime = runtime;
        this.server = server;
        this.options = options;
        // IDs and 0x20 bits come from the generator's output in batches: as unpredictable, far cheaper
        this.random = new BatchedRandom(options.random().orElseGet(SecureRandom::new));
        this.timer = runtime.timer();
        this.limiter = new InFlightLimiter(options.maxInFlight(), timer, runtime.callbackExecutor());
        this.tcp = new TcpChannel(runtime, server, options.tcpIdleTimeout(), random, counters, options.maxInFlight());
    }

    /** A client of {@code server} with the default options, doing its I/O through {@code runtime}. */
    public static DnsClient create(IoRuntime runtime, InetSocketAddress server) {
        return create(runtime, server, ClientOptions.DEFAULT);
    }

    /** A client of {@code server} with {@code options}, doing its I/O through {@code runtime}. */
    public static DnsClient create(IoRuntime runtime, InetSocketAddress server, ClientOptions options) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(options, "options");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("the server needs an IP address: " + server);
        }
        return new DnsClient(runtime, server, options);
    }

    /**
     * Sends {@code query} (exactly one question) and returns the promise of the response alone; see the
     * class comment for the contract.
     */
    public Promise<Message> exchange(Message query, Duration timeout) {
        return send(query, timeout).map(Reply::message);
    }

    /**
     * Sends {@code query} (exactly one question) and returns the promise of the response with its
     * transport, size and round-trip time, within {@code timeout} from now; see the class comment.
     *
     * @throws IllegalArgumentException if the query does not have exactly one question
     */
    public Promise<Reply> send(Message query, Duration timeout) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(timeout, "timeout");
        if (query.question().size() != 1) {
            throw new IllegalArgumentException("a query has exactly one question, not " + query.question().size());
        }
        if (closed) {
            return Promise.failed(closedException());
        }
        long deadline = timer.nanoTime() + Math.max(0, timeout.toNanos());
        Exchange x = new Exchange(query, deadline);
        Promise<Void> permit = limiter.acquire(timeout);
        if (permit.isDone() && !permit.isCompletedExceptionally()) {
            x.begin();
        } else {
            x.result.whenComplete((r, e) -> permit.cancel(true));
            permit.whenComplete((v, e) -> {
                if (e != null) {
                    if (e instanceof TimeoutException) {
                        counters.timeouts.increment();
                    }
                    x.result.completeExceptionally(e);
                } else if (x.result.isDone()) {
                    limiter.release();
                } else {
                    x.begin();
                }
            });
        }
        return x.result;
    }

    /** The server this client talks to. */
    public InetSocketAddress server() {
        return server;
    }

    /** The options. */
    public ClientOptions options() {
        return options;
    }

    /** The counters since creation. */
    public ClientStats stats() {
        return counters.snapshot(tcp.droppedResponses());
    }

    /** Exchanges in flight now (not counting those waiting for a slot). */
    public int inFlight() {
        return inFlight.size();
    }

    /** Whether a TCP connection to the server is open. */
    public boolean hasTcpConnection() {
        return tcp.isConnected();
    }

    /**
     * Closes the client: exchanges in flight fail with {@link ConnectionClosedException}, the TCP
     * connection closes, later calls fail at once. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        ConnectionClosedException cause = closedException();
        for (Exchange x : new ArrayList<>(inFlight)) {
            x.fail(cause);
        }
        tcp.close();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "DnsClient[" + Servers.format(server) + ", " + inFlight.size() + " in flight" + (closed ? ", closed" : "") + "]";
    }

    private ConnectionClosedException closedException() {
        return new ConnectionClosedException("DNS client for " + Servers.format(server) + " is closed");
    }

    private boolean ednsSuppressed() {
        return noEdns && timer.nanoTime() - noEdnsUntil < 0;
    }

    /** One query's way through UDP, TCP and fallbacks; {@code result} is what the caller holds. */
    private final class Exchange {
        final Message original;
        final long deadline;
        final Promise<Reply> result = new Promise<>();
        volatile Promise<Received> current;
        boolean truncated;
        int sends;

        Exchange(Message original, long deadline) {
            this.original = original;
            this.deadline = deadline;
        }

        /** Has a slot: registers and sends the first query. */
        void begin() {
            inFlight.add(this);
            result.whenComplete((r, e) -> {
                end(); // a cancelled result ends here; every other ending has ended already
                cancelTransport();
            });
            if (closed) {
                fail(closedException());
                return;
            }
            Message q = original;
            if (q.edns().isPresent() && ednsSuppressed()) {
                q = q.toBuilder().edns(null).build();
            }
            go(q, options.tcpOnly() ? Transport.TCP : Transport.UDP);
        }

        /**
         * Frees the slot and forgets the exchange, once (the removal from {@code inFlight} is the guard):
         * before the result completes, so that whoever sees the result also sees the slot free, or after a
         * cancelled result.
         */
        void end() {
            if (inFlight.remove(this)) {
                limiter.release();
            }
        }

        /** Cancels the transport's query if it is still running (after the result is complete). */
        void cancelTransport() {
            Promise<Received> c = current;
            if (c != null && !c.isDone()) {
                c.cancel(true);
            }
        }

        void succeed(Reply r) {
            end();
            result.complete(r);
        }

        void fail(Throwable x) {
            end();
            result.completeExceptionally(x);
            cancelTransport();
        }

        void go(Message q, Transport t) {
            if (result.isDone()) {
                return;
            }
            if (deadline - timer.nanoTime() <= 0) {
                counters.timeouts.increment();
                fail(new TimeoutException("no response from " + Servers.format(server) + " in time"));
                return;
            }
            if (++sends > MAX_RESENDS) {
                // TC over TCP, or fallback after fallback: the server answers nothing usable
                fail(new java.io.IOException("no usable response from " + Servers.format(server)
                        + " after " + MAX_RESENDS + " tries (truncation or EDNS fallback loop)"));
                return;
            }
            Promise<Received> p;
            try {
                if (t == Transport.UDP) {
                    p = UdpExchange.start(runtime, server, WireQuery.of(q, random, options.randomizeCase()), deadline, counters);
                } else {
                    p = tcp.call(WireQuery.of(q, random, false), deadline);
                }
            } catch (RuntimeException e) {
                p = Promise.failed(e);
            }
            current = p;
            if (result.isDone()) {
                p.cancel(true);
                return;
            }
            p.whenComplete((r, x) -> received(q, t, r, x));
        }

        void received(Message q, Transport t, Received r, Throwable x) {
            if (result.isDone()) {
                return;
            }
            if (x != null) {
                if (x instanceof TimeoutException) {
                    counters.timeouts.increment();
                    if (t == Transport.UDP) {
                        x = UdpExchange.timeout(server);
                    }
                }
                fail(x);
                return;
            }
            counters.responses.increment();
            Message m = r.message();
            if (t == Transport.UDP && m.isSet(Flag.TC)) {
                counters.truncated.increment();
                truncated = true;
                go(q, Transport.TCP);
                return;
            }
            Edns sent = q.edns().orElse(null);
            if (sent != null && options.ednsFallback() && m.edns().isEmpty()
                    && (m.rcode().equals(Rcode.FORMERR) || m.rcode().equals(Rcode.NOTIMP))) {
                // RFC 6891 §7: a server that does not know EDNS answers FORMERR or NOTIMP without an OPT
                counters.ednsFallbacks.increment();
                noEdnsUntil = timer.nanoTime() + options.ednsFallbackMemory().toNanos();
                noEdns = true;
                go(q.toBuilder().edns(null).build(), t);
                return;
            }
            if (sent != null && m.rcode().equals(Rcode.BADVERS) && m.edns().isPresent()
                    && m.edns().get().version() < sent.version()) {
                // RFC 6891 §6.1.3: the responder's OPT carries the highest version it implements
                Edns e = m.edns().get();
                counters.ednsFallbacks.increment();
                go(q.toBuilder().edns(new Edns(sent.udpPayloadSize(), e.version(), sent.flags(), sent.options())).build(), t);
                return;
            }
            Reply reply = new Reply(restoreCase(m), server, t, r.size(), Duration.ofNanos(r.rttNanos()), false);
            succeed(truncated ? reply.afterTruncation() : reply);
        }

        /** Undoes 0x20: the caller sees its question, and records owned by the question name in its case. */
        Message restoreCase(Message m) {
            Question asked = original.question().get(0);
            if (m.question().isEmpty() || m.question().get(0).name().equalsExactly(asked.name())) {
                return m;
            }
            Name sent = m.question().get(0).name();
            Message.Builder b = m.toBuilder().clearQuestions().question(asked).clearRecords();
            b.answer(fix(m.answer(), sent, asked.name()));
            b.authority(fix(m.authority(), sent, asked.name()));
            b.additional(fix(m.additional(), sent, asked.name()));
            return b.build();
        }

        List<Record> fix(List<Record> records, Name sent, Name asked) {
            List<Record> out = new ArrayList<>(records.size());
            for (Record rec : records) {
                out.add(rec.owner().equalsExactly(sent) ? rec.withOwner(asked) : rec);
            }
            return out;
        }
    }
}
