package org.dunlin.futures;

/**
 * A channel's two ends, from {@link Channels#mpsc}.
 *
 * @param sender where producers send
 * @param receiver where the one consumer receives, as a stream
 */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
}
