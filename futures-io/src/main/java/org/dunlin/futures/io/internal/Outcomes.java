package org.dunlin.futures.io.internal;

import org.dunlin.futures.Promise;

/**
 * The outcome of one step of a stream held as a plain object, so that it can wait ("be carried") for a
 * later {@code next()}: an item, {@link #END}, or a {@code Throwable}. Shared by the streams that keep
 * the outcome of an operation whose {@code next()} was cancelled.
 */
public final class Outcomes {
    /** The outcome that ends the stream. */
    public static final Object END = new Object();
    private static final Promise<Object> ENDED = Promise.completed(null);

    private Outcomes() {
    }

    /** Whether the outcome ends the stream for good (the end, or a failure). */
    public static boolean isTerminal(Object outcome) {
        return outcome == END || outcome instanceof Throwable;
    }

    /** Completes {@code p} with {@code outcome}; false if {@code p} was already complete (cancelled). */
    @SuppressWarnings("unchecked")
    public static <T> boolean settle(Promise<T> p, Object outcome) {
        if (outcome == END) {
            return p.complete(null);
        }
        if (outcome instanceof Throwable) {
            return p.completeExceptionally((Throwable) outcome);
        }
        return p.complete((T) outcome);
    }

    /** A completed promise of {@code outcome}. */
    @SuppressWarnings("unchecked")
    public static <T> Promise<T> promiseOf(Object outcome) {
        if (outcome == END) {
            return (Promise<T>) ENDED;
        }
        if (outcome instanceof Throwable) {
            return Promise.failed((Throwable) outcome);
        }
        return Promise.completed((T) outcome);
    }
}
