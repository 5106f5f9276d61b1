package org.dunlin.futures;

import java.util.Objects;

/**
 * A channel for exactly one value (futures-rs {@code oneshot}), from {@link Channels#oneshot()}. The
 * producer keeps this object and calls {@link #send}, {@link #fail} or {@link #close}; the consumer gets
 * {@link #receiver()}. If the consumer cancels its promise, the producer sees {@link #isCancelled()} and
 * can stop working. Thread-safe.
 */
public final class Oneshot<T> {
    private final Promise<T> receiver = new Promise<>();

    Oneshot() {
    }

    /** The consumer's end: completes with the value sent, or fails. Cancelling it tells the producer. */
    public Promise<T> receiver() {
        return receiver;
    }

    /**
     * Delivers {@code value}; returns {@code false} if a value or failure was already delivered or the
     * receiver cancelled. The receiver's continuations run on this thread.
     */
    public boolean send(T value) {
        return receiver.complete(value);
    }

    /** Delivers a failure instead of a value; returns {@code false} if something was already delivered. */
    public boolean fail(Throwable cause) {
        return receiver.completeExceptionally(Promise.unwrap(Objects.requireNonNull(cause, "cause")));
    }

    /**
     * Gives up without a value: the receiver fails with {@link ChannelClosedException} unless something
     * was already delivered. Idempotent.
     */
    public void close() {
        receiver.completeExceptionally(new ChannelClosedException("oneshot sender closed without sending"));
    }

    /** Whether the receiver cancelled (the value is no longer wanted). */
    public boolean isCancelled() {
        return receiver.isCancelled();
    }

    @Override
    public String toString() {
        return "Oneshot[" + receiver + "]";
    }
}
