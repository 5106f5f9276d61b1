package org.dunlin.dns.wire;

import static org.dunlin.dns.wire.WireTestSupport.QUESTION;
import static org.dunlin.dns.wire.WireTestSupport.header;
import static org.dunlin.dns.wire.WireTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.edns.ClientSubnet;
import org.dunlin.dns.wire.edns.Cookie;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOptionCode;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.ExtendedErrorCode;
import org.dunlin.dns.wire.edns.Nsid;
import org.dunlin.dns.wire.edns.Padding;
import org.dunlin.dns.wire.edns.TcpKeepalive;
import org.dunlin.dns.wire.edns.UnknownOption;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static Record rec(String text) throws TextParseException {
        return Record.fromText(text);
    }

    private static Message sample() throws TextParseException {
        return Message.builder().id(0xBEEF).flags(Flag.QR, Flag.AA, Flag.RD).question(Name.of("example.com"), RRType.MX)
                .answer(rec("example.com. 3600 IN MX 10 mail.example.com."))
                .answer(rec("example.com. 3600 IN MX 20 mail2.example.com."))
                .authority(rec("example.com. 86400 IN NS ns1.example.com."))
                .additional(rec("mail.example.com. 300 IN A 192.0.2.25"))
                .additional(rec("mail.example.com. 300 IN AAAA 2001:db8::25"))
                .edns(Edns.DEFAULT.withDnssecOk(true).withOption(Nsid.REQUEST))
                .build();
    }

    @Test
    void roundTripsAndCompresses() throws Exception {
        Message m = sample();
        byte[] wire = m.toWire();
        assertEquals(m, Message.fromWire(wire));
        // "example.com" is written once; every later occurrence is (at most) a 2-octet pointer.
        int uncompressed = 12 + 17 + 15;
        for (Section sec : new Section[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (Record r : m.section(sec)) {
                uncompressed += r.toWire().length;
            }
        }
        assertTrue(wire.length < uncompressed - 60, "names are compressed: " + wire.length + " vs " + uncompressed);
        String s = new String(wire, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(s.indexOf("example"), s.lastIndexOf("example"), "example.com appears once");
    }

    @Test
    void compressionKeepsCaseExactly() throws Exception {
        Message m = Message.builder().id(1).question(Name.of("WwW.ExAmPlE.com"), RRType.A)
                .answer(rec("www.example.com. 60 IN A 192.0.2.1"))
                .answer(rec("WwW.ExAmPlE.com. 60 IN A 192.0.2.2"))
                .build();
        Message d = Message.fromWire(m.toWire());
        assertTrue(d.question().get(0).name().equalsExactly(Name.of("WwW.ExAmPlE.com")));
        assertTrue(d.answer().get(0).owner().equalsExactly(Name.of("www.example.com")));
        assertTrue(d.answer().get(1).owner().equalsExactly(Name.of("WwW.ExAmPlE.com")));
    }

    @Test
    void uncompressedTypesAreNeverCompressed() throws Exception {
        Message m = Message.builder().id(1).question(Name.of("example.com"), RRType.SRV)
                .answer(rec("_sip._tcp.example.com. 60 IN SRV 1 2 5060 example.com."))
                .answer(rec("example.com. 60 IN RRSIG A 8 2 60 20240201000000 20240101000000 1 example.com. AAAA"))
                .build();
        byte[] wire = m.toWire();
        assertEquals(m, Message.fromWire(wire));
        String s = new String(wire, java.nio.charset.StandardCharsets.ISO_8859_1);
        // question, SRV target and RRSIG signer: three literal copies (owners may point at them).
        int count = 0;
        for (int i = s.indexOf("\u0007example\u0003com\u0000"); i >= 0; i = s.indexOf("\u0007example\u0003com\u0000", i + 1)) {
            count++;
        }
        assertEquals(3, count);
    }

    @Test
    void truncatesWholeRrsetsAndKeepsOpt() throws Exception {
        Message.Builder b = Message.builder().id(7).flags(Flag.QR).question(Name.of("big.example"), RRType.A)
                .edns(Edns.DEFAULT);
        for (int set = 0; set < 10; set++) {
            for (int i = 0; i < 5; i++) {
                b.answer(rec("s" + set + ".big.example. 60 IN A 10.0." + set + "." + i));
            }
        }
        Message m = b.build();
        byte[] full = m.toWire();
        assertTrue(full.length > 512);
        byte[] cut = m.toWire(512);
        assertTrue(cut.length <= 512);
        Message d = Message.fromWire(cut);
        assertTrue(d.isSet(Flag.TC));
        assertTrue(d.edns().isPresent(), "OPT is kept");
        assertEquals(0, d.answer().size() % 5, "only whole RRsets");
        assertTrue(d.answer().size() > 0);
        assertEquals(m.answer().subList(0, d.answer().size()), d.answer());
        // Additional data that does not fit is dropped without TC (RFC 2181 §9).
        Message.Builder b2 = Message.builder().id(8).flags(Flag.QR).question(Name.of("x.example"), RRType.NS)
                .answer(rec("x.example. 60 IN NS ns.x.example."));
        for (int i = 0; i < 60; i++) {
            b2.additional(rec("ns" + i + ".x.example. 60 IN AAAA 2001:db8::" + i));
        }
        Message d2 = Message.fromWire(b2.build().toWire(512));
        assertFalse(d2.isSet(Flag.TC));
        assertEquals(1, d2.answer().size());
        assertTrue(d2.additional().size() < 60);
        assertThrows(IllegalArgumentException.class, () -> Message.builder().question(Name.of("a"), RRType.A).build().toWire(15));
    }

    @Test
    void extendedRcodeTravelsInOpt() throws Exception {
        Message m = Message.builder().id(3).flags(Flag.QR).rcode(Rcode.BADVERS).edns(Edns.DEFAULT).build();
        byte[] wire = m.toWire();
        assertEquals(0, wire[3] & 0xF, "low bits of BADVERS (16) are 0");
        Message d = Message.fromWire(wire);
        assertEquals(Rcode.BADVERS, d.rcode());
        assertThrows(IllegalArgumentException.class, () -> Message.builder().rcode(Rcode.BADCOOKIE).build());
    }

    @Test
    void ednsOptionsRoundTrip() throws Exception {
        Edns e = new Edns(4096, 0, Edns.FLAG_DO, List.of(
                new Nsid(ByteString.ofLatin1("ns1")),
                ClientSubnet.of(java.net.InetAddress.getByName("192.0.2.77"), 24),
                new Cookie(ByteString.fromHex("0102030405060708"), ByteString.fromHex("1112131415161718")),
                TcpKeepalive.of(125), new Padding(12),
                new ExtendedError(ExtendedErrorCode.PROHIBITED, "blocked by policy"),
                new UnknownOption(EdnsOptionCode.of(65001), ByteString.fromHex("CAFE"))));
        Message m = Message.builder().id(9).question(Name.of("a.example"), RRType.A).edns(e).build();
        Message d = Message.fromWire(m.toWire());
        assertEquals(m, d);
        assertEquals("192.0.2.0", d.edns().get().option(ClientSubnet.class).get().address().getHostAddress());
    }

    @Test
    void malformedEdnsOptionsAreFormErr() {
        // ECS with a 25-bit source prefix but only 3 address octets.
        byte[] ecs = hex(header(1, 0, 0, 1) + QUESTION + "00 0029 1000 00000000 000b 0008 0007 0001 19 00 c00002");
        WireFormatException e = assertThrows(WireFormatException.class, () -> Message.fromWire(ecs));
        assertEquals(Kind.BAD_EDNS_OPTION, e.kind());
        // COOKIE of 9 octets.
        byte[] cookie = hex(header(1, 0, 0, 1) + QUESTION + "00 0029 1000 00000000 000d 000a 0009 010203040506070809");
        assertEquals(Kind.BAD_EDNS_OPTION, assertThrows(WireFormatException.class, () -> Message.fromWire(cookie)).kind());
    }

    private static WireFormatException reject(String hexText, Kind kind) {
        byte[] b = hex(hexText);
        WireFormatException e = assertThrows(WireFormatException.class, () -> Message.fromWire(b));
        assertEquals(kind, e.kind(), e.getMessage());
        if (b.length >= 12) {
            assertEquals(0x4242, e.header().orElseThrow().id(), "the header is exposed for FORMERR");
        }
        return e;
    }

    @Test
    void rejectsBadCompressionPointers() {
        // pointer to itself (answer owner at offset 29 points to 29)
        WireFormatException self = reject(header(1, 1, 0, 0) + QUESTION + "c01d 0001 0001 00000101 0004 0a203040", Kind.BAD_POINTER);
        assertEquals(29, self.offset());
        assertTrue(self.getMessage().contains("answer[0]"), self.getMessage());
        // forward pointer (question points to the answer)
        reject(header(1, 1, 0, 0) + "c012 0001 0001 " + QUESTION.replace("0001 0001", "0001 0001 00000101 0004 0a203040"), Kind.BAD_POINTER);
        // loop: answer 1 points into answer 2 (forward) and back
        reject(header(1, 2, 0, 0) + QUESTION + "c02d 0001 0001 00000101 0004 0a203040 c01d 0001 0001 00000101 0004 0a203050", Kind.BAD_POINTER);
        // past the end
        reject(header(1, 1, 0, 0) + QUESTION + "c0ff 0001 0001 00000101 0004 0a203040", Kind.BAD_POINTER);
        // into the header
        reject(header(1, 1, 0, 0) + QUESTION + "c004 0001 0001 00000101 0004 0a203040", Kind.BAD_POINTER);
        // label types 0x40 and 0x80
        reject(header(1, 0, 0, 0) + "41 00 0001 0001", Kind.BAD_LABEL_TYPE);
        reject(header(1, 0, 0, 0) + "81 00 0001 0001", Kind.BAD_LABEL_TYPE);
        // compression in an RRSIG signer name (RFC 4034 §3.1.7)
        reject(header(1, 1, 0, 0) + QUESTION + "c00c 002e 0001 00000101 0015 0001 08 02 00000e10 65000000 64000000 0001 c00c 0102",
                Kind.COMPRESSION_NOT_ALLOWED);
    }

    @Test
    void rejectsTooManyPointersAndOverlongNames() {
        // A chain of 200 pointers laid out in a NULL record's data, each pointing at the previous one,
        // ending at a root label; the next record's owner points at the last pointer: 201 hops.
        StringBuilder sb = new StringBuilder(header(0, 2, 0, 0));
        sb.append(String.format("00 000a 0001 00000000 %04x 00 ", 1 + 2 * 200));
        for (int j = 0; j < 200; j++) {
            sb.append(String.format("%04x ", 0xC000 | (j == 0 ? 23 : 24 + 2 * (j - 1))));
        }
        sb.append(String.format("%04x 000a 0001 00000000 0000", 0xC000 | (24 + 2 * 199)));
        WireFormatException hops = reject(sb.toString(), Kind.TOO_MANY_POINTERS);
        assertTrue(hops.getMessage().contains("answer[1]"), hops.getMessage());
        // The same chain with only 100 pointers is legal (if odd) and decodes.
        StringBuilder ok = new StringBuilder(header(0, 2, 0, 0));
        ok.append(String.format("00 000a 0001 00000000 %04x 00 ", 1 + 2 * 100));
        for (int j = 0; j < 100; j++) {
            ok.append(String.format("%04x ", 0xC000 | (j == 0 ? 23 : 24 + 2 * (j - 1))));
        }
        ok.append(String.format("%04x 000a 0001 00000000 0000", 0xC000 | (24 + 2 * 99)));
        assertTrue(assertDoesNotThrow(() -> Message.fromWire(hex(ok.toString()))).answer().get(1).owner().isRoot());
        // a name of 4 x 63-octet labels via a pointer: 256 + root > 255
        String label = "3f" + "61".repeat(63) + " ";
        reject(header(1, 1, 0, 0) + label + label + "00 0001 0001 " + label + label + "c00c 0001 0001 00000000 0004 01020304",
                Kind.NAME_TOO_LONG);
    }

    @Test
    void rejectsBadLengthsAndStructure() {
        // A record with RDLENGTH 3
        reject(header(1, 1, 0, 0) + QUESTION + "c00c 0001 0001 00000101 0003 0a2030", Kind.RDLENGTH_MISMATCH);
        // A record with RDLENGTH 5 (not consumed exactly)
        reject(header(1, 1, 0, 0) + QUESTION + "c00c 0001 0001 00000101 0005 0a20304050", Kind.RDLENGTH_MISMATCH);
        // RDLENGTH past the end
        reject(header(1, 1, 0, 0) + QUESTION + "c00c 0001 0001 00000101 00ff 0a203040", Kind.RDLENGTH_MISMATCH);
        // counts promise more records than there are
        reject(header(1, 3, 0, 0) + QUESTION + "c00c 0001 0001 00000101 0004 0a203040", Kind.TRUNCATED);
        // trailing bytes
        reject(header(1, 0, 0, 0) + QUESTION + "00", Kind.TRAILING_DATA);
        // two OPT records, OPT not at the root, OPT in the answer section
        reject(header(1, 0, 0, 2) + QUESTION + "00 0029 1000 00000000 0000 00 0029 1000 00000000 0000", Kind.BAD_OPT);
        reject(header(1, 0, 0, 1) + QUESTION + "c00c 0029 1000 00000000 0000", Kind.BAD_OPT);
        reject(header(1, 1, 0, 0) + QUESTION + "00 0029 1000 00000000 0000", Kind.BAD_OPT);
        // TSIG followed by another record
        String tsig = "00 00fa 00ff 00000000 001d 0b686d61632d736861323536 00 000000000000 012c 0000 4242 0000 0000";
        reject(header(1, 0, 0, 2) + QUESTION + tsig + " c00c 0001 0001 00000101 0004 0a203040", Kind.TSIG_NOT_LAST);
        // a header shorter than 12 octets exposes no header
        WireFormatException e = assertThrows(WireFormatException.class, () -> Message.fromWire(hex("4242 0100 0001")));
        assertEquals(Kind.TRUNCATED, e.kind());
        assertTrue(e.header().isEmpty());
        // a bad record after a good question still exposes the question for FORMERR
        WireFormatException q = reject(header(1, 1, 0, 0) + QUESTION + "c00c 0001 0001 00000101 0003 0a2030", Kind.RDLENGTH_MISMATCH);
        assertEquals(Question.of("example.com", RRType.A), q.question().orElseThrow());
    }

    @Test
    void acceptsTsigLast() throws Exception {
        String tsig = "00 00fa 00ff 00000000 001d 0b686d61632d736861323536 00 000000000000 012c 0000 4242 0000 0000";
        Message m = Message.fromWire(hex(header(1, 0, 0, 1) + QUESTION + tsig));
        assertTrue(m.tsig().isPresent());
        assertEquals(m, Message.fromWire(m.toWire()));
    }

    @Test
    void updateMessagesKeepEmptyRdataInClassesAnyAndNone() throws Exception {
        // RFC 2136 §2.4.1: "RRset exists" prerequisite has class ANY and RDLENGTH 0.
        byte[] b = hex("4242 2800 0001 0001 0000 0000 " + "07 6578616d706c65 03 636f6d 00 0006 0001 "
                + "c00c 0001 00ff 00000000 0000");
        Message m = Message.fromWire(b);
        assertEquals(Opcode.UPDATE, m.opcode());
        Rdata r = m.answer().get(0).rdata();
        assertInstanceOf(UnknownRdata.class, r);
        assertEquals(RRType.A, r.type());
        assertEquals(m, Message.fromWire(m.toWire()));
        // class NONE deletes a specific RR: typed data.
        byte[] del = hex("4242 2800 0001 0000 0001 0000 " + "07 6578616d706c65 03 636f6d 00 0006 0001 "
                + "c00c 0001 00fe 00000000 0004 0a000001");
        assertInstanceOf(ARdata.class, Message.fromWire(del).authority().get(0).rdata());
    }

    @Test
    void canonicalRecordWire() throws Exception {
        Record r = rec("WWW.Example.COM. 300 IN MX 10 Mail.Example.COM.");
        byte[] expected = hex("03777777 076578616d706c65 03636f6d 00 000f 0001 00000e10 0014 000a 046d61696c 076578616d706c65 03636f6d 00");
        assertArrayEquals(expected, r.toCanonicalWire(3600));
        byte[] plain = r.toWire();
        assertEquals('W', plain[1]);
    }

    @Test
    void responseBuilderCopiesTheRightFields() throws Exception {
        Message q = Message.builder().id(77).flags(Flag.RD, Flag.CD, Flag.AD).question(Name.of("a.example"), RRType.A).build();
        Message r = Message.responseTo(q).rcode(Rcode.NXDOMAIN).build();
        assertEquals(77, r.id());
        assertTrue(r.isSet(Flag.QR) && r.isSet(Flag.RD) && r.isSet(Flag.CD));
        assertFalse(r.isSet(Flag.AD));
        assertEquals(q.question(), r.question());
        assertEquals(r, Message.fromWire(r.toWire()));
    }
}
