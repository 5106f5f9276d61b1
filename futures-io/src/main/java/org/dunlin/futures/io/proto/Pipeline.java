package org.dunlin.futures.io.proto;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.SequentialScheduler;
import org.dunlin.futures.TimeoutAction;
import org.dunlin.futures.io.codec.FrameSink;
import org.dunlin.futures.io.codec.Framed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link PipelinedServer}.
 *
 * <p>Design. Every event — a request decoded, a response ready, the write queue drained below its limit,
 * the reader ended — updates the state under {@code lock} and signals a {@link SequentialScheduler}. Its
 * pump decides under the lock and acts outside it: it writes the responses that may go (the finished
 * head of the request-ordered queue, or every finished response), asks for the next request while fewer
 * than {@code maxInFlight} are in flight and the write queue is below its limit, and, once the reader has
 * ended and nothing is in flight, writes the last response (if a read error asks for one), shuts the
 * output and closes. The pump never runs on two threads at once, so responses go to the sink in the order
 * it takes them, and the handler is never called under the lock.
 */
final class Pipeline<Req, Resp> {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    final Promise<Void> done = new Promise<>();
    private final PipelinedServer<Req, Resp> server;
    private final Framed<Req, Resp> framed;
    private final AsyncStream<Req> requests;
    private final FrameSink<Resp> sink;
    private final SequentialScheduler pump = new SequentialScheduler(this::pump);
    private final Object lock = new Object();

    // Guarded by lock.
    private final ArrayDeque<Slot<Resp>> pending = new ArrayDeque<>();
    private int inFlight;
    private boolean reading;
    private boolean readerDone;
    private Throwable readFailure;
    private Promise<Void> lastWrite;
    private boolean waking;
    private boolean finishing;
    private boolean aborted;

    Pipeline(PipelinedServer<Req, Resp> server, Framed<Req, Resp> framed) {
        this.server = server;
        this.framed = framed;
        this.sink = framed.writer();
        // The idle guard closes its upstream when it ends the stream; a view that ignores close keeps
        // the frame reader (and the input) open for the linger, which closes it in the end.
        this.requests = server.idleTimeout == null ? framed.reader()
                : keptOpen(framed.reader()).timeout(server.idleTimeout, server.timer, TimeoutAction.END);
    }

    void start() {
        done.whenComplete((v, x) -> {
            if (done.isCancelled()) {
                abort(new CancellationException("serving cancelled"));
            }
        });
        framed.connection().closed().whenComplete((v, x) -> {
            synchronized (lock) {
                readerDone = true;
            }
            pump.signal();
        });
        pump.signal();
    }

    private void pump() {
        for (;;) {
            List<Resp> toSend = null;
            boolean read = false;
            boolean finish = false;
            Resp last = null;
            Promise<Void> wake = null;
            synchronized (lock) {
                if (aborted) {
                    return;
                }
                while (!pending.isEmpty() && pending.peekFirst().finished) {
                    Slot<Resp> s = pending.pollFirst();
                    inFlight--;
                    if (toSend == null) {
                        toSend = new ArrayList<>(4);
                    }
                    toSend.add(s.response);
                }
                boolean over = sink.queuedBytes() > server.maxQueuedBytes;
                if (!readerDone && !reading && !over && inFlight < server.maxInFlight) {
                    reading = true;
                    read = true;
                }
                if (over && !waking && lastWrite != null && !lastWrite.isDone()) {
                    waking = true;
                    wake = lastWrite;
                }
                if (readerDone && inFlight == 0 && !reading && !finishing) {
                    finishing = true;
                    finish = true;
                    if (readFailure != null && server.onReadError != null && framed.connection().isOpen()) {
                        try {
                            last = server.onReadError.apply(readFailure);
                        } catch (RuntimeException x) {
                            LOG.warn("onReadError failed", x);
                        }
                    }
                }
            }
            if (toSend != null) {
                send(toSend);
            }
            if (wake != null) {
                // Reading paused: the peer is slow to take our answers. Resume when the write queue drains.
                wake.whenComplete((v, x) -> {
                    synchronized (lock) {
                        waking = false;
                    }
                    pump.signal();
                });
            }
            if (read) {
                Promise<Req> next;
                try {
                    next = requests.next();
                } catch (RuntimeException x) {
                    next = Promise.failed(x);
                }
                next.whenComplete(this::requestArrived);
            }
            if (finish) {
                finish(last);
                return;
            }
            if (toSend == null && !read) {
                return;
            }
        }
    }

    private void send(List<Resp> responses) {
        Promise<Void> w = null;
        for (Resp r : responses) {
            w = sink.send(r);
            w.whenComplete((v, x) -> {
                if (x != null) {
                    abort(x);
                }
            });
        }
        synchronized (lock) {
            lastWrite = w;
        }
    }

    private void requestArrived(Req request, Throwable failure) {
        if (failure != null || request == null) {
            synchronized (lock) {
                reading = false;
                readerDone = true;
                if (failure != null && !(failure instanceof CancellationException)) {
                    readFailure = failure;
                }
            }
            if (failure != null) {
                LOG.debug("{}: reading requests failed: {}", framed, failure.toString());
            }
            pump.signal();
            return;
        }
        Slot<Resp> slot = new Slot<>();
        synchronized (lock) {
            reading = false;
            inFlight++;
            if (server.order == PipelinedServer.Order.REQUEST_ORDER) {
                pending.addLast(slot);
            }
        }
        CompletionStage<Resp> f;
        try {
            f = server.handler.apply(request);
            if (f == null) {
                f = Promise.failed(new NullPointerException("handler returned null"));
            }
        } catch (RuntimeException x) {
            f = Promise.failed(x);
        }
        f.whenComplete((r, x) -> responded(slot, request, r, x));
        pump.signal();
    }

    private void responded(Slot<Resp> slot, Req request, Resp response, Throwable failure) {
        if (failure == null && response == null) {
            failure = new NullPointerException("handler completed with null");
        }
        if (failure != null) {
            failure = Promise.unwrap(failure);
            if (server.onHandlerError == null) {
                LOG.warn("{}: handler failed; closing the connection", framed, failure);
                abort(failure);
                return;
            }
            try {
                response = server.onHandlerError.apply(request, failure);
            } catch (RuntimeException x) {
                LOG.warn("{}: onHandlerError failed; closing the connection", framed, x);
                abort(x);
                return;
            }
        }
        synchronized (lock) {
            slot.response = response;
            slot.finished = true;
            if (server.order == PipelinedServer.Order.COMPLETION_ORDER) {
                pending.addLast(slot);
            }
        }
        pump.signal();
    }

    private void finish(Resp last) {
        if (last != null) {
            sink.send(last);
        }
        boolean linger = server.linger != null && readFailure == null;
        if (!linger) {
            requests.close();
            framed.reader().close();
        }
        sink.close().whenComplete((v, x) -> {
            if (linger && x == null && framed.connection().isOpen()) {
                linger();
            } else {
                closeNow();
            }
        });
    }

    /**
     * The output is shut: drops requests that still arrive until the peer ends its side (or the
     * connection fails), or until the linger time is up, then closes (see {@link PipelinedServer.Builder#linger}).
     * Reads the frame reader itself, not the idle-guarded stream, which has ended.
     */
    private void linger() {
        org.dunlin.futures.Cancellable deadline;
        try {
            deadline = server.lingerTimer.schedule(server.linger, this::closeNow);
        } catch (java.util.concurrent.RejectedExecutionException x) {
            closeNow();
            return;
        }
        done.whenComplete((v, x) -> deadline.cancel());
        drop(framed.reader());
    }

    private void drop(AsyncStream<Req> in) {
        for (;;) {
            if (done.isDone()) {
                return;
            }
            Promise<Req> next;
            try {
                next = in.next();
            } catch (RuntimeException x) {
                closeNow();
                return;
            }
            if (!next.isDone()) {
                next.whenComplete((r, x) -> {
                    if (x != null || r == null) {
                        closeNow();
                    } else {
                        drop(in);
                    }
                });
                return;
            }
            if (next.isCompletedExceptionally() || next.join() == null) {
                closeNow();
                return;
            }
        }
    }

    private void closeNow() {
        requests.close();
        framed.reader().close();
        framed.close();
        done.complete(null);
    }

    private void abort(Throwable cause) {
        synchronized (lock) {
            if (aborted) {
                return;
            }
            aborted = true;
        }
        LOG.debug("{}: closing: {}", framed, cause.toString());
        requests.close();
        framed.close();
        done.complete(null);
    }

    /** {@code in}, except that closing the view leaves {@code in} open. */
    private static <T> AsyncStream<T> keptOpen(AsyncStream<T> in) {
        return new AsyncStream<>() {
            @Override
            public Promise<T> next() {
                return in.next();
            }

            @Override
            public void close() {
                // the pipeline closes the reader itself
            }
        };
    }

    /** A request's response-to-be. */
    private static final class Slot<R> {
        R response;
        boolean finished;
    }
}
