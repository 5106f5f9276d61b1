package org.dunlin.futures.io;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunlin.futures.io.internal.SelectorLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP sockets opened ahead of need for {@link IoRuntime#exchangeUdp}, one pool per selector loop and
 * address family: each is open, non-blocking and already registered with the loop's selector, but not
 * bound, so an exchange only connects (which binds it to a fresh ephemeral port) and sends.
 *
 * <p>Why. A socket opened on the caller's thread must be registered with the selector before its
 * response can be seen, and the JDK applies a registration only at the start of a select: when the
 * selector thread sleeps, every query costs a wake-up (an eventfd write, a context switch, often the
 * caller preempted by the woken thread on a small machine). A warm socket is in the epoll set before
 * the query exists, so the response itself is the only thing that wakes the selector. Opening, binding
 * and registering move to the selector thread, in batches, off the caller's critical path; one refill
 * task (and at most one wake-up) serves half a pool's worth of queries. The pool starts at
 * {@link #TARGET} sockets and doubles, up to {@link #MAX_TARGET}, whenever callers find it empty, so a
 * runtime with hundreds of queries in flight keeps enough ready.
 *
 * <p>Security is unchanged (RFC 5452 §9.2, §10): an idle socket holds no port. The kernel picks the
 * port at random when the exchange connects, just before the query is sent, and the socket serves
 * exactly one query and is closed when its exchange ends. So a port exists only while its query is in
 * flight, as with a socket opened for the query: binding ahead would leave idle ports open for as long
 * as they wait, for an off-path attacker to find by probing (the ICMP side channel of "SadDNS",
 * CVE-2020-25705) before the query that uses them is even sent. An unbound socket receives nothing;
 * should a datagram be read here after an exchange took the socket, it is handed to that exchange,
 * which attaches itself before it sends.
 *
 * <p>Thread-safe: {@link #take} from any thread; refills, reads and closing on the loop thread.
 */
final class WarmSockets implements SelectorLoop.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(WarmSockets.class);
    /** Sockets kept ready at first (file descriptors held per loop and family once exchanges are used). */
    static final int TARGET = 16;
    /** The most kept ready: the target doubles up to this each time callers find the pool empty. */
    static final int MAX_TARGET = 128;
    private static final int STRAY_BUDGET = 16;

    private final IoRuntime runtime;
    private final SelectorLoop loop;
    private final ProtocolFamily family;
    private final ConcurrentLinkedQueue<SelectionKey> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicBoolean refillQueued = new AtomicBoolean();
    /** How many to keep ready: grows with demand (see {@link #take}), never shrinks, at most {@link #MAX_TARGET}. */
    private volatile int target = TARGET;
    /** Set once the pool was first filled: only then does an empty pool mean demand outgrew it. */
    private volatile boolean primed;
    private final Runnable refill = this::refill;
    private volatile boolean closed;

    WarmSockets(IoRuntime runtime, SelectorLoop loop, boolean ipv6) {
        this.runtime = runtime;
        this.loop = loop;
        this.family = ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * The key of a warm socket (its attachment is this pool until the caller attaches its own handler),
     * or {@code null} if none is ready; asks the loop for more when few are left.
     */
    SelectionKey take() {
        SelectionKey k = idle.poll();
        int t = target;
        if (k != null) {
            ready.decrementAndGet();
        } else if (primed && t < MAX_TARGET && ready.get() == 0) {
            target = Math.min(MAX_TARGET, t * 2); // more in flight than the pool covers: keep more ready (racy, harmless)
        }
        if (ready.get() < t / 2 && !closed && refillQueued.compareAndSet(false, true)) {
            try {
                loop.execute(refill);
            } catch (RejectedExecutionException x) {
                refillQueued.set(false);
            }
        }
        return k;
    }

    /** On the loop: opens and registers sockets up to the target (unbound: see the class comment). */
    private void refill() {
        try {
            while (ready.get() < target && !closed && !runtime.isClosed()) {
                DatagramChannel ch = DatagramChannel.open(family);
                SelectionKey k;
                try {
                    ch.configureBlocking(false);
                    k = loop.register(ch, SelectionKey.OP_READ, this);
                } catch (IOException | RuntimeException x) {
                    IoRuntime.closeQuietly(ch);
                    throw x;
                }
                if (k == null) {
                    IoRuntime.closeQuietly(ch);
                    return;
                }
                idle.add(k);
                ready.incrementAndGet();
            }
        } catch (IOException | RuntimeException x) {
            LOG.debug("warming UDP sockets on {} failed; exchanges open their own meanwhile", loop, x);
        } finally {
            primed = true;
            refillQueued.set(false);
        }
    }

    /** On the loop: an idle socket is readable. Drops strays; hands a late read to the exchange that took it. */
    @Override
    public void ready(SelectionKey key) {
        DatagramChannel ch = (DatagramChannel) key.channel();
        ByteBuffer buf = loop.receiveBuffer();
        for (int i = 0; i < STRAY_BUDGET; i++) {
            if (key.attachment() != this) {
                ((SelectorLoop.Handler) key.attachment()).ready(key);
                return;
            }
            buf.clear();
            try {
                if (ch.receive(buf) == null) {
                    return;
                }
            } catch (IOException x) {
                Object owner = key.attachment();
                if (owner instanceof DatagramExchange) {
                    ((DatagramExchange<?>) owner).failed(x);
                }
                return;
            }
            Object owner = key.attachment();
            if (owner != this) {
                // taken meanwhile: the exchange attached itself before sending, so this may be its answer
                buf.flip();
                ((DatagramExchange<?>) owner).offer(buf);
                return;
            }
        }
    }

    /** The loop is closing: every idle socket is closed. */
    @Override
    public void loopClosed(Throwable cause) {
        close();
    }

    /** Closes the idle sockets and stops refilling. Idempotent. */
    void close() {
        closed = true;
        SelectionKey k;
        while ((k = idle.poll()) != null) {
            ready.decrementAndGet();
            IoRuntime.closeQuietly(k.channel());
        }
    }

    /** Sockets ready now. */
    int readyCount() {
        return ready.get();
    }

    /** The idle sockets (for tests). */
    java.util.List<DatagramChannel> idleChannels() {
        java.util.List<DatagramChannel> channels = new java.util.ArrayList<>();
        for (SelectionKey k : idle) {
            channels.add((DatagramChannel) k.channel());
        }
        return channels;
    }

    @Override
    public String toString() {
        return "WarmSockets[" + family + ", " + ready.get() + " ready on " + loop + "]";
    }
}
