package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;
import org.dunlin.dns.wire.tsig.SignedMessage;
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS UPDATE (RFC 2136) over UDP, signed with TSIG: prerequisites, additions, deletions, the serial. */
class UpdateTest {
    private static final Name ZONE = Name.of("test.");
    private static final TsigKey KEY = TsigKey.of("update-key.", TsigAlgorithm.HMAC_SHA256,
            "thirty-two octets of update key!".getBytes(StandardCharsets.US_ASCII));
    private static final Tsig TSIG = new Tsig(Clock.systemUTC());

    private AuthorityServer server;
    private DnsClient client;
    private int id;

    @BeforeEach
    void start() throws Exception {
        server = AuthorityServer.builder().zone(Zone.parse(ZONE, TestSupport.zoneText("corners.zone"), "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).warmupQueries(0).tsigKeys(List.of(KEY))
                .allowUpdate(List.of("key:update-key")).start();
        client = new DnsClient(server.udpAddresses().get(0));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private Rcode send(List<Record> prerequisites, List<Record> updates, boolean sign) throws Exception {
        Message m = Message.builder().id(++id).opcode(Opcode.UPDATE).question(ZONE, RRType.SOA).answer(prerequisites)
                .authority(updates).build();
        byte[] wire = m.toWire();
        if (sign) {
            SignedMessage s = TSIG.signRequest(KEY, wire);
            byte[] r = client.udpRaw(s.wire(), 2000);
            assertTrue(TSIG.verifyResponse(KEY, s.mac(), r).isVerified(), "the answer to a signed update is signed");
            Message reply = Message.fromWire(r);
            assertEquals(Opcode.UPDATE, reply.opcode());
            return reply.rcode();
        }
        return Message.fromWire(client.udpRaw(wire, 2000)).rcode();
    }

    private List<Record> lookup(String name, RRType type) throws Exception {
        return client.udp(Message.builder().id(++id).question(Name.of(name), type).build()).answer();
    }

    private long serial() throws Exception {
        return ((SoaRdata) lookup("test.", RRType.SOA).get(0).rdata()).serial();
    }

    private static Record rr(String text) throws Exception {
        return Record.fromText(text);
    }

    /** A class ANY or NONE record with empty RDATA, as prerequisites and deletions use. */
    private static Record empty(String owner, RRClass c, RRType type) {
        return new Record(Name.of(owner), c, 0, new UnknownRdata(type, ByteString.EMPTY));
    }

    private static Record none(String text) throws Exception {
        Record r = Record.fromText(text);
        return new Record(r.owner(), RRClass.NONE, 0, r.rdata());
    }

    @Test
    void anAdditionIsServedAtOnceAndBumpsTheSerial() throws Exception {
        long before = serial();
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(rr("new.test. 300 IN A 192.0.2.77")), true));
        assertEquals("192.0.2.77", lookup("new.test.", RRType.A).get(0).rdata().toText());
        assertEquals(before + 1, serial());
        // the same record again changes nothing: no new serial
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(rr("new.test. 300 IN A 192.0.2.77")), true));
        assertEquals(before + 1, serial());
    }

    @Test
    void prerequisitesDecideWhetherAnythingHappens() throws Exception {
        Record add = rr("p.test. 300 IN TXT \"added\"");
        assertEquals(Rcode.NXDOMAIN, send(List.of(empty("absent.test.", RRClass.ANY, RRType.ANY)), List.of(add), true));
        assertEquals(Rcode.YXDOMAIN, send(List.of(empty("web.test.", RRClass.NONE, RRType.ANY)), List.of(add), true));
        assertEquals(Rcode.NXRRSET, send(List.of(empty("web.test.", RRClass.ANY, RRType.MX)), List.of(add), true));
        assertEquals(Rcode.YXRRSET, send(List.of(empty("web.test.", RRClass.NONE, RRType.A)), List.of(add), true));
        assertEquals(Rcode.NXRRSET, send(List.of(new Record(Name.of("web.test."), RRClass.IN, 0,
                Rdata.fromText(RRType.A, "192.0.2.1"))), List.of(add), true), "value-dependent: the RRset differs");
        assertTrue(lookup("p.test.", RRType.TXT).isEmpty(), "no failed update changed the zone");

        Record web = lookup("web.test.", RRType.A).get(0);
        assertEquals(Rcode.NOERROR, send(List.of(new Record(web.owner(), RRClass.IN, 0, web.rdata()),
                empty("absent.test.", RRClass.NONE, RRType.ANY)), List.of(add), true));
        assertEquals(1, lookup("p.test.", RRType.TXT).size());
    }

    @Test
    void deletionsOfARecordAnRrsetAndANameAndTheApexIsProtected() throws Exception {
        send(List.of(), List.of(rr("d.test. 300 IN A 192.0.2.1"), rr("d.test. 300 IN A 192.0.2.2"),
                rr("d.test. 300 IN TXT \"t\"")), true);
        assertEquals(2, lookup("d.test.", RRType.A).size());
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(none("d.test. 0 IN A 192.0.2.1")), true));
        assertEquals(1, lookup("d.test.", RRType.A).size());
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(empty("d.test.", RRClass.ANY, RRType.A)), true));
        assertTrue(lookup("d.test.", RRType.A).isEmpty());
        assertEquals(1, lookup("d.test.", RRType.TXT).size());
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(empty("d.test.", RRClass.ANY, RRType.ANY)), true));
        assertTrue(lookup("d.test.", RRType.TXT).isEmpty());

        // RFC 2136 §3.4.2.3/4: the apex keeps its SOA and NS whatever is asked
        int ns = lookup("test.", RRType.NS).size();
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(empty("test.", RRClass.ANY, RRType.ANY),
                empty("test.", RRClass.ANY, RRType.NS), empty("test.", RRClass.ANY, RRType.SOA)), true));
        assertEquals(ns, lookup("test.", RRType.NS).size());
        assertEquals(1, lookup("test.", RRType.SOA).size());
    }

    @Test
    void cnameAndOtherDataNeverShareAName() throws Exception {
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(rr("web.test. 300 IN CNAME elsewhere.test.")), true));
        assertEquals(RRType.A, lookup("web.test.", RRType.A).get(0).type(), "web has data: the CNAME was ignored");
        send(List.of(), List.of(rr("alias.test. 300 IN CNAME web.test.")), true);
        send(List.of(), List.of(rr("alias.test. 300 IN TXT \"no\"")), true);
        List<Record> r = lookup("alias.test.", RRType.TXT);
        assertEquals(RRType.CNAME, r.get(0).type(), "alias is a CNAME: the TXT was ignored");
    }

    @Test
    void theRulesOfWhoAndWhereAreKept() throws Exception {
        assertEquals(Rcode.REFUSED, send(List.of(), List.of(rr("u.test. 300 IN A 192.0.2.9")), false), "unsigned");
        assertEquals(Rcode.NOTZONE, send(List.of(), List.of(rr("u.example. 300 IN A 192.0.2.9")), true));
        assertEquals(Rcode.FORMERR, send(List.of(rr("test. 300 IN A 192.0.2.9")), List.of(), true), "a TTL in a prerequisite");
        Message wrongZone = Message.builder().id(++id).opcode(Opcode.UPDATE).question(Name.of("example.org."), RRType.SOA)
                .authority(rr("u.example.org. 300 IN A 192.0.2.9")).build();
        SignedMessage s = TSIG.signRequest(KEY, wrongZone.toWire());
        assertEquals(Rcode.NOTAUTH, Message.fromWire(client.udpRaw(s.wire(), 2000)).rcode());
        assertTrue(lookup("u.test.", RRType.A).isEmpty());
    }

    @Test
    void anUpdatedZoneStillLoadsLikeAFile() throws Exception {
        // adding a second SOA-less apex record type works, a stale SOA is ignored, a newer one is taken
        long serial = serial();
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(rr("test. 3600 IN SOA ns1.test. hostmaster.test. "
                + (serial - 5) + " 7200 3600 1209600 60")), true));
        assertEquals(serial, serial(), "an older SOA does not replace the newer");
        assertEquals(Rcode.NOERROR, send(List.of(), List.of(rr("test. 3600 IN SOA ns1.test. hostmaster.test. "
                + (serial + 100) + " 7200 3600 1209600 60")), true));
        assertEquals(serial + 100, serial(), "a newer SOA is taken as is, not bumped again");
    }
}
