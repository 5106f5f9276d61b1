package org.dunlin.dns.resolver.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.Datagram;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.UdpOptions;
import org.dunlin.futures.io.UdpSocket;

/**
 * One query over UDP, hardened as RFC 5452 §9 asks: a socket of its own on a fresh ephemeral port,
 * connected to the server (the kernel drops datagrams from any other address or port, and an ICMP port
 * unreachable fails the receive), a random ID and optionally 0x20 case chosen by the caller
 * ({@link WireQuery}), and every datagram that does not match ({@link ResponseMatcher}) or does not
 * decode is counted and ignored while the query keeps waiting until its deadline.
 *
 * <p>The returned promise completes on the socket's callback lane (a datagram), the timer's thread
 * (deadline) or the caller's (immediate failure). Completing it in any way — response, timeout, error,
 * cancellation — closes the socket, so a cancelled query frees its port at once.
 */
public final class UdpExchange {
    /** Per-query sockets hold few datagrams: a flood of strays is dropped by the socket, not buffered. */
    private static final UdpOptions SOCKET_OPTIONS = UdpOptions.builder().receiveQueueCapacity(32).sendQueueCapacity(4).build();

    private final UdpSocket socket;
    private final WireQuery query;
    private final long deadline;
    private final Timer timer;
    private final ClientCounters counters;
    private final InetSocketAddress server;
    private final Promise<Received> result = new Promise<>();
    private long sentAt;

    private UdpExchange(UdpSocket socket, WireQuery query, long deadline, Timer timer, ClientCounters counters,
            InetSocketAddress server) {
        this.socket = socket;
        this.query = query;
        this.deadline = deadline;
        this.timer = timer;
        this.counters = counters;
        this.server = server;
    }

    /** Sends {@code query} to {@code server} and waits for its response until {@code deadline} (timer nanos). */
    public static Promise<Received> start(IoRuntime runtime, InetSocketAddress server, WireQuery query, long deadline,
            ClientCounters counters) {
        UdpSocket socket;
        try {
            socket = runtime.connectUdp(server, SOCKET_OPTIONS);
        } catch (IOException | RuntimeException e) {
            return Promise.failed(e);
        }
        UdpExchange x = new UdpExchange(socket, query, deadline, runtime.timer(), counters, server);
        x.result.whenComplete((r, e) -> socket.close());
        counters.udpQueries.increment();
        x.sentAt = x.timer.nanoTime();
        socket.send(query.datagram()).whenComplete((v, e) -> {
            if (e != null) {
                x.result.completeExceptionally(e);
            }
        });
        x.receiveNext();
        return x.result;
    }

    /** Receives until a matching response, an error or the deadline; loops without recursion while datagrams are queued. */
    private void receiveNext() {
        for (;;) {
            if (result.isDone()) {
                return;
            }
            long left = deadline - timer.nanoTime();
            if (left <= 0) {
                result.completeExceptionally(timeout());
                return;
            }
            Promise<Datagram> p = socket.receive(Duration.ofNanos(left));
            if (!p.isDone()) {
                p.whenComplete((d, x) -> {
                    if (!handle(d, x)) {
                        receiveNext();
                    }
                });
                return;
            }
            Datagram d = null;
            Throwable x = null;
            try {
                d = p.join();
            } catch (RuntimeException e) {
                x = Promise.unwrap(e);
            }
            if (handle(d, x)) {
                return;
            }
        }
    }

    /** Returns true when the exchange is over. */
    private boolean handle(Datagram d, Throwable x) {
        if (x != null) {
            result.completeExceptionally(x instanceof TimeoutException ? timeout() : x);
            return true;
        }
        long rtt = timer.nanoTime() - sentAt;
        if (!server.equals(d.sender()) || !ResponseMatcher.matches(d.data(), query)) {
            counters.ignored.increment();
            return false;
        }
        Message m;
        try {
            m = Message.fromWire(d.data());
        } catch (WireFormatException e) {
            counters.malformed.increment();
            return false;
        }
        result.complete(new Received(m, d.length(), rtt));
        return true;
    }

    private TimeoutException timeout() {
        return new TimeoutException("no response from " + Servers.format(server) + " over UDP");
    }
}
