package org.dunlin.futures.io.internal;

import org.dunlin.futures.AbstractAsyncStream;
import org.dunlin.futures.Promise;

/**
 * A stream whose items each come from one asynchronous operation (a read, an accept), at most one in
 * flight, that is never abandoned: when the consumer cancels a pending {@code next()}, the operation
 * carries on and its outcome is kept ("carried") for the following call, so nothing is lost.
 *
 * <p>Subclasses say how to start one operation ({@link #start()}) and report each outcome to
 * {@link #deliver} — an item, {@link #END}, or a {@code Throwable}; an operation that can finish at once
 * (a frame already buffered) returns its outcome from {@code start()} instead. The operation counts as in flight
 * until its outcome is placed (handed to a waiting {@code next()} or carried): a {@code next()} that
 * arrives meanwhile waits for that outcome rather than starting an operation that could overtake it,
 * and if one arrived while the outcome was being handed over, the delivering thread starts its
 * operation. Thread-safe; {@code deliver} may run on any thread.
 */
public abstract class SingleFlightStream<T> extends AbstractAsyncStream<T> {
    /** The outcome that ends the stream. */
    protected static final Object END = Outcomes.END;

    // Guarded by this.
    private boolean inFlight;
    private Promise<T> waiting;
    private Object carried;

    /** For subclasses. */
    protected SingleFlightStream() {
    }

    /**
     * Starts one operation, whose outcome must reach {@link #deliver}; or, if the outcome is known at
     * once, returns it (then nothing may be delivered for this operation). Returns {@code null} when an
     * operation was started. Called without the lock, by the one thread the operation belongs to.
     */
    protected abstract Object start();

    /**
     * The promise {@code next()} returns when nothing is carried and no operation should start (the
     * source is closed), or {@code null} to go on. Called under the lock.
     */
    protected Promise<T> finished() {
        return null;
    }

    @Override
    protected final Promise<T> pull() {
        Promise<T> out;
        synchronized (this) {
            if (carried != null) {
                Object c = carried;
                carried = null;
                return Outcomes.promiseOf(c);
            }
            Promise<T> done = finished();
            if (done != null) {
                return done;
            }
            out = new Promise<>();
            waiting = out;
            if (inFlight) {
                return out;
            }
            inFlight = true;
        }
        Object now = start();
        if (now != null) {
            deliver(now); // to out, which nobody else has seen yet
        }
        return out;
    }

    /** Hands an operation's outcome to the waiting {@code next()}, or carries it (see the class comment). */
    protected final void deliver(Object outcome) {
        while (outcome != null) { // a loop, not recursion, however many outcomes start() has at once
            Promise<T> to;
            synchronized (this) {
                to = waiting;
                waiting = null;
                if (to == null) {
                    carried = outcome;
                    inFlight = false;
                    return;
                }
            }
            if (!Outcomes.settle(to, outcome)) {
                continue; // the consumer cancelled that next(): offer the outcome to the one waiting now, or carry it
            }
            synchronized (this) {
                if (waiting == null) {
                    inFlight = false;
                    return;
                }
            }
            outcome = start(); // a next() arrived during the hand-over: serve it
        }
    }

    /**
     * No operation is in flight any more and none will start (the source closed): a waiting
     * {@code next()} ends the stream. Returns that waiter, for the caller to complete where it must.
     */
    protected final synchronized Promise<T> abandon() {
        inFlight = false;
        Promise<T> to = waiting;
        waiting = null;
        return to;
    }

    /** Takes the carried outcome, if any (for {@code onClose} to release it). */
    protected final synchronized Object takeCarried() {
        Object c = carried;
        carried = null;
        return c;
    }
}
