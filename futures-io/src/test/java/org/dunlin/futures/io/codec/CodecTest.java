package org.dunlin.futures.io.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The codecs on their own: frames split anywhere, limits, end of stream. */
class CodecTest {
    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesSplitOnNewlineAndStripCr() throws Exception {
        LineCodec c = new LineCodec();
        ByteBuffer b = ascii("one\r\ntwo\nthr");
        assertEquals("one", c.decode(b));
        assertEquals("two", c.decode(b));
        assertNull(c.decode(b));
        assertEquals("thr", c.decodeEof(b), "a last line without newline is still a line");
        assertNull(c.decodeEof(ascii("")));
    }

    @Test
    void aLineLongerThanTheLimitFailsAsSoonAsItIsKnown() throws Exception {
        LineCodec c = new LineCodec(4, "\n");
        assertEquals("abcd", c.decode(ascii("abcd\n")));
        assertEquals("abcd", new LineCodec(4, "\n").decode(ascii("abcd\r\n")));
        assertNull(new LineCodec(4, "\n").decode(ascii("abcd\r")), "may still be followed by \\n");
        assertThrows(FrameTooLongException.class, () -> new LineCodec(4, "\n").decode(ascii("abcde")));
        assertThrows(FrameTooLongException.class, () -> new LineCodec(4, "\n").decode(ascii("abcde\n")));
    }

    @Test
    void lineEncodingAppendsTheTerminator() throws Exception {
        assertEquals("héllo\r\n\r\n", StandardCharsets.UTF_8.decode(new LineCodec(10, "\r\n\r\n").encode("héllo")).toString());
    }

    @Test
    void lengthPrefixedFramesRoundTripAndWaitForTheirBytes() throws Exception {
        LengthPrefixedCodec c = new LengthPrefixedCodec();
        ByteBuffer wire = ByteBuffer.allocate(100);
        wire.put(c.encode(ascii("dns"))).put(c.encode(ascii(""))).put(c.encode(ascii("query"))).flip();
        ByteBuffer partial = wire.duplicate().limit(4);
        assertNull(c.decode(partial), "3 of the 5 bytes of the first frame");
        assertEquals(0, partial.position(), "nothing consumed while incomplete");
        assertEquals("dns", StandardCharsets.UTF_8.decode(c.decode(wire)).toString());
        assertEquals(0, c.decode(wire).remaining(), "an empty frame is a frame");
        assertEquals("query", StandardCharsets.UTF_8.decode(c.decode(wire)).toString());
        assertNull(c.decode(wire));
    }

    @Test
    void lengthPrefixedLimitsAreCheckedOnThePrefix() throws Exception {
        LengthPrefixedCodec c = new LengthPrefixedCodec(512);
        ByteBuffer hugePrefixOnly = ByteBuffer.allocate(2).putShort(0, (short) 513);
        assertThrows(FrameTooLongException.class, () -> c.decode(hugePrefixOnly));
        assertThrows(FrameTooLongException.class, () -> c.encode(ByteBuffer.allocate(513)));
        assertThrows(FrameTooLongException.class, () -> new LengthPrefixedCodec().encode(ByteBuffer.allocate(65536)));
        assertThrows(IllegalArgumentException.class, () -> new LengthPrefixedCodec(65536));
    }

    @Test
    void aStreamEndingInsideAFrameIsAnError() {
        LengthPrefixedCodec c = new LengthPrefixedCodec();
        CodecException x = assertThrows(CodecException.class, () -> c.decodeEof(ByteBuffer.wrap(new byte[] {0, 5, 1})));
        assertEquals("the stream ended inside a frame (3 bytes left over)", x.getMessage());
    }
}
