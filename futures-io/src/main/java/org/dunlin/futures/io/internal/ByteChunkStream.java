package org.dunlin.futures.io.internal;

import java.nio.ByteBuffer;
import org.dunlin.futures.io.ReadHalf;

/**
 * {@link ReadHalf#stream}: each {@code next()} is one read into a fresh buffer. A read is never
 * abandoned: when the consumer cancels a pending {@code next()}, the read stays in flight and its outcome
 * is kept for the following call, so no byte is lost and the connection stays usable.
 */
public final class ByteChunkStream extends SingleFlightStream<ByteBuffer> {
    private final ReadHalf source;
    private final int chunkSize;

    /** A stream of the chunks {@code source} reads, each at most {@code chunkSize} bytes. */
    public ByteChunkStream(ReadHalf source, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1: " + chunkSize);
        }
        this.source = source;
        this.chunkSize = chunkSize;
    }

    @Override
    protected Object start() {
        ByteBuffer buf = ByteBuffer.allocate(chunkSize);
        source.read(buf).whenComplete((n, x) -> deliver(x != null ? x : n < 0 ? END : buf.flip()));
        return null;
    }

    @Override
    protected void onClose() {
        source.close();
    }
}
