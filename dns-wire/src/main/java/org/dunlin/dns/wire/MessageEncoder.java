package org.dunlin.dns.wire;

import java.nio.ByteBuffer;

/**
 * Encodes messages as {@link Message#toWire(int)} does, reusing its buffer and compression table from
 * one message to the next, so that encoding allocates nothing beyond the result (and nothing at all
 * with {@link #encode(Message, int, ByteBuffer)}). Meant for servers and clients that encode many
 * messages: keep one per thread or per connection.
 *
 * <p>Not thread-safe: an encoder is used by one thread at a time.
 */
public final class MessageEncoder {
    private final WireWriter writer = new WireWriter(4096, true, false);

    /** The wire form of {@code message}, at most 65535 octets (see {@link Message#toWire()}). */
    public byte[] encode(Message message) {
        return encode(message, WireWriter.MAX_MESSAGE);
    }

    /** The wire form of {@code message} in at most {@code maxSize} octets (see {@link Message#toWire(int)}). */
    public byte[] encode(Message message, int maxSize) {
        writer.reset();
        MessageCodec.encode(writer, message, maxSize);
        return writer.toByteArray();
    }

    /**
     * Encodes {@code message} into {@code target} at its position, in at most
     * {@code min(maxSize, target.remaining())} octets, advancing the position; returns the length.
     */
    public int encode(Message message, int maxSize, ByteBuffer target) {
        writer.reset();
        MessageCodec.encode(writer, message, Math.min(maxSize, target.remaining()));
        int n = writer.position();
        target.put(writer.buffer(), 0, n);
        return n;
    }
}
