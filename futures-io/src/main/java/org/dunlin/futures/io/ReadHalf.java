package org.dunlin.futures.io;

import java.nio.ByteBuffer;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.internal.ByteChunkStream;

/**
 * The reading half of a {@link Connection}. One reader at a time: a {@link #read} may start only after the
 * previous one completed. Thread-safe otherwise: any thread may read, in turn.
 *
 * <p>End of stream — the peer closed or half-closed its side — is {@code -1} from {@link #read} and the
 * end of {@link #stream}; a read never completes with 0 (a 0-byte or -1 read is the peer closing, not
 * data).
 */
public interface ReadHalf extends AutoCloseable {

    /**
     * Reads at least one byte into {@code dst} (which must have room), or {@code -1} at the end of the
     * stream. The returned promise completes with the number of bytes read.
     *
     * <p>Thread: the connection's callback thread (see {@link IoRuntime}). Cancellation: NIO.2 cannot
     * abandon a read, so cancelling a pending read (or letting a {@code timeout} cancel it) closes the
     * connection; use {@link #stream} for reads whose cancellation keeps the connection. Exceptions:
     * {@link ConnectionClosedException} if the connection is or gets closed, the {@code IOException} of a
     * failed read (which also closes the connection), {@link IllegalStateException} if a read is already
     * pending, {@link IllegalArgumentException} if {@code dst} has no room.
     */
    Promise<Integer> read(ByteBuffer dst);

    /**
     * The bytes as a stream of chunks, each a new heap buffer of at most {@code chunkSize} bytes holding
     * what one read returned; the stream ends at end of stream and fails if a read fails. Cancelling a
     * pending {@code next()} gives up that call only: the read stays in flight and its bytes are the next
     * chunk. Closing the stream closes this half. Do not mix with {@link #read} on the same half.
     */
    default AsyncStream<ByteBuffer> stream(int chunkSize) {
        return new ByteChunkStream(this, chunkSize);
    }

    /** Whether the end of the stream was reached or this half was closed. */
    boolean isClosed();

    /**
     * Stops reading: shuts the input down (a pending read completes with {@code -1}); once the write half
     * is closed too, the connection is closed. Idempotent.
     */
    @Override
    void close();
}
