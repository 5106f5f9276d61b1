package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.Connection;

/**
 * A connection seen as frames (tokio's {@code Framed}): a stream of decoded frames in, a
 * {@link FrameSink} out.
 *
 * <pre>{@code
 * Framed<String, String> lines = Framed.of(connection, new LineCodec(), new LineCodec());
 * lines.reader()
 *      .timeout(Duration.ofSeconds(30), timer, TimeoutAction.END)   // idle guard between frames
 *      .forEach(line -> lines.writer().send(line.toUpperCase()));
 * }</pre>
 *
 * <p>The reader ends when the peer ends the stream (after a last frame, if the decoder makes one of the
 * leftover bytes), and fails with a {@link CodecException} on malformed input or with the connection's
 * failure. Closing the reader closes the connection's read half. An idle guard (core's
 * {@link AsyncStream#timeout}) restarts with every frame, so a peer trickling bytes of a frame that never
 * completes is caught as surely as a silent one.
 */
public final class Framed<I, O> {
    /** The default limit of bytes buffered while decoding (1 MiB). */
    public static final int DEFAULT_MAX_BUFFER = 1 << 20;

    private final Connection connection;
    private final FrameReader<I> reader;
    private final Sink<O> writer;

    private Framed(Connection connection, Decoder<I> decoder, Encoder<O> encoder, int maxBuffer) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.reader = new FrameReader<>(connection.reader(), Objects.requireNonNull(decoder, "decoder"), maxBuffer);
        this.writer = new Sink<>(connection, Objects.requireNonNull(encoder, "encoder"));
    }

    /** Frames {@code connection} with a decoder (one per connection) and an encoder. */
    public static <I, O> Framed<I, O> of(Connection connection, Decoder<I> decoder, Encoder<O> encoder) {
        return new Framed<>(connection, decoder, encoder, DEFAULT_MAX_BUFFER);
    }

    /** Frames {@code connection} with one codec (one instance per connection) for both directions. */
    public static <T> Framed<T, T> of(Connection connection, Codec<T> codec) {
        return new Framed<>(connection, codec, codec, DEFAULT_MAX_BUFFER);
    }

    /**
     * As {@link #of(Connection, Decoder, Encoder)}, buffering at most {@code maxBuffer} bytes while a frame
     * is incomplete (beyond that the reader fails with {@link FrameTooLongException}).
     */
    public static <I, O> Framed<I, O> of(Connection connection, Decoder<I> decoder, Encoder<O> encoder, int maxBuffer) {
        if (maxBuffer < 16) {
            throw new IllegalArgumentException("max buffer must be at least 16 bytes: " + maxBuffer);
        }
        return new Framed<>(connection, decoder, encoder, maxBuffer);
    }

    /**
     * The decoded frames, a stream for one consumer. Items complete on the connection's callback lane (or
     * on the consumer's thread when a frame was already buffered). Cancelling a pending {@code next()}
     * loses nothing: the read in flight fills the buffer and the next call decodes it.
     */
    public AsyncStream<I> reader() {
        return reader;
    }

    /** The sending side. */
    public FrameSink<O> writer() {
        return writer;
    }

    /** The connection underneath. */
    public Connection connection() {
        return connection;
    }

    /** Closes the connection at once. */
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "Framed[" + connection + "]";
    }

    private static final class Sink<O> implements FrameSink<O> {
        private final Connection connection;
        private final Encoder<O> encoder;

        Sink(Connection connection, Encoder<O> encoder) {
            this.connection = connection;
            this.encoder = encoder;
        }

        @Override
        public Promise<Void> send(O frame) {
            Objects.requireNonNull(frame, "frame");
            ByteBuffer bytes;
            try {
                bytes = encoder.encode(frame);
            } catch (CodecException | RuntimeException x) {
                return Promise.failed(x);
            }
            return connection.writer().write(bytes);
        }

        @Override
        public long queuedBytes() {
            return connection.writer().queuedBytes();
        }

        @Override
        public Promise<Void> close() {
            return connection.writer().shutdown();
        }
    }
}
