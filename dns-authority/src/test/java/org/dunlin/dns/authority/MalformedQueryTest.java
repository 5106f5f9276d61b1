package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed queries get FORMERR with their ID (RFC 1035 §4.1.1), unsupported ones NOTIMP, packets that
 * are not queries get nothing — and after each the server still answers a good query, over UDP and TCP.
 */
class MalformedQueryTest {
    private static AuthorityServer server;
    private static DnsClient client;

    @BeforeAll
    static void start() throws Exception {
        server = AuthorityServer.builder().zone(Zone.parse(Name.of("test."), TestSupport.zoneText("corners.zone"), "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).start();
        client = new DnsClient(server.udpAddresses().get(0));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @AfterEach
    void stillServing() throws Exception {
        Message r = client.udp(Message.builder().id(1).question(Name.of("web.test."), RRType.A).build());
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(1, r.answer().size());
    }

    /** Builds a packet: header words then raw parts. */
    private static byte[] packet(int id, int flags, int qd, int an, int ns, int ar, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12);
        h.putShort((short) id).putShort((short) flags).putShort((short) qd).putShort((short) an).putShort((short) ns)
                .putShort((short) ar);
        out.writeBytes(h.array());
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] QUESTION = concat(Name.of("test.").toWire(), new byte[] {0, 6, 0, 1});
    private static final byte[] OPT = {0, 0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 0};
    private static final byte[] OPT_NON_ROOT = concat(Name.of("test.").toWire(), new byte[] {0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 0});
    private static final byte[] A_RECORD = concat(Name.of("x.test.").toWire(), new byte[] {0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 1, 2, 3, 4});

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static Message formerr(byte[] query) throws Exception {
        byte[] raw = client.udpRaw(query, 2000);
        assertNotNull(raw, "a malformed query with a readable header is answered");
        Message r = Message.fromWire(raw);
        assertEquals(Rcode.FORMERR, r.rcode());
        assertEquals(((query[0] & 0xFF) << 8) | (query[1] & 0xFF), r.id());
        assertTrue(r.answer().isEmpty() && r.authority().isEmpty());
        // The same over TCP.
        Message t = Message.fromWire(client.tcpRaw(query));
        assertEquals(Rcode.FORMERR, t.rcode());
        return r;
    }

    @Test
    void twoQuestions() throws Exception {
        Message r = formerr(packet(101, 0, 2, 0, 0, 0, QUESTION, QUESTION));
        assertTrue(r.question().isEmpty(), "which question would we echo?");
    }

    @Test
    void noQuestion() throws Exception {
        formerr(packet(102, 0, 0, 0, 0, 0));
    }

    @Test
    void optWithNonRootOwner() throws Exception {
        formerr(packet(103, 0, 1, 0, 0, 1, QUESTION, OPT_NON_ROOT));
    }

    @Test
    void twoOpts() throws Exception {
        Message r = formerr(packet(104, 0, 1, 0, 0, 2, QUESTION, OPT, OPT));
        assertTrue(r.edns().isEmpty(), "a broken OPT is not answered with one");
        assertEquals(1, r.question().size(), "the question is echoed when it was readable");
    }

    @Test
    void optInTheAnswerSection() throws Exception {
        formerr(packet(105, 0, 1, 1, 0, 0, QUESTION, OPT));
    }

    @Test
    void shortRecord() throws Exception {
        formerr(packet(106, 0, 1, 0, 0, 1, QUESTION, new byte[] {0, 0, 41, 4}));
    }

    @Test
    void countsLargerThanTheContents() throws Exception {
        formerr(packet(107, 0, 1, 0, 0, 2, QUESTION, OPT));
        formerr(packet(108, 0, 1, 3, 0, 0, QUESTION, A_RECORD));
    }

    @Test
    void questionCountWithoutAQuestion() throws Exception {
        formerr(packet(109, 0, 1, 0, 0, 0));
    }

    @Test
    void trailingGarbage() throws Exception {
        formerr(packet(110, 0, 1, 0, 0, 0, QUESTION, new byte[] {(byte) 0xDE, (byte) 0xAD}));
    }

    @Test
    void compressionPointerInTheQuestion() throws Exception {
        formerr(packet(111, 0, 1, 0, 0, 0, new byte[] {(byte) 0xC0, 12, 0, 1, 0, 1}));
    }

    @Test
    void badLabelType() throws Exception {
        formerr(packet(112, 0, 1, 0, 0, 0, new byte[] {0x41, 'a', 'b', 'c', 0, 0, 1, 0, 1}));
    }

    @Test
    void optionLengthPastTheOpt() throws Exception {
        formerr(packet(113, 0, 1, 0, 0, 1, QUESTION, new byte[] {0, 0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 4, 0, 3, 0, 10}));
    }

    @Test
    void malformedClientSubnetOption() throws Exception {
        // ECS with family 1 and a source prefix of 33 bits (RFC 7871 §7.1.2: FORMERR).
        formerr(packet(114, 0, 1, 0, 0, 1, QUESTION, new byte[] {0, 0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 8,
                0, 8, 0, 4, 0, 1, 33, 0}));
    }

    @Test
    void recordsInAnswerAndAuthorityAreIgnored() throws Exception {
        // Well-formed, just unusual: answered (as Knot does).
        Message r = Message.fromWire(client.udpRaw(packet(115, 0, 1, 1, 1, 0, QUESTION, A_RECORD, A_RECORD), 2000));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(RRType.SOA, r.answer().get(0).type());
    }

    @Test
    void tsigWithAnUnknownKeyGetsNotauth() throws Exception {
        byte[] rdata = concat(Name.of("hmac-sha256.").toWire(), new byte[] {0, 0, 0x65, 0x5E, 0, 0, 1, 44, 0, 0, 0, 116, 0, 0, 0, 0});
        byte[] tsig = concat(Name.of("key.").toWire(), concat(new byte[] {0, (byte) 250, 0, (byte) 255, 0, 0, 0, 0, 0,
                (byte) rdata.length}, rdata));
        Message r = Message.fromWire(client.udpRaw(packet(116, 0, 1, 0, 0, 1, QUESTION, tsig), 2000));
        assertEquals(Rcode.NOTAUTH, r.rcode());
    }

    @Test
    void responsesAndRuntsAreNotAnswered() throws Exception {
        assertNull(client.udpRaw(packet(117, 0x8000, 1, 0, 0, 0, QUESTION), 300), "never answer a response");
        assertNull(client.udpRaw(new byte[] {0, 118, 0, 0, 0}, 300), "nothing to answer without a header");
    }

    @Test
    void notifyAndOtherOpcodesGetNotimpAndAnUpdateNobodyMayMakeIsRefused() throws Exception {
        for (int opcode : new int[] {4, 5, 2, 1}) {
            Message r = Message.fromWire(client.udpRaw(packet(120 + opcode, opcode << 11, 1, 0, 0, 0, QUESTION), 2000));
            // RFC 2136 §3.3: an UPDATE the server does not permit is REFUSED (none is permitted here)
            assertEquals(opcode == 5 ? Rcode.REFUSED : Rcode.NOTIMP, r.rcode(), "opcode " + opcode);
            assertEquals(opcode, r.opcode().value());
        }
    }

    @Test
    void zoneTransfersAreNotOffered() throws Exception {
        byte[] axfr = packet(130, 0, 1, 0, 0, 0, concat(Name.of("test.").toWire(), new byte[] {0, (byte) 252, 0, 1}));
        assertEquals(Rcode.NOTIMP, Message.fromWire(client.udpRaw(axfr, 2000)).rcode(), "AXFR is not defined over UDP");
        assertEquals(Rcode.REFUSED, Message.fromWire(client.tcpRaw(axfr)).rcode());
    }
}
