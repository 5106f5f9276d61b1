package org.dunlin.futures.io.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 text. Decoding splits on {@code \n} and strips it and a {@code \r} before it; a line
 * longer than {@link #maxLength()} bytes (terminator excluded) fails with {@link FrameTooLongException}
 * as soon as that many bytes arrive without a newline. At the end of the stream, a last line without a
 * newline is still delivered. Encoding appends the codec's terminator ({@code \n} by default).
 *
 * <p>Decoding keeps how far it has scanned, so a line trickling in byte by byte costs linear time: use one
 * instance per connection. Encoding is stateless and thread-safe. Malformed UTF-8 is decoded with
 * replacement characters, never an error.
 */
public final class LineCodec implements Codec<String> {
    private final int maxLength;
    private final byte[] terminator;
    private int scanned;

    /** Lines up to 8,192 bytes, written with {@code \n}. */
    public LineCodec() {
        this(8192, "\n");
    }

    /** Lines up to {@code maxLength} bytes, written followed by {@code terminator}. */
    public LineCodec(int maxLength, String terminator) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("max length must be at least 1: " + maxLength);
        }
        this.maxLength = maxLength;
        this.terminator = terminator.getBytes(StandardCharsets.UTF_8);
    }

    /** The longest line accepted, in bytes. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public String decode(ByteBuffer buf) throws CodecException {
        int start = buf.position();
        int end = buf.limit();
        for (int i = start + scanned; i < end; i++) {
            if (buf.get(i) == '\n') {
                int lineEnd = i > start && buf.get(i - 1) == '\r' ? i - 1 : i;
                if (lineEnd - start > maxLength) {
                    throw tooLong();
                }
                String line = text(buf, start, lineEnd);
                buf.position(i + 1);
                scanned = 0;
                return line;
            }
        }
        scanned = end - start;
        // A trailing '\r' may still be followed by '\n', so allow one byte more before failing.
        if (scanned > maxLength + 1 || (scanned == maxLength + 1 && buf.get(end - 1) != '\r')) {
            throw tooLong();
        }
        return null;
    }

    @Override
    public String decodeEof(ByteBuffer buf) throws CodecException {
        String line = decode(buf);
        if (line != null || !buf.hasRemaining()) {
            return line;
        }
        int start = buf.position();
        int end = buf.limit();
        if (buf.get(end - 1) == '\r') {
            end--;
        }
        if (end - start > maxLength) {
            throw tooLong();
        }
        line = text(buf, start, end);
        buf.position(buf.limit());
        scanned = 0;
        return line;
    }

    @Override
    public ByteBuffer encode(String line) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(text.length + terminator.length);
        out.put(text).put(terminator).flip();
        return out;
    }

    private FrameTooLongException tooLong() {
        return new FrameTooLongException("line longer than " + maxLength + " bytes");
    }

    private static String text(ByteBuffer buf, int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "LineCodec[max " + maxLength + "]";
    }
}
