package org.dunlin.futures.io.codec;

/**
 * A decoder and an encoder of the same frame type, as most protocols have.
 *
 * @param <T> the frame type
 */
public interface Codec<T> extends Decoder<T>, Encoder<T> {
}
