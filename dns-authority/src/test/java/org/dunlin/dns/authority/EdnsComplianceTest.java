package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOptionCode;
import org.dunlin.dns.wire.edns.Nsid;
import org.dunlin.dns.wire.edns.UnknownOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EDNS compliance, modelled on ISC's DNS compliance checks (the {@code genreport} tests): each test
 * sends the query that check sends and asserts what the check requires of a compliant authoritative
 * server. Runs against the real server over UDP (and TCP for the TCP check).
 */
class EdnsComplianceTest {
    private static final Name ZONE = Name.of("test.");
    private static AuthorityServer server;
    private static DnsClient client;

    @BeforeAll
    static void start() throws Exception {
        server = AuthorityServer.builder().zone(Zone.parse(ZONE, TestSupport.zoneText("corners.zone"), "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).nsid("dunlin-test").start();
        client = new DnsClient(server.udpAddresses().get(0));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    private static Message soaQuery(Edns edns) {
        return Message.builder().id(4242).question(ZONE, RRType.SOA).edns(edns).build();
    }

    @Test
    void dnsPlainQueryGetsAnAnswerWithoutOpt() throws Exception {
        Message r = client.udp(soaQuery(null));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertTrue(r.isSet(Flag.AA));
        assertEquals(RRType.SOA, r.answer().get(0).type());
        assertTrue(r.edns().isEmpty(), "no OPT in the answer to a query without one (RFC 6891 §7)");
    }

    @Test
    void ednsQueryGetsOptVersionZero() throws Exception {
        Message r = client.udp(soaQuery(Edns.DEFAULT));
        assertEquals(Rcode.NOERROR, r.rcode());
        Edns e = r.edns().orElseThrow();
        assertEquals(0, e.version());
        assertEquals(1232, e.udpPayloadSize());
        assertEquals(RRType.SOA, r.answer().get(0).type());
    }

    @Test
    void ednsVersion1GetsBadversWithVersionZeroAndNoAnswer() throws Exception {
        Message r = client.udp(soaQuery(new Edns(1232, 1, 0, List.of())));
        assertEquals(Rcode.BADVERS, r.rcode());
        assertEquals(0, r.edns().orElseThrow().version(), "BADVERS carries the highest version we support");
        assertTrue(r.answer().isEmpty());
        assertFalse(r.isSet(Flag.AA));
    }

    @Test
    void ednsVersion1WithAnOptionGetsBadversWithoutEchoingIt() throws Exception {
        Message r = client.udp(soaQuery(new Edns(1232, 1, 0, List.of(new UnknownOption(EdnsOptionCode.of(100), ByteString.EMPTY)))));
        assertEquals(Rcode.BADVERS, r.rcode());
        assertTrue(r.edns().orElseThrow().options().isEmpty());
    }

    @Test
    void unknownOptionIsIgnoredAndNotEchoed() throws Exception {
        Message r = client.udp(soaQuery(Edns.DEFAULT.withOption(new UnknownOption(EdnsOptionCode.of(100), ByteString.of((byte) 1, (byte) 2)))));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(RRType.SOA, r.answer().get(0).type());
        assertTrue(r.edns().orElseThrow().options().isEmpty());
    }

    @Test
    void unknownFlagIsIgnoredAndNotEchoed() throws Exception {
        Message r = client.udp(soaQuery(new Edns(1232, 0, 0x0080, List.of())));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(0, r.edns().orElseThrow().flags(), "undefined EDNS flags are cleared in the reply (RFC 6891 §6.1.4)");
    }

    @Test
    void unknownOptionWithUnknownFlagAndVersion1() throws Exception {
        Message r = client.udp(soaQuery(new Edns(1232, 1, 0x0080, List.of(new UnknownOption(EdnsOptionCode.of(100), ByteString.EMPTY)))));
        assertEquals(Rcode.BADVERS, r.rcode());
        assertEquals(0, r.edns().orElseThrow().flags());
    }

    @Test
    void doBitIsEchoed() throws Exception {
        Message r = client.udp(soaQuery(Edns.DEFAULT.withDnssecOk(true)));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertTrue(r.edns().orElseThrow().dnssecOk(), "DO is copied into the reply (RFC 3225 §3)");
    }

    @Test
    void nsidIsSentWhenAskedFor() throws Exception {
        Message r = client.udp(soaQuery(Edns.DEFAULT.withOption(Nsid.REQUEST)));
        assertEquals(ByteString.ofUtf8("dunlin-test"), r.edns().orElseThrow().option(Nsid.class).orElseThrow().id());
        Message plain = client.udp(soaQuery(Edns.DEFAULT));
        assertTrue(plain.edns().orElseThrow().option(Nsid.class).isEmpty(), "no NSID unless asked (RFC 5001 §2.1)");
    }

    @Test
    void optionListWithSeveralKnownOptionsIsAnswered() throws Exception {
        Edns e = Edns.DEFAULT.withOption(Nsid.REQUEST)
                .withOption(new UnknownOption(EdnsOptionCode.EXPIRE, ByteString.EMPTY))
                .withOption(new org.dunlin.dns.wire.edns.Cookie(ByteString.fromHex("0102030405060708"), ByteString.EMPTY));
        Message r = client.udp(soaQuery(e));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertEquals(RRType.SOA, r.answer().get(0).type());
    }

    @Test
    void payload512IsHonouredWithTruncation() throws Exception {
        Message q = Message.builder().id(512).question(Name.of("big.test."), RRType.TXT).edns(new Edns(512, 0, 0, List.of())).build();
        byte[] raw = client.udpRaw(q.toWire(), 2000);
        assertTrue(raw.length <= 512, "answer of " + raw.length + " octets exceeds the advertised 512");
        Message r = Message.fromWire(raw);
        assertTrue(r.isSet(Flag.TC), "the 600-octet TXT RRset cannot fit: TC");
        assertTrue(r.answer().isEmpty(), "no partial RRset");
        assertTrue(r.edns().isPresent(), "OPT kept in a truncated reply (RFC 6891 §7)");
    }

    @Test
    void payloadBelow512IsTreatedAs512() throws Exception {
        Message q = Message.builder().id(100).question(Name.of("test."), RRType.NS).edns(new Edns(100, 0, 0, List.of())).build();
        byte[] raw = client.udpRaw(q.toWire(), 2000);
        Message r = Message.fromWire(raw);
        assertFalse(r.isSet(Flag.TC), "a 512-octet answer fits a payload size of 100, which means 512 (RFC 6891 §6.2.5)");
        assertEquals(3, r.answer().size());
    }

    @Test
    void largeAnswerFitsTheAdvertisedSize() throws Exception {
        Message q = Message.builder().id(1232).question(Name.of("big.test."), RRType.TXT).edns(Edns.DEFAULT).build();
        byte[] raw = client.udpRaw(q.toWire(), 2000);
        Message r = Message.fromWire(raw);
        assertFalse(r.isSet(Flag.TC));
        assertEquals(6, r.answer().size());
    }

    @Test
    void noEdnsMeans512() throws Exception {
        Message q = Message.builder().id(1).question(Name.of("big.test."), RRType.TXT).build();
        byte[] raw = client.udpRaw(q.toWire(), 2000);
        assertTrue(raw.length <= 512);
        assertTrue(Message.fromWire(raw).isSet(Flag.TC));
    }

    @Test
    void ednsOverTcpIsAnsweredInFull() throws Exception {
        Message r = client.tcp(Message.builder().id(77).question(Name.of("big.test."), RRType.TXT).edns(new Edns(512, 0, 0, List.of())).build());
        assertFalse(r.isSet(Flag.TC), "TCP answers are not limited by the UDP payload size");
        assertEquals(6, r.answer().size());
        assertTrue(r.edns().isPresent());
    }

    @Test
    void unknownTypeGetsNodataWithSoa() throws Exception {
        Message r = client.udp(Message.builder().id(666).question(ZONE, RRType.of(666)).edns(Edns.DEFAULT).build());
        assertEquals(Rcode.NOERROR, r.rcode());
        assertTrue(r.isSet(Flag.AA));
        assertTrue(r.answer().isEmpty());
        assertEquals(RRType.SOA, r.authority().get(0).type());
    }

    @Test
    void unknownOpcodeGetsNotimp() throws Exception {
        Message r = client.udp(Message.builder().id(15).opcode(Opcode.of(15)).question(ZONE, RRType.SOA).build());
        assertEquals(Rcode.NOTIMP, r.rcode());
        assertEquals(Opcode.of(15), r.opcode());
        assertTrue(r.answer().isEmpty());
        Message withEdns = client.udp(Message.builder().id(16).opcode(Opcode.of(15)).question(ZONE, RRType.SOA).edns(Edns.DEFAULT).build());
        assertEquals(Rcode.NOTIMP, withEdns.rcode());
    }

    @Test
    void zFlagIsClearedAndTheQueryAnswered() throws Exception {
        byte[] q = soaQuery(null).toWire();
        q[3] |= 0x40; // Z
        Message r = Message.fromWire(client.udpRaw(q, 2000));
        assertEquals(Rcode.NOERROR, r.rcode());
        assertFalse(r.isSet(Flag.Z), "Z must be zero in responses (RFC 1035 §4.1.1)");
        assertEquals(RRType.SOA, r.answer().get(0).type());
    }

    @Test
    void rdAndCdAreCopiedAndRaAdStayClear() throws Exception {
        Message r = client.udp(Message.builder().id(9).flags(Flag.RD, Flag.CD, Flag.AD).question(ZONE, RRType.SOA).edns(Edns.DEFAULT).build());
        assertTrue(r.isSet(Flag.RD));
        assertTrue(r.isSet(Flag.CD), "CD is copied (RFC 4035 §3.1.6)");
        assertFalse(r.isSet(Flag.RA), "an authoritative-only server offers no recursion");
        assertFalse(r.isSet(Flag.AD));
    }

    @Test
    void questionIsEchoedByteForByte() throws Exception {
        byte[] q = Message.builder().id(5).question(Name.of("MiXeD.TeSt."), RRType.A).build().toWire();
        byte[] r = client.udpRaw(q, 2000);
        int qlen = q.length - 12;
        assertArrayEquals(Arrays.copyOfRange(q, 12, 12 + qlen), Arrays.copyOfRange(r, 12, 12 + qlen));
        Message m = Message.fromWire(r);
        assertTrue(m.answer().get(0).owner().equalsExactly(Name.of("MiXeD.TeSt.")), "the answer's owner has the question's case");
    }
}
