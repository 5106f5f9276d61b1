package org.dunlin.dns.resolver.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.dunlin.futures.Cancellable;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;

/**
 * A limit on exchanges in flight: {@link #acquire} grants a permit at once while fewer than the limit
 * are out, and otherwise queues the caller (first come, first served) until a permit is released, its
 * deadline passes ({@link TimeoutException}) or it cancels. Every granted permit must be released
 * exactly once.
 *
 * <p>Thread-safe; the queue is guarded by this object's monitor, and promises are completed outside it.
 * A queued caller's promise completes on the releasing thread, or on the callback executor on timeout.
 */
public final class InFlightLimiter {
    private static final Promise<Void> GRANTED = Promise.completed(null);

    private final int limit;
    private final Timer timer;
    private final Executor callbacks;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int used;

    /** A limiter of {@code limit} permits; timeouts on {@code timer} complete on {@code callbacks}. */
    public InFlightLimiter(int limit, Timer timer, Executor callbacks) {
        this.limit = limit;
        this.timer = timer;
        this.callbacks = callbacks;
    }

    /** A permit, now or when one is released within {@code timeout}. */
    public Promise<Void> acquire(Duration timeout) {
        Waiter w;
        synchronized (this) {
            if (used < limit) {
                used++;
                return GRANTED;
            }
            w = new Waiter();
            waiting.addLast(w);
        }
        try {
            w.timeoutTask = timer.schedule(timeout, () -> {
                if (remove(w)) {
                    callbacks.execute(() -> w.completeExceptionally(new TimeoutException("no free slot among " + limit
                            + " queries in flight within " + timeout)));
                }
            });
        } catch (RejectedExecutionException e) {
            if (remove(w)) {
                w.completeExceptionally(e);
            }
        }
        w.whenComplete((v, x) -> {
            Cancellable t = w.timeoutTask;
            if (t != null) {
                t.cancel();
            }
            if (w.isCancelled()) {
                remove(w);
            }
        });
        return w;
    }

    /** Returns a permit: the oldest waiter gets it, or it goes back to the pool. */
    public void release() {
        for (;;) {
            Waiter next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    used--;
                    return;
                }
            }
            Cancellable t = next.timeoutTask;
            if (t != null) {
                t.cancel();
            }
            if (next.complete(null)) {
                return;
            }
            // it was cancelled or timed out meanwhile: offer the permit to the next one
        }
    }

    /** Permits out now. */
    public synchronized int inUse() {
        return used;
    }

    /** Callers waiting for a permit. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private synchronized boolean remove(Waiter w) {
        return waiting.remove(w);
    }

    private static final class Waiter extends Promise<Void> {
        volatile Cancellable timeoutTask;
    }
}
