package org.dunlin.futures;

/**
 * Channels between producers and a consumer: {@link #mpsc} (bounded, with back-pressure) and
 * {@link #oneshot()}.
 *
 * <pre>{@code
 * Channel<Query> ch = Channels.mpsc(64);
 * // producers, on any thread:
 * ch.sender().send(query).andThen(ok -> readNextQuery());   // waits for room when the consumer lags
 * // the consumer:
 * ch.receiver().forEach(this::answer);                       // ends after ch.sender().close()
 * }</pre>
 */
public final class Channels {
    private Channels() {
    }

    /**
     * A bounded multi-producer, single-consumer channel holding at most {@code capacity} accepted items
     * ({@code 0} makes every send wait for the receiver: a rendezvous). See {@link Sender} and
     * {@link Receiver} for the semantics of each end.
     */
    public static <T> Channel<T> mpsc(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        MpscChannel<T> ch = new MpscChannel<>(capacity);
        return new Channel<>(ch.sender, ch.receiver);
    }

    /** A channel for one value. */
    public static <T> Oneshot<T> oneshot() {
        return new Oneshot<>();
    }
}
