package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.ReadHalf;
import org.dunlin.futures.io.internal.Outcomes;
import org.dunlin.futures.io.internal.SingleFlightStream;

/**
 * The reading side of {@link Framed}.
 *
 * <p>Design. One heap buffer holds the bytes received and not yet decoded, between {@code readPos} and
 * {@code writePos}; reads go into the free space after {@code writePos}. As a {@link SingleFlightStream},
 * one operation is in flight at a time, and its owner alone touches the buffer: a {@code next()} decodes
 * a frame already buffered at once, and starts a read only when the decoder needs more bytes; the read's
 * completion appends, decodes, and either reads again or delivers the outcome. A decoded frame whose
 * {@code next()} was cancelled is carried to the next call. The end or a failure, once decoded, is
 * remembered and answers every later {@code next()}. No user code runs under this object's monitor.
 */
final class FrameReader<T> extends SingleFlightStream<T> {
    private static final int INITIAL = 4096;
    private static final int MIN_READ = 1024;

    private final ReadHalf in;
    private final Decoder<T> decoder;
    private final int maxBuffer;

    // Owned by the operation in flight (see the class comment).
    private ByteBuffer buf = ByteBuffer.allocate(INITIAL);
    private int readPos;
    private int writePos;
    private boolean eof;

    // Guarded by this.
    private Object terminal;

    FrameReader(ReadHalf in, Decoder<T> decoder, int maxBuffer) {
        this.in = in;
        this.decoder = decoder;
        this.maxBuffer = maxBuffer;
    }

    @Override
    protected Promise<T> finished() {
        return terminal != null ? Outcomes.promiseOf(terminal) : null;
    }

    @Override
    protected Object start() {
        synchronized (this) {
            if (terminal != null) {
                return terminal;
            }
        }
        return decodeOrRead();
    }

    /**
     * As owner of the buffer: decodes a frame (returns it, END or a failure) or starts a read (returns
     * null; ownership passes to the read's completion).
     */
    private Object decodeOrRead() {
        Object result = decodeOne();
        if (result == null) {
            try {
                makeRoom();
            } catch (FrameTooLongException x) {
                result = x;
            }
        }
        if (result == null && isClosed()) {
            result = END;
        }
        if (result == null) {
            ByteBuffer target = buf.duplicate();
            target.limit(buf.capacity()).position(writePos);
            in.read(target).whenComplete(this::readDone);
            return null;
        }
        if (Outcomes.isTerminal(result)) {
            synchronized (this) {
                terminal = result;
            }
        }
        return result;
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
            synchronized (this) {
                terminal = failure;
            }
            result = failure;
        } else {
            if (n < 0) {
                eof = true;
            } else {
                writePos += n;
            }
            result = decodeOrRead();
        }
        if (result != null) {
            deliver(result);
        }
    }

    @Override
    protected void onClose() {
        in.close();
    }
}
