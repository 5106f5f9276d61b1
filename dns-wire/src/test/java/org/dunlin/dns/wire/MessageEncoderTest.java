package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {
    /** A message large enough to put names beyond offset 0x3FFF, where pointers cannot reach. */
    static Message big() throws Exception {
        Message.Builder b = Message.builder().id(1).flags(Flag.QR).question(Name.of("zone.example"), RRType.AXFR);
        for (int i = 0; i < 700; i++) {
            Name owner = Name.of("host" + i + ".sub" + (i % 7) + ".zone.example");
            b.answer(Record.of(owner, 60, new MxRdata(i, Name.of("mail" + (i % 13) + ".zone.example"))));
            b.answer(Record.of(owner, 60, TxtRdata.of("text " + i)));
        }
        return b.build();
    }

    @Test
    void largeMessagesRoundTripAndCompressAcrossObjects() throws Exception {
        Message m = big();
        byte[] wire = m.toWire();
        assertTrue(wire.length > 0x4000, "names past 0x3FFF cannot be pointer targets: " + wire.length);
        assertEquals(m, Message.fromWire(wire));
        MessageEncoder enc = new MessageEncoder();
        assertArrayEquals(wire, enc.encode(m), "the reusable encoder produces the same octets");
    }

    @Test
    void reuseAcrossMessagesTruncationAndBuffers() throws Exception {
        MessageEncoder enc = new MessageEncoder();
        Message big = big();
        Message small = Message.builder().id(2).question(Name.of("host1.sub1.zone.example"), RRType.MX)
                .answer(Record.fromText("host1.sub1.zone.example. 60 IN MX 1 mail1.zone.example.")).edns(Edns.DEFAULT).build();
        for (int round = 0; round < 3; round++) {
            byte[] cut = enc.encode(big, 1232);
            assertTrue(cut.length <= 1232);
            Message d = Message.fromWire(cut);
            assertTrue(d.isSet(Flag.TC));
            assertEquals(big.answer().subList(0, d.answer().size()), d.answer());
            assertArrayEquals(small.toWire(), enc.encode(small), "no state leaks from the previous message");
            ByteBuffer buf = ByteBuffer.allocate(600);
            buf.put((byte) 7);
            int n = enc.encode(small, 65535, buf);
            assertEquals(1 + n, buf.position());
            assertEquals(small, Message.fromWire(buf.array(), 1, n));
        }
    }
}
