package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.Section;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.junit.jupiter.api.Test;

/** Zone transfers over TCP: the AXFR stream (RFC 5936), IXFR as a full transfer, and who may have one. */
class ZoneTransferTest {
    private static final Name ZONE = Name.of("test.");

    /** corners.zone plus enough hosts that the transfer needs several messages. */
    private static Zone bigZone() throws Exception {
        StringBuilder text = new StringBuilder(TestSupport.zoneText("corners.zone"));
        text.append("\n$ORIGIN test.\n");
        for (int i = 0; i < 3000; i++) {
            text.append("host").append(i).append(" 300 IN A 192.0.2.").append(i % 250).append('\n');
            text.append("host").append(i).append(" 300 IN TXT \"record number ").append(i).append("\"\n");
        }
        return Zone.parse(ZONE, text.toString(), "big.zone");
    }

    private static AuthorityServer.Builder server(Zone zone, String... allowed) {
        return AuthorityServer.builder().zone(zone).listen(new InetSocketAddress("127.0.0.1", 0)).workers(1)
                .warmupQueries(0).allowTransfer(List.of(allowed));
    }

    /** The messages of the transfer {@code query} asks for, decoded. */
    private static List<Message> transfer(InetSocketAddress server, Message query) throws IOException, WireFormatException {
        List<Message> out = new ArrayList<>();
        for (byte[] m : DnsClient.transfer(server, query.toWire())) {
            out.add(Message.fromWire(m));
        }
        return out;
    }

    private static List<Record> answers(List<Message> messages) {
        List<Record> all = new ArrayList<>();
        messages.forEach(m -> all.addAll(m.answer()));
        return all;
    }

    @Test
    void axfrSendsTheSoaThenEveryRecordThenTheSoaInSeveralMessagesWithTheQueryIdAndQuestion() throws Exception {
        Zone zone = bigZone();
        try (AuthorityServer s = server(zone, "127.0.0.0/8").start()) {
            Message query = Message.builder().id(4242).question(ZONE, RRType.AXFR).build();
            List<Message> messages = transfer(s.tcpAddresses().get(0), query);

            assertTrue(messages.size() > 3, "a zone of " + zone.recordCount() + " records needs several messages: "
                    + messages.size());
            for (Message m : messages) {
                assertEquals(4242, m.id());
                assertEquals(Rcode.NOERROR, m.rcode());
                assertTrue(m.isSet(Flag.QR) && m.isSet(Flag.AA), m.header().toString());
                assertEquals(query.question(), m.question());
                assertTrue(m.toWire().length <= 65535);
                assertTrue(m.section(Section.ADDITIONAL).isEmpty(), "no OPT was asked for");
            }
            List<Record> records = answers(messages);
            Record soa = zone.rrset(ZONE, RRType.SOA).orElseThrow().records().get(0);
            assertEquals(soa, records.get(0));
            assertEquals(soa, records.get(records.size() - 1));
            List<Record> body = records.subList(1, records.size() - 1);
            assertFalse(body.contains(soa), "the SOA appears only first and last");

            List<Record> expected = new ArrayList<>(zone.records());
            expected.remove(soa);
            assertEquals(expected.size(), body.size(), "each record is sent once");
            assertEquals(new HashSet<>(expected), new HashSet<>(body));
        }
    }

    @Test
    void anEdnsQueryGetsAnOptRecordInEveryMessage() throws Exception {
        try (AuthorityServer s = server(bigZone(), "127.0.0.1").start()) {
            Message query = Message.builder().id(7).question(ZONE, RRType.AXFR).edns(Edns.DEFAULT).build();
            List<Message> messages = transfer(s.tcpAddresses().get(0), query);
            assertTrue(messages.size() > 1);
            for (Message m : messages) {
                assertTrue(m.edns().isPresent(), "RFC 6891 §6.1.1: the reply carries OPT");
            }
        }
    }

    @Test
    void ixfrIsAnsweredWithTheWholeZone() throws Exception {
        Zone zone = bigZone();
        try (AuthorityServer s = server(zone, "127.0.0.1").start()) {
            Record soa = zone.rrset(ZONE, RRType.SOA).orElseThrow().records().get(0);
            // RFC 1995 §3: the client's current SOA goes in the authority section
            Message query = Message.builder().id(8).question(ZONE, RRType.IXFR).authority(soa).build();
            List<Record> records = answers(transfer(s.tcpAddresses().get(0), query));
            assertEquals(zone.recordCount() + 1, records.size());
            assertEquals(soa, records.get(0));
            assertEquals(soa, records.get(records.size() - 1));
        }
    }

    @Test
    void clientsOutsideTheAclAreRefusedWithTheProhibitedError() throws Exception {
        try (AuthorityServer s = server(bigZone(), "10.0.0.0/8", "::1").start()) {
            List<Message> messages = transfer(s.tcpAddresses().get(0),
                    Message.builder().id(9).question(ZONE, RRType.AXFR).edns(Edns.DEFAULT).build());
            assertEquals(1, messages.size());
            assertEquals(Rcode.REFUSED, messages.get(0).rcode());
            assertTrue(messages.get(0).answer().isEmpty());
            assertEquals(18, messages.get(0).edns().orElseThrow().option(ExtendedError.class).orElseThrow().infoCode().value(),
                    "RFC 8914 §4.19: Prohibited");
        }
    }

    @Test
    void withoutAnAclNobodyMayTransfer() throws Exception {
        try (AuthorityServer s = server(bigZone()).start()) {
            List<Message> messages = transfer(s.tcpAddresses().get(0), Message.builder().id(10).question(ZONE, RRType.AXFR).build());
            assertEquals(Rcode.REFUSED, messages.get(0).rcode());
        }
    }

    @Test
    void aNameBelowTheApexIsNotAZoneToTransfer() throws Exception {
        try (AuthorityServer s = server(bigZone(), "127.0.0.1").start()) {
            List<Message> messages = transfer(s.tcpAddresses().get(0),
                    Message.builder().id(11).question(Name.of("host1.test."), RRType.AXFR).build());
            assertEquals(Rcode.NOTAUTH, messages.get(0).rcode());
            assertTrue(messages.get(0).answer().isEmpty());
        }
    }

    @Test
    void axfrOverUdpIsNotImplemented() throws Exception {
        try (AuthorityServer s = server(bigZone(), "127.0.0.1").start();
                DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            Message r = c.udp(Message.builder().id(12).question(ZONE, RRType.AXFR).build());
            assertEquals(Rcode.NOTIMP, r.rcode(), "RFC 5936 §4.2: AXFR is not defined over UDP");
        }
    }

    @Test
    void theConnectionServesOrdinaryQueriesAfterATransfer() throws Exception {
        try (AuthorityServer s = server(bigZone(), "127.0.0.1").start();
                Socket sock = new Socket()) {
            sock.connect(s.tcpAddresses().get(0), 2000);
            sock.setSoTimeout(5000);
            OutputStream o = sock.getOutputStream();
            for (Message q : List.of(Message.builder().id(14).question(ZONE, RRType.AXFR).build(),
                    Message.builder().id(15).question(Name.of("host7.test."), RRType.TXT).build())) {
                byte[] w = q.toWire();
                o.write(new byte[] {(byte) (w.length >>> 8), (byte) w.length});
                o.write(w);
            }
            o.flush();
            DataInputStream in = new DataInputStream(sock.getInputStream());
            Set<Integer> ids = new HashSet<>();
            Message last = null;
            while (!ids.contains(15)) {
                byte[] m = new byte[in.readUnsignedShort()];
                in.readFully(m);
                last = Message.fromWire(m);
                ids.add(last.id());
            }
            assertEquals(RRClass.IN, last.answer().get(0).rrClass());
            assertEquals("\"record number 7\"", last.answer().get(0).rdata().toText());
        }
    }

    @Test
    void aclTextsThatAreNotAddressesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AuthorityServer.builder().allowTransfer(List.of("example.com")));
        assertThrows(IllegalArgumentException.class, () -> AuthorityServer.builder().allowTransfer(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> AuthorityServer.builder().allowTransfer(List.of("300.1.1.1")));
    }
}
