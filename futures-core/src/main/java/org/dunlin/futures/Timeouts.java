package org.dunlin.futures;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/** The links behind {@link Futures#timeout} and {@link Futures#delay}. */
final class Timeouts {
    private Timeouts() {
    }

    static <T> Promise<T> timeout(CompletableFuture<T> source, Duration timeout, Timer timer) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(timer, "timer");
        if (source.isDone()) {
            return Promise.from(source);
        }
        Guard<T> guard = new Guard<>(source, timeout);
        guard.result.setUpstream(guard);
        try {
            guard.timerTask = timer.schedule(timeout, guard);
        } catch (RejectedExecutionException closed) {
            guard.fire(closed);
            return guard.result;
        }
        Promise.listen(source, guard);
        if (guard.result.isDone()) {
            guard.timerTask.cancel();
        }
        return guard.result;
    }

    static Promise<Void> delay(Duration delay, Timer timer) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timer, "timer");
        Delay d = new Delay();
        d.result.setUpstream(d);
        try {
            d.timerTask = timer.schedule(delay, d);
        } catch (RejectedExecutionException closed) {
            d.result.completeExceptionally(closed);
        }
        return d.result;
    }

    /** Guards one future: whichever of the source and the timer comes first completes the result. */
    static final class Guard<T> extends Link implements BiConsumer<T, Throwable>, Timer.Task {
        final Promise<T> result = new Promise<>();
        private final Duration timeout;
        private volatile CompletableFuture<T> source;
        volatile Cancellable timerTask;
        /** Set by the timer just before it cancels the source. */
        private volatile Throwable timedOut;

        Guard(CompletableFuture<T> source, Duration timeout) {
            this.source = source;
            this.timeout = timeout;
        }

        /**
         * The timer fired first: cancel the guarded work, and report the timeout only if that cancel
         * took effect. If the source completed at the same moment (its cancel fails), the value it
         * produced wins and reaches the result through {@link #accept}: a timeout never swallows a
         * value that was already produced (a received datagram, say).
         */
        @Override
        public void run() {
            fire(new TimeoutException("timed out after " + timeout));
        }

        @Override
        public void discarded() {
            fire(new RejectedExecutionException("timer closed before the timeout of " + timeout + " elapsed"));
        }

        void fire(Throwable why) {
            CompletableFuture<T> s = source;
            if (s == null) {
                return; // the source already completed; accept settles the result
            }
            timedOut = why; // accept turns the cancellation we are about to cause into this failure
            if (s.cancel(false)) {
                source = null;
                result.settle(null, why);
            }
        }

        /** The source completed first (or was cancelled by {@link #fire}). */
        @Override
        public void accept(T value, Throwable failure) {
            source = null;
            Cancellable t = timerTask;
            if (t != null) {
                t.cancel();
            }
            Throwable why = timedOut;
            if (why != null && Promise.unwrap(failure) instanceof CancellationException) {
                result.settle(null, why);
            } else {
                result.settle(value, failure);
            }
        }

        @Override
        Object acquireCancel() {
            Object s = source;
            return s == null ? ALLOW : s;
        }

        @Override
        Object cancelSources() {
            Cancellable t = timerTask;
            if (t != null) {
                t.cancel();
            }
            Object s = source;
            source = null;
            return s;
        }

        @Override
        public String toString() {
            return "timeout(" + timeout + ") of " + describe(source);
        }
    }

    /** Completes its result when the timer fires. */
    static final class Delay extends Link implements Timer.Task {
        final Promise<Void> result = new Promise<>();
        volatile Cancellable timerTask;

        @Override
        public void run() {
            result.complete(null);
        }

        @Override
        public void discarded() {
            result.completeExceptionally(new RejectedExecutionException("timer closed before the delay elapsed"));
        }

        @Override
        Object cancelSources() {
            Cancellable t = timerTask;
            if (t != null) {
                t.cancel();
            }
            return null;
        }

        @Override
        public String toString() {
            return "delay";
        }
    }
}
