package org.dunlin.properties.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.MessageEncoder;
import org.dunlin.dns.wire.MessageView;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;

/**
 * decode(encode(m)) equals m for arbitrary messages holding records of every type, with EDNS and TSIG;
 * truncation to any limit yields a valid message made of whole RRsets; the zero-copy view agrees; the
 * convenience encoder, which reuses a per-thread scratch writer from one message to the next, gives
 * exactly the octets of a fresh {@link MessageEncoder}.
 */
class MessageRoundTripProperties {
    @Provide
    Arbitrary<Message> messages() {
        return WireArbitraries.message();
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("messages") Message m) throws Exception {
        byte[] wire = m.toWire();
        assertEquals(m, Message.fromWire(wire));
        assertEquals(m, Message.fromWire(ByteBuffer.wrap(wire)));
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length + 3).put(new byte[3]).put(wire).flip().position(3);
        assertEquals(m, Message.fromWire(direct));
    }

    @Property
    void toWireEncodesEachMessageAsAFreshEncoderWould(@ForAll("messages") Message m,
            @ForAll @IntRange(min = 512, max = 65535) int limit) {
        // Whatever this thread encoded before (the previous tries) must not show through.
        assertArrayEquals(new MessageEncoder().encode(m), m.toWire());
        byte[] fresh;
        try {
            fresh = new MessageEncoder().encode(m, limit);
        } catch (IllegalArgumentException tooSmall) {
            assertThrows(IllegalArgumentException.class, () -> m.toWire(limit));
            return;
        }
        assertArrayEquals(fresh, m.toWire(limit));
    }

    @Property
    void truncationKeepsWholeRrsetsAndEdns(@ForAll("messages") Message m, @ForAll @IntRange(min = 512, max = 4096) int limit) throws Exception {
        byte[] wire;
        try {
            wire = m.toWire(limit);
        } catch (IllegalArgumentException tooSmall) {
            return; // header + question + OPT + TSIG alone exceed the limit
        }
        assertTrue(wire.length <= limit);
        Message d = Message.fromWire(wire);
        assertEquals(m.edns(), d.edns());
        assertEquals(m.tsig(), d.tsig());
        assertEquals(m.answer().subList(0, d.answer().size()), d.answer());
        assertEquals(m.authority().subList(0, d.authority().size()), d.authority());
        boolean dropped = d.answer().size() < m.answer().size() || d.authority().size() < m.authority().size();
        if (dropped) {
            assertTrue(d.isSet(Flag.TC), "answer or authority data dropped: TC");
        }
        assertWholeRrsets(m, d);
    }

    private static void assertWholeRrsets(Message m, Message d) {
        for (java.util.List<Record>[] pair : new java.util.List[][] {{m.answer(), d.answer()}, {m.authority(), d.authority()}}) {
            java.util.List<Record> full = pair[0];
            java.util.List<Record> kept = pair[1];
            if (!kept.isEmpty() && kept.size() < full.size()) {
                Record last = kept.get(kept.size() - 1);
                Record next = full.get(kept.size());
                assertTrue(!(last.owner().equals(next.owner()) && last.type().equals(next.type()) && last.rrClass().equals(next.rrClass())),
                        "an RRset was split");
            }
        }
    }

    @Property
    void viewAgreesWithDecoder(@ForAll("messages") Message m) throws Exception {
        byte[] wire = m.toWire();
        MessageView v = MessageView.of(ByteBuffer.wrap(wire));
        assertEquals(m.id(), v.id());
        assertEquals(m.opcode(), v.opcode());
        assertEquals(m.header(), v.header());
        if (!m.question().isEmpty()) {
            assertEquals(m.question().get(0), v.question());
        }
        int tsig = v.tsigOffset();
        assertEquals(m.tsig().isPresent(), tsig >= 0);
        if (tsig >= 0) {
            // RFC 8945 §4.3.1: the MAC covers the message up to the TSIG record.
            int len = m.tsig().get().toWire().length;
            assertTrue(tsig + len >= wire.length - 2 * 255 && tsig < wire.length);
            assertEquals(RRType.TSIG.value(), ((wire[tsig + nameLength(wire, tsig)] & 0xFF) << 8) | wire[tsig + nameLength(wire, tsig) + 1] & 0xFF);
        }
    }

    private static int nameLength(byte[] w, int p) {
        int start = p;
        while (true) {
            int l = w[p] & 0xFF;
            if (l == 0) {
                return p + 1 - start;
            }
            if ((l & 0xC0) == 0xC0) {
                return p + 2 - start;
            }
            p += l + 1;
        }
    }
}
