package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoder's work is linear in its input: on hostile inputs made to maximise name work (pointer
 * chains, long labels reached through pointers, pointer soup), the octets copied plus pointers
 * followed never exceed a constant times the input length. Whitebox: it reads the reader's work
 * counter. Run longer with {@code -Djqwik.tries=100000}.
 */
class DecoderWorkProperties {
    /** Per input octet: a name costs at most 255 copied octets + 2 * 127 hops, and takes at least one octet. */
    private static final long C = 255 + 2 * 127 + 1;

    @Provide
    Arbitrary<byte[]> hostile() {
        // A header claiming many records, then a region of labels and pointers chained backwards.
        Arbitrary<Integer> piece = Arbitraries.integers().between(0, 4);
        return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(3000), Arbitraries.integers().between(1, 65535))
                .as((pieces, records) -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    out.write(0x42);
                    out.write(0x42);
                    out.write(0);
                    out.write(0);
                    out.write(0);
                    out.write(0);
                    out.write(records >>> 8);
                    out.write(records);
                    for (int i = 0; i < 4; i++) {
                        out.write(0);
                    }
                    for (int p : pieces) {
                        int here = out.size();
                        switch (p) {
                            case 0: // a pointer to the octet just before (a chain)
                                out.write(0xC0 | (here - 1) >>> 8 & 0x3F);
                                out.write(here - 1);
                                break;
                            case 1: // a pointer two octets back
                                out.write(0xC0 | (here - 2) >>> 8 & 0x3F);
                                out.write(here - 2);
                                break;
                            case 2: { // a long label
                                out.write(63);
                                for (int k = 0; k < 63; k++) {
                                    out.write('a');
                                }
                                break;
                            }
                            case 3: // a root label
                                out.write(0);
                                break;
                            default: // a record trailer: type NULL, class IN, TTL, RDLENGTH 0
                                out.write(new byte[] {0, 10, 0, 1, 0, 0, 0, 0, 0, 0}, 0, 10);
                        }
                    }
                    return out.toByteArray();
                });
    }

    @Property
    void workIsLinearInTheInput(@ForAll("hostile") byte[] b) {
        WireReader in = WireReader.forMessage(b, 0, b.length);
        try {
            MessageCodec.decode(in);
        } catch (WireFormatException expected) {
            // rejection is fine; the work done until then is what is measured
        }
        assertTrue(in.work() <= C * b.length, "work " + in.work() + " for " + b.length + " octets");
    }

    @Property
    void arbitraryBytesToo(@ForAll("random") byte[] b) {
        WireReader in = WireReader.forMessage(b, 0, b.length);
        try {
            MessageCodec.decode(in);
        } catch (WireFormatException expected) {
            // fine
        }
        assertTrue(in.work() <= C * Math.max(1, b.length));
    }

    @Provide
    Arbitrary<byte[]> random() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(12).ofMaxSize(2000);
    }
}
