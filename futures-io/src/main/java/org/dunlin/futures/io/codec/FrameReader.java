package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;
import org.dunlin.futures.AbstractAsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.ReadHalf;
import org.dunlin.futures.io.internal.Outcomes;

/**
 * The reading side of {@link Framed}.
 *
 * <p>Design. One heap buffer holds the bytes received and not yet decoded, between {@code readPos} and
 * {@code writePos}; reads go into the free space after {@code writePos}. Ownership of the buffer decides
 * who may touch it: while a read is in flight, its completion handler owns it (it appends, decodes, and
 * either reads again or publishes the outcome); otherwise the consumer's {@code pull()} owns it. A read is
 * started only when the decoder needs more bytes, so while a read is in flight the buffer holds no
 * complete frame and {@code pull()} has nothing to decode: it just waits. A decoded frame whose
 * {@code next()} was cancelled is carried to the next call. The only shared state (who waits, what is
 * carried, whether a read is in flight) is guarded by this object's monitor, and no user code runs under
 * it.
 */
final class FrameReader<T> extends AbstractAsyncStream<T> {
    private static final Object END = Outcomes.END;
    private static final int INITIAL = 4096;
    private static final int MIN_READ = 1024;

    private final ReadHalf in;
    private final Decoder<T> decoder;
    private final int maxBuffer;

    // Owned as the class comment says.
    private ByteBuffer buf = ByteBuffer.allocate(INITIAL);
    private int readPos;
    private int writePos;
    private boolean eof;

    // Guarded by this.
    private boolean readInFlight;
    private Promise<T> waiting;
    private Object carried;
    private Object terminal;

    FrameReader(ReadHalf in, Decoder<T> decoder, int maxBuffer) {
        this.in = in;
        this.decoder = decoder;
        this.maxBuffer = maxBuffer;
    }

    @Override
    protected Promise<T> pull() {
        Promise<T> out;
        synchronized (this) {
            if (carried != null) {
                Object c = carried;
                carried = null;
                return Outcomes.promiseOf(c);
            }
            if (terminal != null) {
                return Outcomes.promiseOf(terminal);
            }
            out = new Promise<>();
            waiting = out;
            if (readInFlight) {
                return out;
            }
        }
        Object result = decodeOrRead();
        if (result != null) {
            synchronized (this) {
                if (waiting == out) {
                    waiting = null;
                }
                remember(result);
            }
            return Outcomes.promiseOf(result);
        }
        return out;
    }

    /**
     * As owner of the buffer: decodes a frame (returns it, END or a failure) or starts a read (returns
     * null; ownership passes to the read's completion).
     */
    private Object decodeOrRead() {
        Object result = decodeOrMakeRoom();
        if (result != null) {
            return result;
        }
        synchronized (this) {
            readInFlight = true;
        }
        startRead();
        return null;
    }

    /** As {@link #decodeOrRead()}, from a read's completion, which already owns the buffer. */
    private Object decodeOrReadAgain() {
        Object result = decodeOrMakeRoom();
        if (result != null) {
            return result;
        }
        if (isClosed()) {
            return END;
        }
        startRead();
        return null;
    }

    /** Decodes a frame, END or a failure; or, if more bytes are needed, makes room for them and returns null. */
    private Object decodeOrMakeRoom() {
        Object result = decodeOne();
        if (result != null) {
            return result;
        }
        try {
            makeRoom();
        } catch (FrameTooLongException x) {
            return x;
        }
        return null;
    }

    /** Reads into the free space after {@code writePos}; the completion takes over the buffer. */
    private void startRead() {
        ByteBuffer target = buf.duplicate();
        target.limit(buf.capacity()).position(writePos);
        in.read(target).whenComplete(this::readDone);
    }

    /** Decodes from the buffered bytes: a frame, END, a failure, or null if more bytes are needed. */
    private Object decodeOne() {
        buf.limit(writePos).position(readPos);
        try {
            T frame = eof ? decoder.decodeEof(buf) : decoder.decode(buf);
            readPos = buf.position();
            if (frame != null) {
                return frame;
            }
            if (eof) {
                return END;
            }
            return null;
        } catch (CodecException | RuntimeException x) {
            return x;
        } finally {
            buf.clear();
        }
    }

    private void makeRoom() throws FrameTooLongException {
        if (buf.capacity() - writePos >= MIN_READ) {
            return;
        }
        int pending = writePos - readPos;
        if (readPos > 0 && buf.capacity() - pending >= MIN_READ) {
            System.arraycopy(buf.array(), readPos, buf.array(), 0, pending);
            readPos = 0;
            writePos = pending;
            return;
        }
        if (buf.capacity() >= maxBuffer) {
            if (readPos > 0) {
                System.arraycopy(buf.array(), readPos, buf.array(), 0, pending);
                readPos = 0;
                writePos = pending;
                if (buf.capacity() - writePos > 0) {
                    return;
                }
            }
            throw new FrameTooLongException("more than " + maxBuffer + " bytes buffered without a complete frame");
        }
        ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(maxBuffer, Math.max(2L * buf.capacity(), pending + MIN_READ)));
        System.arraycopy(buf.array(), readPos, bigger.array(), 0, pending);
        buf = bigger;
        readPos = 0;
        writePos = pending;
    }

    private void readDone(Integer n, Throwable failure) {
        Object result;
        if (failure != null) {
            result = failure;
        } else {
            if (n < 0) {
                eof = true;
            } else {
                writePos += n;
            }
            result = decodeOrReadAgain();
            if (result == null) {
                return;
            }
        }
        deliver(result);
    }


    /**
     * Hands a result to the waiting {@code next()}, or carries it. The buffer stays owned (the read
     * "in flight") until the result is placed, so a {@code next()} arriving meanwhile waits for it
     * rather than decoding or reading past it; once placed, a {@code next()} that arrived while it was
     * being handed over is served here, in a loop (no recursion however many frames are buffered).
     */
    private void deliver(Object result) {
        for (;;) {
            for (;;) {
                Promise<T> to;
                synchronized (this) {
                    remember(result);
                    to = waiting;
                    waiting = null;
                    if (to == null) {
                        if (!Outcomes.isTerminal(result)) {
                            carried = result;
                        }
                        readInFlight = false;
                        return;
                    }
                }
                if (Outcomes.settle(to, result)) {
                    break;
                }
                // The consumer cancelled that next(): offer the result to the one waiting now, or carry it.
            }
            synchronized (this) {
                if (waiting == null) {
                    readInFlight = false;
                    return;
                }
                if (terminal != null) {
                    result = terminal;
                    continue;
                }
            }
            result = decodeOrReadAgain();
            if (result == null) {
                return; // a read started; its completion serves the waiting next()
            }
        }
    }

    /** Records an end or failure as terminal. Under the monitor. */
    private void remember(Object result) {
        if (Outcomes.isTerminal(result)) {
            terminal = result;
        }
    }

    @Override
    protected void onClose() {
        in.close();
    }
}
