package org.dunlin.futures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One computation, any number of subscribers (futures-rs {@code Shared}): every {@link #subscribe()}
 * returns a fresh promise that completes with the computation's value or cause — the same instance for
 * everyone, before or after completion. A subscriber's cancel cancels only that subscriber; the
 * computation is cancelled when every subscriber still waiting has cancelled.
 *
 * <p>{@link #lazy} starts the computation on the first {@code subscribe()} (on that caller's thread) and
 * never again; {@link #of} (or {@link Promise#shared()}) shares one already running.
 *
 * <p>Thread-safe. Subscribers complete on the thread that completes the computation, or on the
 * subscribing thread if it is already complete. Completed subscribers and a completed computation hold
 * no references to each other.
 */
public final class Shared<T> {
    private final Object lock = new Object();
    private final BiConsumer<? super T, ? super Throwable> beforeSubscribers;
    private Supplier<? extends CompletionStage<T>> supplier;
    private CompletionStage<T> source;
    private Set<Promise<T>> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean done;
    private T value;
    private Throwable cause;

    private Shared(Supplier<? extends CompletionStage<T>> supplier, BiConsumer<? super T, ? super Throwable> hook) {
        this.supplier = supplier;
        this.beforeSubscribers = hook;
    }

    /** Shares a computation that is already running. */
    public static <T> Shared<T> of(CompletionStage<T> source) {
        Objects.requireNonNull(source, "source");
        Shared<T> s = new Shared<>(null, null);
        s.source = source;
        Promise.listenStage(source, s::onSourceDone);
        return s;
    }

    /** Shares a computation that {@code supplier} starts on the first {@link #subscribe()}, exactly once. */
    public static <T> Shared<T> lazy(Supplier<? extends CompletionStage<T>> supplier) {
        return new Shared<>(Objects.requireNonNull(supplier, "supplier"), null);
    }

    /** As {@link #lazy}, with a callback that sees the outcome before any subscriber does. */
    static <T> Shared<T> lazy(Supplier<? extends CompletionStage<T>> supplier,
            BiConsumer<? super T, ? super Throwable> beforeSubscribers) {
        return new Shared<>(supplier, beforeSubscribers);
    }

    /**
     * Returns a new promise of the shared outcome, starting a lazy computation if this is the first
     * subscriber. Cancelling the promise unsubscribes it; the last waiting subscriber to cancel cancels
     * the computation.
     */
    public Promise<T> subscribe() {
        Supplier<? extends CompletionStage<T>> start;
        Promise<T> p;
        synchronized (lock) {
            if (done) {
                return cause == null ? Promise.completed(value) : Promise.failed(cause);
            }
            p = new Promise<>();
            waiting.add(p);
            start = supplier;
            supplier = null;
        }
        p.setUpstream(new Subscription<>(this, p));
        if (start != null) {
            begin(start);
        }
        return p;
    }

    /** Whether the computation has completed (or been cancelled). */
    public boolean isDone() {
        synchronized (lock) {
            return done;
        }
    }

    /** The number of subscribers still waiting for the outcome. */
    public int waitingCount() {
        synchronized (lock) {
            return waiting == null ? 0 : waiting.size();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            if (done) {
                return "Shared[" + (cause == null ? "completed" : "failed: " + cause) + "]";
            }
            return "Shared[" + (source == null ? "not started" : "running") + ", " + waiting.size() + " waiting]";
        }
    }

    private void begin(Supplier<? extends CompletionStage<T>> start) {
        CompletionStage<T> s;
        try {
            s = start.get();
            if (s == null) {
                s = Promise.failed(new NullPointerException("shared supplier returned null"));
            }
        } catch (Throwable x) {
            s = Promise.failed(x);
        }
        boolean cancelNow;
        synchronized (lock) {
            source = s;
            cancelNow = !done && waiting.isEmpty();
        }
        if (cancelNow) {
            Promise.cancelStage(s);
        }
        Promise.listenStage(s, this::onSourceDone);
    }

    private void onSourceDone(T v, Throwable x) {
        Throwable c = x == null ? null : Promise.unwrap(x);
        if (beforeSubscribers != null) {
            beforeSubscribers.accept(v, c);
        }
        List<Promise<T>> subscribers;
        synchronized (lock) {
            if (done) {
                return;
            }
            done = true;
            value = v;
            cause = c;
            source = null;
            subscribers = new ArrayList<>(waiting);
            waiting = null;
        }
        for (Promise<T> p : subscribers) {
            p.settle(v, c);
        }
    }

    private void unsubscribe(Promise<T> p) {
        CompletionStage<T> toCancel = null;
        synchronized (lock) {
            if (waiting != null && waiting.remove(p) && waiting.isEmpty() && supplier == null) {
                toCancel = source;
            }
        }
        if (toCancel != null) {
            Promise.cancelStage(toCancel);
        }
    }

    /** A subscriber's link: cancelling the subscriber unsubscribes it. */
    private static final class Subscription<T> extends Link {
        private Shared<T> owner;
        private final Promise<T> subscriber;

        Subscription(Shared<T> owner, Promise<T> subscriber) {
            this.owner = owner;
            this.subscriber = subscriber;
        }

        @Override
        Object cancelSources() {
            Shared<T> o = owner;
            owner = null;
            if (o != null) {
                o.unsubscribe(subscriber);
            }
            return null;
        }

        @Override
        public String toString() {
            return "subscription to " + owner;
        }
    }
}
