package org.dunlin.dns.authority.internal;

import java.nio.ByteBuffer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.Datagram;
import org.dunlin.futures.io.UdpSocket;

/**
 * Serves one UDP socket: receives each datagram, answers it into the worker's own workspace and sends
 * the answer from there. With the runtime's callbacks on I/O threads, all of it runs on the socket's
 * selector thread as the datagram is read — no hand-off, no lock, one reused response buffer; the send
 * goes straight to the kernel on that thread.
 *
 * <p>The receive loop is a trampoline: datagrams already queued are handled in a loop, and a pending
 * receive continues the loop from its completion, so the stack never grows with the traffic. The loop
 * ends when the socket is closed ({@link #finished()} then completes).
 */
public final class UdpWorker {
    private final UdpSocket socket;
    private final QueryEngine engine;
    private final Workspace ws;
    private final Promise<Void> finished = new Promise<>();
    private ByteBuffer outView;

    /** A worker answering on {@code socket} with {@code engine}, using {@code ws} (its own). */
    public UdpWorker(UdpSocket socket, QueryEngine engine, Workspace ws) {
        this.socket = socket;
        this.engine = engine;
        this.ws = ws;
        this.outView = ByteBuffer.wrap(ws.out.buffer());
    }

    /** Starts receiving. */
    public void start() {
        pump();
    }

    /** Completes when the socket has closed and the loop has ended. */
    public Promise<Void> finished() {
        return finished;
    }

    /** The socket served. */
    public UdpSocket socket() {
        return socket;
    }

    private void pump() {
        while (true) {
            Promise<Datagram> p = socket.receive();
            if (!p.isDone()) {
                p.whenComplete(this::received);
                return;
            }
            if (p.isCompletedExceptionally()) {
                finished.complete(null);
                return;
            }
            answer(p.join());
        }
    }

    private void received(Datagram d, Throwable failure) {
        if (failure != null) {
            finished.complete(null); // the socket is closed
            return;
        }
        answer(d);
        pump();
    }

    private void answer(Datagram d) {
        ByteBuffer data = d.data();
        int len;
        try {
            len = engine.answer(ws, data.array(), data.arrayOffset() + data.position(), data.remaining(), false,
                    d.sender().getAddress());
        } catch (RuntimeException x) {
            // A bug, not bad input (the parser rejects bad input): count it and keep serving.
            ws.counters.dropped++;
            org.slf4j.LoggerFactory.getLogger(UdpWorker.class).error("answering a query from {} failed", d.sender(), x);
            return;
        }
        if (len < 0) {
            return;
        }
        ByteBuffer o = outView;
        o.limit(len).position(0);
        Promise<Void> sent = socket.send(o, d.sender());
        if (!sent.isDone()) {
            // The kernel's buffer was full and the datagram is queued: it owns the buffer now.
            ws.out.replaceBuffer();
            outView = ByteBuffer.wrap(ws.out.buffer());
            sent.whenComplete((v, x) -> {
                if (x != null) {
                    ws.counters.sendFailed();
                }
            });
        } else if (sent.isCompletedExceptionally()) {
            ws.counters.sendFailed();
        }
    }
}
