package org.dunlin.dns.authority.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.dunlin.dns.authority.AuthorityServer;
import org.dunlin.dns.authority.DnsClient;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BIND and Knot as secondaries of the server: each transfers a signed zone from it over TCP with a
 * TSIG key (RFC 5936, RFC 8945) and loads it; read back from each, the zone is exactly the primary's,
 * and the Knot secondary answers every question of the corpus as the server does. This is the transfer
 * path as operators use it.
 */
class SecondaryInteropTest {
    static final TsigKey KEY = TsigKey.of("xfr-key.", TsigAlgorithm.HMAC_SHA256,
            "a secret of thirty-two octets!!!".getBytes(StandardCharsets.US_ASCII));
    private static final Name ORIGIN = Name.of("example.");

    @Test
    void bindAndKnotTransferTheSignedZoneAndAnswerLikeThePrimary(@TempDir Path dir) throws Exception {
        Zone zone = Zone.load(ORIGIN, TestSupport.shared().resolve("testdata/dnssec/rfc4035_appendixA_example.zone"));
        List<Question> corpus = Differential.corpus(ORIGIN, zone.records(), List.of("nonexistent.example.",
                "a.z.w.example.", "ns1.a.example.", "b.x.w.example."));
        try (AuthorityServer primary = AuthorityServer.builder().zone(zone).listen(new InetSocketAddress("127.0.0.1", 0))
                .workers(1).warmupQueries(0).tsigKeys(List.of(KEY)).allowTransfer(List.of("key:xfr-key")).start();
                PeerServer bind = PeerServer.startSecondary("bind", ORIGIN, primary.tcpAddresses().get(0), KEY, dir);
                PeerServer knot = PeerServer.startSecondary("knot", ORIGIN, primary.tcpAddresses().get(0), KEY, dir)) {
            // what each secondary loaded, read back by a transfer from it, is exactly the zone
            for (PeerServer secondary : List.of(bind, knot)) {
                List<Record> got = new ArrayList<>();
                for (byte[] m : DnsClient.transfer(secondary.address(),
                        Message.builder().id(1).question(ORIGIN, RRType.AXFR).build().toWire())) {
                    got.addAll(Message.fromWire(m).answer());
                }
                assertEquals(zone.recordCount() + 1, got.size(), secondary.name() + " holds every record once");
                assertEquals(new HashSet<>(zone.records()), new HashSet<>(got), secondary.name() + " holds the zone");
            }
            // and Knot, whose answers match the server's when both load the file (DnssecDifferentialTest),
            // answers the same from the transferred copy
            Differential.Report r = Differential.run(primary.udpAddresses().get(0), List.of(knot), corpus,
                    List.of(Differential.Mode.UDP_DO, Differential.Mode.TCP_DO));
            assertTrue(r.mismatches().isEmpty(), r.mismatches().size() + " of " + r.queries()
                    + " answers of the Knot secondary differ from the primary's:\n"
                    + r.mismatches().stream().limit(10).map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void aNewSerialReachesBindAndKnotThroughNotifyWithinSeconds(@TempDir Path dir) throws Exception {
        String text = TestSupport.zoneText("corners.zone");
        Name origin = Name.of("test.");
        Zone v1 = Zone.parse(origin, text, "corners.zone");
        int bindPort = freePort();
        int knotPort = freePort();
        try (AuthorityServer primary = AuthorityServer.builder().zone(v1).listen(new InetSocketAddress("127.0.0.1", 0))
                .workers(1).warmupQueries(0).tsigKeys(List.of(KEY)).allowTransfer(List.of("key:xfr-key"))
                .notifySecondaries(List.of(new InetSocketAddress("127.0.0.1", bindPort),
                        new InetSocketAddress("127.0.0.1", knotPort)))
                .notifyKey(KEY.name()).start();
                PeerServer bind = PeerServer.startSecondary("bind", origin, primary.tcpAddresses().get(0), KEY, dir, bindPort);
                PeerServer knot = PeerServer.startSecondary("knot", origin, primary.tcpAddresses().get(0), KEY, dir, knotPort)) {
            long serial = v1.serial();
            assertEquals(serial, serialAt(bind), "bind loaded the first version");
            assertEquals(serial, serialAt(knot), "knot loaded the first version");

            // a new serial with a new record; the SOA refresh (hours) is far away, so only NOTIFY can bring it
            Zone v2 = Zone.parse(origin, text.replaceFirst("\\b" + serial + "\\b", Long.toString(serial + 1))
                    + "\nnotified.test. 300 IN A 192.0.2.99\n", "corners.zone v2");
            assertEquals(serial + 1, v2.serial());
            primary.replace(v2);
            for (PeerServer secondary : List.of(bind, knot)) {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                while (serialAt(secondary) != serial + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(serial + 1, serialAt(secondary), secondary.name() + " picked up the new serial:\n"
                        + secondary.log().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("notif")
                                || l.contains("transfer")).collect(Collectors.joining("\n")));
                try (DnsClient c = new DnsClient(secondary.address())) {
                    Message r = c.udp(Message.builder().id(9).question(Name.of("notified.test."), RRType.A).build());
                    assertEquals(1, r.answer().size(), secondary.name() + " serves the new record");
                }
            }
        }
    }

    private static long serialAt(PeerServer server) throws Exception {
        try (DnsClient c = new DnsClient(server.address())) {
            Message r = c.udp(Message.builder().id(8).question(Name.of("test."), RRType.SOA).build());
            return r.answer().isEmpty() ? -1 : ((org.dunlin.dns.wire.rdata.SoaRdata) r.answer().get(0).rdata()).serial();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.DatagramSocket u = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            return u.getLocalPort();
        }
    }
}
