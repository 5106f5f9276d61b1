package org.dunlin.dns.resolver.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.DatagramReader;
import org.dunlin.futures.io.IoRuntime;

/**
 * One query over UDP, hardened as RFC 5452 §9 asks, on futures-io's
 * {@link IoRuntime#exchangeUdp exchange}: a socket of its own on a fresh ephemeral port of the kernel's
 * random choice, connected to the server (the kernel drops datagrams from any other address or port,
 * and an ICMP port unreachable fails the query), a random ID and optionally 0x20 case chosen by the
 * caller ({@link WireQuery}), and every datagram that does not match ({@link ResponseMatcher}) or does
 * not decode is counted and ignored while the query keeps waiting until its deadline.
 *
 * <p>This object is the exchange's reader: it runs on the selector thread for each datagram, checks ID,
 * flags and question on the raw bytes first — a stray costs a few comparisons — and decodes only a
 * match. The promise completes on the runtime's callback executor (the selector thread in I/O-thread
 * mode), the timer's thread at the deadline (handed to the executor) or the caller's (immediate
 * failure). However it ends — response, timeout, error, cancellation — the socket is closed, so a
 * cancelled query frees its port at once.
 */
public final class UdpExchange implements DatagramReader<Received> {
    private final WireQuery query;
    private final ClientCounters counters;
    private final Timer timer;
    private final long sentAt;

    private UdpExchange(WireQuery query, ClientCounters counters, Timer timer, long sentAt) {
        this.query = query;
        this.counters = counters;
        this.timer = timer;
        this.sentAt = sentAt;
    }

    /**
     * Sends {@code query} to {@code server} and waits for its response until {@code deadline} (timer
     * nanos). Fails with a {@link TimeoutException} at the deadline.
     */
    public static Promise<Received> start(IoRuntime runtime, InetSocketAddress server, WireQuery query, long deadline,
            ClientCounters counters) {
        Timer timer = runtime.timer();
        long now = timer.nanoTime();
        if (deadline - now <= 0) {
            return Promise.failed(timeout(server));
        }
        counters.udpQueries.increment();
        try {
            return runtime.exchangeUdp(server, query.datagram(), Duration.ofNanos(deadline - now),
                    new UdpExchange(query, counters, timer, now));
        } catch (RuntimeException e) {
            return Promise.failed(e);
        }
    }

    /** On the selector thread: the response if {@code datagram} is one, else {@code null} (counted). */
    @Override
    public Received read(ByteBuffer datagram) {
        if (!ResponseMatcher.matches(datagram, query)) {
            counters.ignored.increment();
            return null;
        }
        int size = datagram.remaining();
        Message m;
        try {
            m = Message.fromWire(datagram);
        } catch (WireFormatException e) {
            counters.malformed.increment();
            return null;
        }
        return new Received(m, size, timer.nanoTime() - sentAt);
    }

    /** The timeout of a UDP query to {@code server}, as the resolver words it. */
    public static TimeoutException timeout(InetSocketAddress server) {
        return new TimeoutException("no response from " + Servers.format(server) + " over UDP");
    }
}
