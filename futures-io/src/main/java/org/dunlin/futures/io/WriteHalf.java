package org.dunlin.futures.io;

import java.nio.ByteBuffer;
import org.dunlin.futures.Promise;

/**
 * The writing half of a {@link Connection}: a queue of writes with write-all semantics. Thread-safe: any
 * number of threads may write at once, without waiting for each other's writes (NIO.2's one-pending-write
 * rule is this queue's business). Buffers go out whole and in the order {@link #write} was called; bytes
 * of two writes never interleave.
 */
public interface WriteHalf extends AutoCloseable {

    /**
     * Queues all of {@code src}'s remaining bytes. The returned promise completes when the last of them
     * was handed to the operating system, which is the back-pressure: wait for it before writing much
     * more. The buffer must not be modified until then; its position is advanced.
     *
     * <p>Thread: the connection's callback thread (see {@link IoRuntime}). Cancellation: cancelling a
     * pending write closes the connection, since a stream with a hole in it would be corrupt.
     * Exceptions: {@link ConnectionClosedException} if the connection is or gets closed (with the cause
     * that closed it, such as the peer's reset), {@link WriteQueueFullException} when too much is queued,
     * {@link IllegalStateException} after {@link #shutdown()}.
     */
    Promise<Void> write(ByteBuffer src);

    /** The number of bytes queued and not yet written. */
    long queuedBytes();

    /**
     * Half-closes: after every queued write has gone out, sends end-of-stream to the peer (a TCP FIN, or
     * TLS close_notify then FIN), who can still send to us. Once the read half is closed too, the
     * connection is closed. The promise completes when the end-of-stream was sent; idempotent (later
     * calls return the same promise). Thread and exceptions as {@link #write}.
     */
    Promise<Void> shutdown();

    /** {@link #shutdown()}, not waiting for it. */
    @Override
    default void close() {
        shutdown();
    }
}
