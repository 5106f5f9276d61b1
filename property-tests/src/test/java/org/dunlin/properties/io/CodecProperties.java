package org.dunlin.properties.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dunlin.futures.io.codec.CodecException;
import org.dunlin.futures.io.codec.Decoder;
import org.dunlin.futures.io.codec.LengthPrefixedCodec;
import org.dunlin.futures.io.codec.LineCodec;

/**
 * The codecs decode exactly what they encoded, however the bytes are split into reads — the way
 * {@code Framed} feeds them: a buffer that grows with each read, with consumed bytes compacted away.
 */
class CodecProperties {

    /** Feeds {@code wire} to {@code decoder} in chunks cut at {@code cuts}, collecting the frames. */
    static <T> List<T> decodeInChunks(Decoder<T> decoder, byte[] wire, List<Integer> cuts) throws CodecException {
        List<T> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(wire.length + 16);
        buf.flip();
        int fed = 0;
        List<Integer> points = new ArrayList<>();
        for (int c : cuts) {
            points.add(Math.floorMod(c, wire.length + 1));
        }
        points.sort(Integer::compare);
        points.add(wire.length);
        for (int point : points) {
            if (point < fed) {
                continue;
            }
            buf.compact();
            buf.put(wire, fed, point - fed);
            buf.flip();
            fed = point;
            T frame;
            while ((frame = decoder.decode(buf)) != null) {
                out.add(frame);
            }
        }
        T last = decoder.decodeEof(buf);
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    @Property
    void lengthPrefixedFramesSurviveAnySplitting(@ForAll @Size(max = 20) List<@Size(max = 600) byte[]> frames,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 100_000) Integer> cuts) throws Exception {
        LengthPrefixedCodec codec = new LengthPrefixedCodec();
        ByteBuffer wire = ByteBuffer.allocate(frames.stream().mapToInt(f -> f.length + 2).sum());
        for (byte[] f : frames) {
            wire.put(codec.encode(ByteBuffer.wrap(f)));
        }
        List<ByteBuffer> decoded = decodeInChunks(codec, wire.array(), cuts);
        assertEquals(frames.size(), decoded.size());
        for (int i = 0; i < frames.size(); i++) {
            byte[] got = new byte[decoded.get(i).remaining()];
            decoded.get(i).get(got);
            assertArrayEquals(frames.get(i), got);
        }
    }

    @Property
    void linesSurviveAnySplitting(@ForAll @Size(max = 20) List<@CharRange(from = ' ', to = '\u00ff') String> lines,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 100_000) Integer> cuts,
            @ForAll boolean crlf) throws Exception {
        LineCodec codec = new LineCodec(100_000, crlf ? "\r\n" : "\n");
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        for (String l : lines) {
            wire.writeBytes(codec.encode(l).array());
        }
        assertEquals(lines, decodeInChunks(new LineCodec(100_000, "\n"), wire.toByteArray(), cuts));
    }
}
