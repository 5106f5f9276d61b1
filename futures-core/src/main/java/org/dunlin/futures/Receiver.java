package org.dunlin.futures;

/**
 * The receiving side of a {@link Channels#mpsc} channel: an {@link AsyncStream} of the items sent, which
 * ends after the sender closes and the buffer is drained. One consumer. Closing the receiver closes the
 * channel: buffered items are dropped and waiting sends fail with {@link ChannelClosedException}.
 */
public interface Receiver<T> extends AsyncStream<T> {

    /**
     * Takes the next item if one is available now, without waiting; {@code null} if none is. Must not be
     * called while a {@code next()} is pending.
     */
    T tryReceive();

    /** The number of items accepted and not yet received (never more than the capacity). */
    int size();
}
