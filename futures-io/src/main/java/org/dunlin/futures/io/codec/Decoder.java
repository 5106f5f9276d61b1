package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;

/**
 * Turns bytes into frames (tokio's {@code Decoder}). A decoder belongs to one connection and may keep
 * state between calls (such as how far it has already scanned); {@link Framed} calls it from one thread
 * at a time.
 *
 * <p>Contract of {@link #decode}: {@code buf} holds the bytes received and not yet consumed, between its
 * position and limit. If they start with a complete frame, return it and advance the position past it
 * (exactly past it: the rest belongs to the next frame). If more bytes are needed, return {@code null};
 * the position may then only move over bytes the decoder will never need again. Throw a
 * {@link CodecException} for malformed input, and a {@link FrameTooLongException} as soon as a frame is
 * known to exceed the decoder's limit, so a peer cannot make the buffer grow without bound. Never keep a
 * reference to {@code buf}; a returned frame must not share its memory.
 */
@FunctionalInterface
public interface Decoder<T> {

    /** Decodes the next frame, or returns {@code null} if more bytes are needed; see the class comment. */
    T decode(ByteBuffer buf) throws CodecException;

    /**
     * Called once the peer has ended the stream, with the bytes left over; returns a last frame or
     * {@code null} for none. By default leftover bytes are an error: the stream ended inside a frame.
     */
    default T decodeEof(ByteBuffer buf) throws CodecException {
        T last = decode(buf);
        if (last == null && buf.hasRemaining()) {
            throw new CodecException("the stream ended inside a frame (" + buf.remaining() + " bytes left over)");
        }
        return last;
    }
}
