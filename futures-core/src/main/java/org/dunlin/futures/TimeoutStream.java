package org.dunlin.futures;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * {@link AsyncStream#timeout}: an idle guard. The deadline is "previous item (or creation) + timeout" and
 * moves forward with every item. At most one timer task is armed, and only while a {@code next()} is
 * pending: when it fires early (an item came meanwhile), it re-arms for the new deadline; so a busy
 * stream costs one timer task per timeout period, not one per item.
 *
 * <p>Expiry cancels the pending upstream {@code next()} (through its veto, so an item that is already
 * being handed over still wins) and, if that succeeds, the upstream's completion callback delivers the
 * timeout outcome instead of the cancellation. Everything is delivered by that one callback, so an item
 * and a timeout can never both be delivered.
 */
final class TimeoutStream<T> extends AbstractAsyncStream<T> implements BiConsumer<T, Throwable>, Timer.Task {
    private final AsyncStream<T> upstream;
    private final Duration timeout;
    private final long timeoutNanos;
    private final Timer timer;
    private final TimeoutAction action;
    private final Object lock = new Object();

    // Guarded by lock.
    private long deadline;
    private Promise<T> pendingIn;
    private Promise<T> pendingOut;
    private boolean armed;
    private Cancellable timerTask;
    private Throwable expiry;

    TimeoutStream(AsyncStream<T> upstream, Duration timeout, Timer timer, TimeoutAction action) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.action = Objects.requireNonNull(action, "action");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeoutNanos = TimerHeap.delayNanos(timeout);
        this.deadline = timer.nanoTime() + timeoutNanos;
    }

    @Override
    protected Promise<T> pull() {
        Promise<T> in = upstream.next();
        if (in.isDone()) {
            if (!in.isCompletedExceptionally() && in.getNow(null) != null) {
                long next = timer.nanoTime() + timeoutNanos;
                synchronized (lock) {
                    deadline = next;
                }
            }
            return in;
        }
        Promise<T> out = new Promise<>();
        out.setUpstream(in);
        long now = timer.nanoTime();
        boolean expired;
        boolean arm = false;
        synchronized (lock) {
            pendingIn = in;
            pendingOut = out;
            expired = now - deadline >= 0;
            if (expired) {
                expiry = timeoutFailure();
            } else if (!armed) {
                armed = true;
                arm = true;
            }
        }
        if (arm) {
            armTimer(deadlineDelay(now));
        }
        in.listenRaw(this);
        if (expired) {
            in.cancel(false);
        }
        return out;
    }

    /** The upstream's pending next() completed (with an item, the end, a failure, or our cancellation). */
    @Override
    public void accept(T item, Throwable failure) {
        Promise<T> out;
        Throwable expired;
        long now = timer.nanoTime();
        synchronized (lock) {
            out = pendingOut;
            pendingOut = null;
            pendingIn = null;
            expired = expiry;
            expiry = null;
            if (failure == null && item != null) {
                deadline = now + timeoutNanos;
            }
        }
        if (out == null) {
            return;
        }
        if (failure != null && expired != null && Promise.unwrap(failure) instanceof CancellationException) {
            upstream.close();
            if (expired instanceof TimeoutException && action == TimeoutAction.END) {
                out.settle(null, null);
            } else {
                out.settle(null, expired);
            }
            return;
        }
        out.settle(item, failure);
    }

    /** The timer fired: expire the pending next() if the deadline has passed, else re-arm. */
    @Override
    public void run() {
        Promise<T> in;
        long now = timer.nanoTime();
        synchronized (lock) {
            armed = false;
            timerTask = null;
            in = pendingIn;
            if (in == null || isClosed()) {
                return;
            }
            if (now - deadline < 0) {
                armed = true;
                in = null;
            } else {
                expiry = timeoutFailure();
            }
        }
        if (in == null) {
            armTimer(deadlineDelay(now));
        } else {
            in.cancel(false);
        }
    }

    @Override
    public void discarded() {
        Promise<T> in;
        synchronized (lock) {
            armed = false;
            timerTask = null;
            in = pendingIn;
            expiry = new RejectedExecutionException("timer closed while a stream timeout was armed");
        }
        if (in != null) {
            in.cancel(false);
        }
    }

    @Override
    protected void onClose() {
        Cancellable t;
        synchronized (lock) {
            t = timerTask;
            timerTask = null;
            armed = false;
        }
        if (t != null) {
            t.cancel();
        }
        upstream.close();
    }

    private Throwable timeoutFailure() {
        return new TimeoutException("no item within " + timeout);
    }

    private Duration deadlineDelay(long now) {
        synchronized (lock) {
            return Duration.ofNanos(Math.max(0, deadline - now));
        }
    }

    private void armTimer(Duration delay) {
        Cancellable t;
        try {
            t = timer.schedule(delay, this);
        } catch (RejectedExecutionException closed) {
            discarded();
            return;
        }
        boolean cancel;
        synchronized (lock) {
            cancel = isClosed();
            if (!cancel) {
                timerTask = t;
            }
        }
        if (cancel) {
            t.cancel();
        }
    }
}
