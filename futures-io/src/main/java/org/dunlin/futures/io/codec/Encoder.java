package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;

/**
 * Turns a frame into the bytes to write (tokio's {@code Encoder}). {@link FrameSink#send} calls it on the
 * sending thread, so an encoder shared by several senders must be thread-safe (the codecs of this package
 * are stateless when encoding).
 */
@FunctionalInterface
public interface Encoder<T> {

    /**
     * Returns the bytes of {@code frame}'s encoding, between position and limit; the buffer then belongs
     * to the writer, which does not modify it. Throws {@link CodecException} for a frame that cannot be
     * encoded (such as one too long for its length prefix).
     */
    ByteBuffer encode(T frame) throws CodecException;
}
