package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The state machine behind {@link Futures#retry}. One attempt is in flight at a time; between attempts
 * the backoff runs on the timer. Attempts that fail synchronously with a zero backoff are trampolined (a
 * work counter), so even a huge attempt budget cannot grow the stack. The deadline is a second timer task
 * that fails the result and cancels whatever is in flight.
 */
final class Retry<T> extends Link implements BiConsumer<T, Throwable>, Timer.Task {
    private static final VarHandle WIP = FieldHandles.of(MethodHandles.lookup(), Retry.class, "wip", int.class);

    private final Promise<T> result = new Promise<>();
    private final Supplier<? extends CompletionStage<T>> attempt;
    private final RetryPolicy policy;
    private final Timer timer;
    private final long deadlineAt;
    private final boolean hasDeadline;
    private volatile CompletionStage<T> current;
    private volatile Cancellable backoff;
    private volatile Cancellable deadlineTask;
    private volatile Throwable lastFailure;
    private volatile int attempts;
    @SuppressWarnings("unused") // via WIP
    private volatile int wip;

    private Retry(Supplier<? extends CompletionStage<T>> attempt, RetryPolicy policy, Timer timer) {
        this.attempt = attempt;
        this.policy = policy;
        this.timer = timer;
        Duration deadline = policy.deadline().orElse(null);
        this.hasDeadline = deadline != null;
        this.deadlineAt = hasDeadline ? timer.nanoTime() + TimerHeap.delayNanos(deadline) : 0;
    }

    static <T> Promise<T> start(Supplier<? extends CompletionStage<T>> attempt, RetryPolicy policy, Timer timer) {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timer, "timer");
        Retry<T> r = new Retry<>(attempt, policy, timer);
        r.result.setUpstream(r);
        if (r.hasDeadline) {
            try {
                r.deadlineTask = timer.schedule(policy.deadline().get(), new DeadlineTask(r));
            } catch (RejectedExecutionException closed) {
                r.result.completeExceptionally(closed);
                return r.result;
            }
        }
        r.next();
        return r.result;
    }

    /** Starts the next attempt, trampolined. */
    private void next() {
        if ((int) WIP.getAndAdd(this, 1) != 0) {
            return;
        }
        do {
            startAttempt();
        } while ((int) WIP.getAndAdd(this, -1) != 1);
    }

    private void startAttempt() {
        if (result.isDone()) {
            return;
        }
        attempts++;
        CompletionStage<T> step;
        try {
            step = attempt.get();
            if (step == null) {
                step = Promise.failed(new NullPointerException("retry attempt supplier returned null"));
            }
        } catch (Throwable x) {
            step = Promise.failed(x);
        }
        current = step;
        if (result.isDone()) {
            Promise.cancelStage(step);
            return;
        }
        Promise.listenStage(step, this);
    }

    /** An attempt completed. */
    @Override
    public void accept(T value, Throwable failure) {
        current = null;
        if (failure == null) {
            finish(value, null);
            return;
        }
        Throwable cause = Promise.unwrap(failure);
        lastFailure = cause;
        if (result.isDone()) {
            return;
        }
        if (attempts >= policy.maxAttempts() || !policy.shouldRetry(cause)) {
            finish(null, cause);
            return;
        }
        Duration pause = policy.delayBefore(attempts + 1);
        if (hasDeadline && timer.nanoTime() + TimerHeap.delayNanos(pause) - deadlineAt >= 0) {
            finish(null, cause);
            return;
        }
        if (pause.isZero()) {
            next();
            return;
        }
        try {
            backoff = timer.schedule(pause, this);
        } catch (RejectedExecutionException closed) {
            finish(null, closed);
        }
        if (result.isDone()) {
            cancelTimers();
        }
    }

    /** The backoff elapsed. */
    @Override
    public void run() {
        backoff = null;
        next();
    }

    /** The timer closed during the backoff. */
    @Override
    public void discarded() {
        finish(null, new RejectedExecutionException("timer closed during the retry backoff"));
    }

    private void finish(T value, Throwable failure) {
        if (result.settle(value, failure)) {
            cancelTimers();
        }
    }

    private void deadlinePassed() {
        Throwable last = lastFailure;
        TimeoutException timeout = new TimeoutException("retry deadline of " + policy.deadline().get()
                + " passed after " + attempts + (attempts == 1 ? " attempt" : " attempts"));
        if (last != null) {
            timeout.initCause(last);
        }
        if (result.settle(null, timeout)) {
            cancelTimers();
            CompletionStage<T> c = current;
            current = null;
            Promise.cancelStage(c);
        }
    }

    private void cancelTimers() {
        Cancellable b = backoff;
        if (b != null) {
            b.cancel();
        }
        Cancellable d = deadlineTask;
        if (d != null) {
            d.cancel();
        }
    }

    @Override
    Object cancelSources() {
        cancelTimers();
        CompletionStage<T> c = current;
        current = null;
        Promise.cancelStage(c);
        return null;
    }

    @Override
    public String toString() {
        return "retry after " + attempts + " attempts, waiting on " + describe(current);
    }

    /** Fires at the deadline. */
    private static final class DeadlineTask implements Timer.Task {
        private final Retry<?> owner;

        DeadlineTask(Retry<?> owner) {
            this.owner = owner;
        }

        @Override
        public void run() {
            owner.deadlinePassed();
        }

        @Override
        public void discarded() {
            owner.finish(null, new RejectedExecutionException("timer closed before the retry deadline"));
        }
    }
}
