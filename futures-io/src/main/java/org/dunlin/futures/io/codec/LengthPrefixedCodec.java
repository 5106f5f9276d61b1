package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;

/**
 * Frames prefixed by their length as a 2-byte unsigned big-endian integer: the framing of DNS over TCP
 * and over TLS (RFC 1035 §4.2.2, RFC 7766 §8, RFC 7858 §3.3).
 *
 * <pre>
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   |                 length (octets)               |   then that many octets of message
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 *
 * <p>Frames are {@link ByteBuffer}s of their own (a copy, positioned at 0), without the prefix. A frame
 * of length 0 is delivered as an empty buffer: the layer above decides whether it is valid. Frames longer
 * than {@link #maxFrameLength()} fail with {@link FrameTooLongException} as soon as the prefix is read,
 * before their bytes are buffered. Stateless and thread-safe: one instance can serve every connection.
 */
public final class LengthPrefixedCodec implements Codec<ByteBuffer> {
    /** The largest frame a 2-byte prefix can describe. */
    public static final int MAX_LENGTH = 0xFFFF;

    private final int maxFrameLength;

    /** A codec accepting frames up to 65,535 bytes. */
    public LengthPrefixedCodec() {
        this(MAX_LENGTH);
    }

    /** A codec accepting frames up to {@code maxFrameLength} bytes (at most 65,535). */
    public LengthPrefixedCodec(int maxFrameLength) {
        if (maxFrameLength < 0 || maxFrameLength > MAX_LENGTH) {
            throw new IllegalArgumentException("max frame length must be in [0, 65535]: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    /** The longest frame accepted, in bytes. */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public ByteBuffer decode(ByteBuffer buf) throws CodecException {
        if (buf.remaining() < 2) {
            return null;
        }
        int start = buf.position();
        int length = Short.toUnsignedInt(buf.getShort(start));
        if (length > maxFrameLength) {
            throw new FrameTooLongException("frame of " + length + " bytes exceeds the limit of " + maxFrameLength);
        }
        if (buf.remaining() - 2 < length) {
            return null;
        }
        ByteBuffer frame = ByteBuffer.allocate(length);
        ByteBuffer src = buf.duplicate();
        src.position(start + 2).limit(start + 2 + length);
        frame.put(src).flip();
        buf.position(start + 2 + length);
        return frame;
    }

    @Override
    public ByteBuffer encode(ByteBuffer frame) throws CodecException {
        int length = frame.remaining();
        if (length > maxFrameLength) {
            throw new FrameTooLongException("frame of " + length + " bytes exceeds the limit of " + maxFrameLength);
        }
        ByteBuffer out = ByteBuffer.allocate(2 + length);
        out.putShort((short) length).put(frame.duplicate()).flip();
        return out;
    }

    @Override
    public String toString() {
        return "LengthPrefixedCodec[max " + maxFrameLength + "]";
    }
}
