package org.dunlin.futures.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.internal.SelectorLoop;

/**
 * One request/response exchange over a UDP socket of its own ({@link IoRuntime#exchangeUdp}): the
 * promise handed to the caller, the selector handler of its socket and its deadline task, in one object.
 *
 * <p>Design. Usually the socket comes warm from {@link WarmSockets}: opened and registered by the
 * selector thread ahead of time, unbound, so the caller's thread only connects it (which binds it to a
 * fresh random port), attaches
 * this exchange to its key, schedules the deadline and sends — no registration, no wake-up. When no warm
 * socket is ready, the caller's thread opens one, connects it, sends the request and registers the
 * socket itself ({@link SelectorLoop#register}: no task, and a wake-up only if the loop sleeps); sending
 * before registering lets a fast response already sit in the socket when the selector first looks.
 * The selector thread reads each datagram into its own buffer and hands it to the reader; the first
 * value the reader returns is the result. Nothing is queued, so a flood of strays costs reads, never
 * memory.
 *
 * <p>Every ending — response, reader failure, ICMP error, deadline, cancellation, the runtime's close,
 * or a caller completing the promise by hand — goes through {@link #release()}, whose compare-and-set
 * lets exactly one of them close the socket, cancel the deadline and report the result. Closing the
 * channel cancels its key; the wake-up makes the selector drop it (and the kernel free the port) at
 * once, even when it was idle. Cancellation is the one ending that cannot pass through this class
 * (Promise.cancel is final), so a dependent attached at the start releases the socket on it.
 */
final class DatagramExchange<T> extends Promise<T> implements SelectorLoop.Handler, Timer.Task {
    /** Datagrams read per readiness event: a flood of strays cannot hold the selector thread. */
    private static final int READ_BUDGET = 16;
    private static final VarHandle OPEN;

    static {
        try {
            OPEN = MethodHandles.lookup().findVarHandle(DatagramExchange.class, "open", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoRuntime runtime;
    private final SelectorLoop loop;
    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final Duration timeout;
    private final DatagramReader<? extends T> reader;
    /** Where results are delivered; {@code null} delivers inline (I/O-thread mode). */
    private final Executor callbacks;
    private volatile Cancellable deadline;
    @SuppressWarnings("unused") // through OPEN
    private volatile boolean open = true;

    private DatagramExchange(IoRuntime runtime, SelectorLoop loop, DatagramChannel channel, InetSocketAddress remote,
            Duration timeout, DatagramReader<? extends T> reader, Executor callbacks) {
        this.runtime = runtime;
        this.loop = loop;
        this.channel = channel;
        this.remote = remote;
        this.timeout = timeout;
        this.reader = reader;
        this.callbacks = callbacks;
    }

    /** Opens, connects, sends and registers; see {@link IoRuntime#exchangeUdp} for the contract. */
    static <T> Promise<T> start(IoRuntime runtime, SelectorLoop loop, WarmSockets warm, Executor callbacks,
            InetSocketAddress remote, ByteBuffer request, Duration timeout, DatagramReader<? extends T> reader) {
        SelectionKey key = warm.take();
        if (key != null) {
            return startWarm(runtime, loop, key, callbacks, remote, request, timeout, reader);
        }
        DatagramChannel ch;
        try {
            ch = DatagramChannel.open(IoRuntime.family(remote));
        } catch (IOException | RuntimeException x) {
            return Promise.failed(x);
        }
        try {
            ch.configureBlocking(false);
            // connect binds the socket to an ephemeral port of the kernel's random choice (see openUdp)
            ch.connect(remote);
            if (ch.write(request) == 0 && request.hasRemaining()) {
                throw new IOException("the send buffer of a fresh UDP socket took nothing");
            }
        } catch (IOException | RuntimeException x) {
            IoRuntime.closeQuietly(ch);
            return Promise.failed(x);
        }
        DatagramExchange<T> x = new DatagramExchange<>(runtime, loop, ch, remote, timeout, reader, callbacks);
        runtime.exchangeOpened();
        x.whenComplete((v, e) -> x.release()); // only cancellation (or a hand-made completion) gets here first
        x.begin();
        return x;
    }

    /**
     * On a socket that is already open and registered ({@link WarmSockets}): connect (binding it to a
     * fresh ephemeral port), take over the
     * key, then send — in that order, so that the response cannot arrive before this exchange is the
     * key's handler.
     */
    private static <T> Promise<T> startWarm(IoRuntime runtime, SelectorLoop loop, SelectionKey key, Executor callbacks,
            InetSocketAddress remote, ByteBuffer request, Duration timeout, DatagramReader<? extends T> reader) {
        DatagramChannel ch = (DatagramChannel) key.channel();
        try {
            ch.connect(remote); // binds too: the kernel picks the port now, at random (RFC 6056 §3.3)
        } catch (IOException | RuntimeException x) {
            IoRuntime.closeQuietly(ch);
            loop.wakeIfSleeping();
            return Promise.failed(x);
        }
        DatagramExchange<T> x = new DatagramExchange<>(runtime, loop, ch, remote, timeout, reader, callbacks);
        runtime.exchangeOpened();
        x.whenComplete((v, e) -> x.release());
        if (!x.schedule()) {
            return x;
        }
        key.attach(x);
        try {
            if (ch.write(request) == 0 && request.hasRemaining()) {
                throw new IOException("the send buffer of a fresh UDP socket took nothing");
            }
        } catch (IOException | RuntimeException e) {
            x.finish(null, e);
        }
        return x;
    }

    /** Arms the deadline; false (and the exchange failed) if the timer is closed. */
    private boolean schedule() {
        try {
            deadline = runtime.timer().schedule(timeout, this);
            return true;
        } catch (RejectedExecutionException e) {
            finish(null, runtime.closedException());
            return false;
        }
    }

    private void begin() {
        if (!schedule()) {
            return;
        }
        SelectionKey key;
        try {
            key = loop.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            finish(null, e);
            return;
        }
        if (key == null) {
            finish(null, runtime.closedException());
        }
    }

    /** On the selector thread: reads what arrived, until the reader accepts a datagram or none is left. */
    @Override
    public void ready(SelectionKey key) {
        ByteBuffer buf = loop.receiveBuffer();
        for (int i = 0; i < READ_BUDGET; i++) {
            buf.clear();
            SocketAddress from;
            try {
                from = channel.receive(buf);
            } catch (PortUnreachableException x) {
                finish(null, x); // RFC 1122 §4.1.3.3: the ICMP error the kernel reports on a connected socket
                return;
            } catch (ClosedChannelException x) {
                return; // ended meanwhile, on another thread
            } catch (IOException x) {
                finish(null, x);
                return;
            }
            if (from == null) {
                return;
            }
            buf.flip();
            if (offer(buf)) {
                return;
            }
        }
    }

    /** On the selector thread: one datagram for the reader; returns whether the exchange is over. */
    boolean offer(ByteBuffer datagram) {
        T value;
        try {
            value = reader.read(datagram);
        } catch (RuntimeException x) {
            finish(null, x);
            return true;
        }
        if (value != null) {
            finish(value, null);
            return true;
        }
        return false;
    }

    /** On the selector thread: the socket reported an error while read by someone else ({@link WarmSockets}). */
    void failed(IOException x) {
        finish(null, x);
    }

    @Override
    public void loopClosed(Throwable cause) {
        finish(null, cause != null ? new ConnectionClosedException("selector thread died", cause) : runtime.closedException());
    }

    /** The deadline, on the timer's thread. */
    @Override
    public void run() {
        finish(null, new TimeoutException("no response from " + remote + " within " + timeout));
    }

    /** The timer was closed before the deadline. */
    @Override
    public void discarded() {
        finish(null, new RejectedExecutionException("the timer of " + runtime.name() + " is closed"));
    }

    /** Ends the exchange, if nothing else did: releases the socket, then reports on the callback executor. */
    private void finish(T value, Throwable failure) {
        if (!release()) {
            return;
        }
        if (callbacks == null) {
            settle(value, failure);
            return;
        }
        try {
            callbacks.execute(() -> settle(value, failure));
        } catch (RejectedExecutionException x) {
            settle(value, failure);
        }
    }

    private void settle(T value, Throwable failure) {
        if (failure == null) {
            complete(value);
        } else {
            completeExceptionally(failure);
        }
    }

    /** Closes the socket and cancels the deadline, once; returns whether this call did it. */
    private boolean release() {
        if (!OPEN.compareAndSet(this, true, false)) {
            return false;
        }
        Cancellable d = deadline;
        if (d != null) {
            d.cancel();
        }
        IoRuntime.closeQuietly(channel);
        loop.wakeIfSleeping();
        runtime.exchangeClosed();
        return true;
    }

    @Override
    public String toString() {
        return "UdpExchange[" + remote + ", " + super.toString() + "]";
    }
}
