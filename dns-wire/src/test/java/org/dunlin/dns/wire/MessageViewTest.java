package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.dunlin.dns.wire.edns.Edns;
import org.junit.jupiter.api.Test;

class MessageViewTest {
    @Test
    void readsHeaderAndQuestionInPlace() throws Exception {
        Message q = Message.builder().id(0xABCD).opcode(Opcode.NOTIFY).flags(Flag.AA, Flag.RD).question(Name.of("Mixed.Case.example"), RRType.SOA)
                .edns(Edns.DEFAULT).build();
        byte[] wire = q.toWire();
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length + 10);
        direct.position(5);
        direct.put(wire);
        direct.position(5).limit(5 + wire.length);
        MessageView v = MessageView.of(direct);
        assertEquals(0xABCD, v.id());
        assertEquals(Opcode.NOTIFY, v.opcode());
        assertTrue(v.isSet(Flag.AA) && v.isSet(Flag.RD));
        assertEquals(1, v.questionCount());
        Question question = v.question();
        assertTrue(question.name().equalsExactly(Name.of("Mixed.Case.example")), "case preserved (0x20)");
        assertEquals(RRType.SOA, question.type());
        assertEquals(-1, v.tsigOffset());
        assertEquals(5, direct.position(), "the view never moves the buffer");
        assertEquals(q, v.decode());
    }

    @Test
    void rejectsShortAndMalformedInput() {
        assertThrows(WireFormatException.class, () -> MessageView.of(ByteBuffer.wrap(new byte[11])));
        byte[] loop = WireTestSupport.hex(WireTestSupport.header(1, 0, 0, 0) + "c00c 0001 0001");
        WireFormatException e = assertThrows(WireFormatException.class, () -> MessageView.of(ByteBuffer.wrap(loop)).question());
        assertEquals(WireFormatException.Kind.BAD_POINTER, e.kind());
        byte[] none = WireTestSupport.hex(WireTestSupport.header(0, 0, 0, 0));
        assertThrows(WireFormatException.class, () -> MessageView.of(ByteBuffer.wrap(none)).question());
    }

    @Test
    void findsTheTsigRecord() throws Exception {
        String tsig = "00 00fa 00ff 00000000 001d 0b686d61632d736861323536 00 000000000000 012c 0000 4242 0000 0000";
        byte[] wire = WireTestSupport.hex(WireTestSupport.header(1, 0, 0, 1) + WireTestSupport.QUESTION + tsig);
        assertEquals(12 + 17, MessageView.of(ByteBuffer.wrap(wire)).tsigOffset());
    }
}
