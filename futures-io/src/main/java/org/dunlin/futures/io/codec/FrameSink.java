package org.dunlin.futures.io.codec;

import org.dunlin.futures.Promise;

/**
 * The sending side of a {@link Framed} connection. Thread-safe: any thread may send, in any order, without
 * waiting — frames are encoded on the sending thread and queued whole on the connection's write queue, so
 * two frames never interleave (a pipelined server can send each response from whichever thread computed
 * it).
 */
public interface FrameSink<T> {

    /**
     * Encodes {@code frame} and queues it. The promise completes when its bytes were handed to the
     * operating system — the back-pressure: a producer that waits for it (or watches
     * {@link #queuedBytes()}) never outruns the peer. Fails with the {@link CodecException} of an
     * unencodable frame (the connection stays usable), or as {@link org.dunlin.futures.io.WriteHalf#write}
     * fails. Thread: the connection's callback lane.
     */
    Promise<Void> send(T frame);

    /** Bytes queued and not yet written. */
    long queuedBytes();

    /**
     * Flushes the queued frames and then half-closes the connection (end of stream to the peer). The
     * promise completes when that is done; idempotent.
     */
    Promise<Void> close();
}
