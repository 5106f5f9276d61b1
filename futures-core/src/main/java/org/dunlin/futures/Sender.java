package org.dunlin.futures;

/**
 * The sending side of a {@link Channels#mpsc} channel. Thread-safe: any number of threads may send;
 * items from one thread arrive in the order that thread sent them (per-sender FIFO), provided it sends
 * its next item only after the previous {@code send} returned.
 */
public interface Sender<T> extends AutoCloseable {

    /**
     * Sends {@code item} (not {@code null}). The returned promise completes when the item has been
     * accepted — taken by a waiting receiver or put in the buffer — which is immediately if there is room.
     * Otherwise the item waits, in order, and the promise completes when the receiver makes room
     * (back-pressure: wait for it before sending more). Cancelling the promise withdraws the item if it
     * has not been accepted yet ({@code cancel} returns {@code false} if it has). The promise fails with
     * {@link ChannelClosedException} if the channel was closed before the item was accepted.
     *
     * <p>Thread: the promise completes on the sending thread when there is room, otherwise on the
     * receiver's thread.
     */
    Promise<Void> send(T item);

    /**
     * Sends {@code item} only if it can be accepted at once; returns whether it was. Never overtakes items
     * waiting in {@link #send}. Returns {@code false} if the channel is full or closed.
     */
    boolean trySend(T item);

    /**
     * Closes the channel for sending: later sends fail, and the receiver gets every item sent before the
     * close (buffered or still waiting) and then the end of the stream. Idempotent.
     */
    @Override
    void close();

    /** Whether either side has closed the channel. */
    boolean isClosed();
}
