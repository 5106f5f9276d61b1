package org.dunlin.properties.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.rdata.Rdata;

/**
 * The decoder never throws anything but {@link WireFormatException}: on arbitrary bytes, on arbitrary
 * bytes behind a plausible header, on valid messages with bytes flipped, inserted, deleted or
 * overwritten, and on hostile compression layouts. Whatever it accepts re-encodes to the same value.
 * (Work linear in the input is a whitebox property of dns-wire's own tests, DecoderWorkProperties.)
 */
class DecoderRobustnessProperties {
    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    /** Bytes behind a header whose counts are small, so parsing goes deep rather than stopping at once. */
    @Provide
    Arbitrary<byte[]> plausible() {
        return Combinators.combine(Arbitraries.integers().between(0, 3).list().ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400)).as((counts, body) -> {
                    byte[] b = new byte[12 + body.length];
                    b[0] = 0x42;
                    for (int i = 0; i < 4; i++) {
                        b[5 + 2 * i] = (byte) (int) counts.get(i);
                    }
                    System.arraycopy(body, 0, b, 12, body.length);
                    return b;
                });
    }

    /** A valid message with one to four mutations. */
    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<Tuple.Tuple3<Integer, Integer, Integer>> mutation = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1 << 16), Arbitraries.integers().between(0, 255)).as(Tuple::of);
        return Combinators.combine(WireArbitraries.validWire(), mutation.list().ofMinSize(1).ofMaxSize(4)).as((wire, ms) -> {
            byte[] b = wire;
            for (Tuple.Tuple3<Integer, Integer, Integer> m : ms) {
                if (b.length == 0) {
                    break;
                }
                int at = m.get2() % b.length;
                switch (m.get1()) {
                    case 0: // overwrite
                        b = b.clone();
                        b[at] = (byte) (int) m.get3();
                        break;
                    case 1: // flip one bit
                        b = b.clone();
                        b[at] ^= (byte) (1 << (m.get3() & 7));
                        break;
                    case 2: { // insert
                        byte[] n = new byte[b.length + 1];
                        System.arraycopy(b, 0, n, 0, at);
                        n[at] = (byte) (int) m.get3();
                        System.arraycopy(b, at, n, at + 1, b.length - at);
                        b = n;
                        break;
                    }
                    default: { // delete
                        byte[] n = new byte[b.length - 1];
                        System.arraycopy(b, 0, n, 0, at);
                        System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                        b = n;
                    }
                }
            }
            return b;
        });
    }

    /** Compression pointers everywhere: every second octet pair of the body is a pointer. */
    @Provide
    Arbitrary<byte[]> pointerSoup() {
        return Combinators.combine(Arbitraries.integers().between(0, 0x3FFF).list().ofMinSize(1).ofMaxSize(200),
                Arbitraries.integers().between(1, 20)).as((targets, records) -> {
                    byte[] b = new byte[12 + targets.size() * 2];
                    b[7] = (byte) (int) records;
                    for (int i = 0; i < targets.size(); i++) {
                        int t = targets.get(i) % Math.max(1, b.length);
                        b[12 + 2 * i] = (byte) (0xC0 | t >>> 8);
                        b[13 + 2 * i] = (byte) t;
                    }
                    return b;
                });
    }

    private static void decodeCleanly(byte[] b) {
        try {
            Message m = Message.fromWire(b);
            assertEquals(m, Message.fromWire(m.toWire()), "what decodes re-encodes to the same message");
            assertTrue(!m.toString().isEmpty());
        } catch (WireFormatException e) {
            assertTrue(e.offset() >= -1 && e.offset() <= b.length, "offset within the input: " + e.getMessage());
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            if (b.length >= 12) {
                assertEquals((b[0] & 0xFF) << 8 | b[1] & 0xFF, e.header().orElseThrow().id(), "ID kept for FORMERR");
            }
        }
    }

    @Property
    void arbitraryBytesDecodeOrAreRejected(@ForAll("arbitraryBytes") byte[] b) {
        decodeCleanly(b);
    }

    @Property
    void plausibleMessagesDecodeOrAreRejected(@ForAll("plausible") byte[] b) {
        decodeCleanly(b);
    }

    @Property
    void mutatedMessagesDecodeOrAreRejected(@ForAll("mutated") byte[] b) {
        decodeCleanly(b);
    }

    @Property
    void pointerSoupDecodesOrIsRejected(@ForAll("pointerSoup") byte[] b) {
        decodeCleanly(b);
    }

    @Property
    void rdataDecoderForEveryTypeRejectsCleanly(@ForAll("arbitraryBytes") byte[] b, @ForAll("types") RRType type) {
        try {
            Rdata r = Rdata.fromWire(type, b);
            assertEquals(r, Rdata.fromWire(type, r.toWire()));
        } catch (WireFormatException expected) {
            assertTrue(expected.offset() >= -1 && expected.offset() <= b.length);
        }
    }

    @Provide
    Arbitrary<RRType> types() {
        List<RRType> l = new java.util.ArrayList<>(Rdata.supportedTypes());
        l.add(RRType.of(65280));
        return Arbitraries.of(l);
    }
}
