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
        startRead();
        return out;
    }

    private void startRead() {
        ByteBuffer buf = ByteBuffer.allocate(chunkSize);
        source.read(buf).whenComplete((n, x) -> deliver(x != null ? x : n < 0 ? END : buf.flip()));
    }

    /**
     * Hands a read's result to the waiting {@code next()}, or carries it. The read counts as in flight
     * until its result is placed, so a {@code next()} arriving meanwhile waits for this result instead
     * of starting a read that could overtake it; if one arrived while the result was being handed over,
     * its read starts here.
     */
    private void deliver(Object result) {
        for (;;) {
            Promise<ByteBuffer> to;
            synchronized (this) {
                to = waiting;
                waiting = null;
                if (to == null) {
                    carried = result;
                    readInFlight = false;
                    return;
                }
            }
            if (settle(to, result)) {
                break;
            }
            // The consumer cancelled that next(): offer the result to the one waiting now, or carry it.
        }
        boolean next;
        synchronized (this) {
            next = waiting != null;
            readInFlight = next;
        }
        if (next) {
            startRead();
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
