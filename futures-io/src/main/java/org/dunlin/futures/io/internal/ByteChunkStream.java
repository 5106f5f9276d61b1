package org.dunlin.futures.io.internal;

import java.nio.ByteBuffer;
import org.dunlin.futures.AbstractAsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.ReadHalf;

/**
 * {@link ReadHalf#stream}: each {@code next()} is one read into a fresh buffer. A read is never
 * abandoned: when the consumer cancels a pending {@code next()}, the read stays in flight and its outcome
 * is kept ("carried") for the following call, so no byte is lost and the connection stays usable.
 */
public final class ByteChunkStream extends AbstractAsyncStream<ByteBuffer> {
    private static final Object END = new Object();

    private final ReadHalf source;
    private final int chunkSize;

    // Guarded by this.
    private boolean readInFlight;
    private Promise<ByteBuffer> waiting;
    private Object carried;

    /** A stream of the chunks {@code source} reads, each at most {@code chunkSize} bytes. */
    public ByteChunkStream(ReadHalf source, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1: " + chunkSize);
        }
        this.source = source;
        this.chunkSize = chunkSize;
    }

    @Override
    protected Promise<ByteBuffer> pull() {
        Promise<ByteBuffer> out;
        synchronized (this) {
            if (carried != null) {
                Object c = carried;
                carried = null;
                return promiseOf(c);
            }
            out = new Promise<>();
            waiting = out;
            if (readInFlight) {
                return out;
            }
            readInFlight = true;
        }
        ByteBuffer buf = ByteBuffer.allocate(chunkSize);
        source.read(buf).whenComplete((n, x) -> {
            Object result;
            if (x != null) {
                result = x;
            } else if (n < 0) {
                result = END;
            } else {
                result = buf.flip();
            }
            deliver(result);
        });
        return out;
    }

    private void deliver(Object result) {
        for (;;) {
            Promise<ByteBuffer> to;
            synchronized (this) {
                readInFlight = false;
                to = waiting;
                waiting = null;
                if (to == null) {
                    carried = result;
                    return;
                }
            }
            if (settle(to, result)) {
                return;
            }
            // The consumer cancelled that next(); keep the result for the next one (which may be waiting).
            synchronized (this) {
                if (waiting == null) {
                    carried = result;
                    return;
                }
            }
        }
    }

    private static boolean settle(Promise<ByteBuffer> p, Object result) {
        if (result == END) {
            return p.complete(null);
        }
        if (result instanceof Throwable) {
            return p.completeExceptionally((Throwable) result);
        }
        return p.complete((ByteBuffer) result);
    }

    private static Promise<ByteBuffer> promiseOf(Object result) {
        if (result == END) {
            return endOfStream();
        }
        if (result instanceof Throwable) {
            return Promise.failed((Throwable) result);
        }
        return Promise.completed((ByteBuffer) result);
    }

    @Override
    protected void onClose() {
        source.close();
    }
}
