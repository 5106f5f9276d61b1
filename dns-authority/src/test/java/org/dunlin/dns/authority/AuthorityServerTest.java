package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a component: threads, sockets, TCP pipelining and limits, reloads, counters. */
class AuthorityServerTest {
    private static final Name ZONE = Name.of("test.");

    private static AuthorityServer.Builder corners() throws Exception {
        return AuthorityServer.builder().zone(Zone.parse(ZONE, TestSupport.zoneText("corners.zone"), "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0));
    }

    private static Set<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("dunlin-authority")).collect(Collectors.toSet());
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        assertEquals(Set.of(), serverThreads());
        AuthorityServer s = corners().workers(3).watch(true).start();
        try (DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            c.udp(Message.builder().id(1).question(ZONE, RRType.SOA).build());
            c.tcp(Message.builder().id(2).question(ZONE, RRType.SOA).build());
        }
        assertTrue(serverThreads().size() >= 6, serverThreads().toString());
        s.close();
        assertEquals(Set.of(), serverThreads(), "threads left after close");
        s.close(); // idempotent
    }

    @Test
    void closeCancelsNotifyRetriesAndLeavesNoThreadBehind() throws Exception {
        assertEquals(Set.of(), serverThreads());
        // a secondary that never answers: the NOTIFY goes on being retried (1 s, 2 s, ...) until close
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            AuthorityServer s = corners().workers(1)
                    .notifySecondaries(java.util.List.of(new InetSocketAddress("127.0.0.1", silent.getLocalPort()))).start();
            String text = TestSupport.zoneText("corners.zone").replace("2024010101", "2024010102");
            s.replace(Zone.parse(ZONE, text, "corners.zone v2"));
            silent.setSoTimeout(2000);
            java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[512], 512);
            silent.receive(p); // the first NOTIFY arrived
            Message notify = Message.fromWire(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            assertEquals(org.dunlin.dns.wire.Opcode.NOTIFY, notify.opcode());
            assertEquals(ZONE, notify.question().get(0).name());
            long t0 = System.nanoTime();
            s.close();
            assertTrue(System.nanoTime() - t0 < java.util.concurrent.TimeUnit.SECONDS.toNanos(5), "close did not wait out the retries");
            assertEquals(Set.of(), serverThreads(), "threads left after close");
        }
    }

    @Test
    void everyWorkerSocketAnswers() throws Exception {
        try (AuthorityServer s = corners().workers(4).start()) {
            // With SO_REUSEPORT the kernel spreads clients over the four sockets by source port: many
            // clients reach them all, and each is answered.
            for (int i = 0; i < 40; i++) {
                try (DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
                    assertEquals(Rcode.NOERROR, c.udp(Message.builder().id(i).question(ZONE, RRType.SOA).build()).rcode());
                }
            }
            assertEquals(40, s.stats().udpQueries());
        }
    }

    @Test
    void severalListenAddressesEachGetUdpAndTcp() throws Exception {
        try (AuthorityServer s = corners().listen(new InetSocketAddress("127.0.0.2", 0)).workers(1).start()) {
            assertEquals(2, s.udpAddresses().size());
            for (int i = 0; i < 2; i++) {
                assertEquals(s.udpAddresses().get(i).getPort(), s.tcpAddresses().get(i).getPort());
                try (DnsClient c = new DnsClient(s.udpAddresses().get(i))) {
                    assertEquals(Rcode.NOERROR, c.udp(Message.builder().id(1).question(ZONE, RRType.SOA).build()).rcode());
                    assertEquals(Rcode.NOERROR, c.tcp(Message.builder().id(2).question(ZONE, RRType.SOA).build()).rcode());
                }
            }
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (AuthorityServer s = corners().workers(1).start()) {
            InetSocketAddress taken = s.udpAddresses().get(0);
            BindException e = assertThrows(BindException.class, () -> corners().listen(taken).workers(1).start().close());
            assertTrue(e.getMessage().contains(AuthorityServer.format(taken)), e.getMessage());
        }
    }

    @Test
    void tcpQueriesArePipelined() throws Exception {
        try (AuthorityServer s = corners().workers(2).start(); Socket sock = new Socket()) {
            sock.connect(s.tcpAddresses().get(0), 2000);
            sock.setSoTimeout(5000);
            OutputStream o = sock.getOutputStream();
            Set<Integer> ids = new HashSet<>();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 50; i++) {
                byte[] q = Message.builder().id(1000 + i).question(Name.of(i % 2 == 0 ? "web.test." : "nx" + i + ".test."), RRType.A)
                        .build().toWire();
                all.write(q.length >>> 8);
                all.write(q.length);
                all.write(q);
                ids.add(1000 + i);
            }
            o.write(all.toByteArray()); // fifty queries in one write, without waiting
            DataInputStream in = new DataInputStream(sock.getInputStream());
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                byte[] r = new byte[in.readUnsignedShort()];
                in.readFully(r);
                Message m = Message.fromWire(r);
                seen.add(m.id());
                assertEquals(m.id() % 2 == 0 ? Rcode.NOERROR : Rcode.NXDOMAIN, m.rcode());
            }
            assertEquals(ids, seen);
        }
    }

    @Test
    void perClientConnectionLimitClosesTheExcess() throws Exception {
        try (AuthorityServer s = corners().workers(1).maxTcpConnections(10).maxTcpConnectionsPerClient(3).start()) {
            Socket[] socks = new Socket[4];
            try {
                for (int i = 0; i < 4; i++) {
                    socks[i] = new Socket();
                    socks[i].connect(s.tcpAddresses().get(0), 2000);
                    socks[i].setSoTimeout(3000);
                    Thread.sleep(50);
                }
                assertTrue(answers(socks[0]));
                assertTrue(answers(socks[2]));
                assertFalse(answers(socks[3]), "the fourth connection from one address is closed (RFC 7766 §6.2.2)");
                assertTrue(s.stats().tcpRejected() >= 1, s.stats().toString());
            } finally {
                for (Socket x : socks) {
                    if (x != null) {
                        x.close();
                    }
                }
            }
        }
    }

    private static boolean answers(Socket sock) throws IOException {
        try {
            byte[] q = Message.builder().id(9).question(ZONE, RRType.SOA).build().toWire();
            OutputStream o = sock.getOutputStream();
            o.write(new byte[] {(byte) (q.length >>> 8), (byte) q.length});
            o.write(q);
            DataInputStream in = new DataInputStream(sock.getInputStream());
            byte[] r = new byte[in.readUnsignedShort()];
            in.readFully(r);
            return true;
        } catch (java.io.EOFException | java.net.SocketException | SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void idleTcpConnectionsAreClosedAfterTheTimeoutButBusyOnesStay() throws Exception {
        try (AuthorityServer s = corners().workers(1).tcpIdleTimeout(Duration.ofMillis(700)).start();
                Socket idle = new Socket(); Socket busy = new Socket()) {
            idle.connect(s.tcpAddresses().get(0), 2000);
            busy.connect(s.tcpAddresses().get(0), 2000);
            busy.setSoTimeout(3000);
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                assertTrue(answers(busy), "a connection that keeps asking stays open");
                Thread.sleep(250);
            }
            idle.setSoTimeout(5000);
            assertEquals(-1, idle.getInputStream().read(), "the idle connection was closed");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(700).toNanos());
        }
    }

    @Test
    void replaceSwapsTheZoneAtomicallyForTheNextQuery() throws Exception {
        try (AuthorityServer s = corners().workers(1).start(); DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            Message q = Message.builder().id(1).question(Name.of("new.test."), RRType.A).build();
            assertEquals(Rcode.NXDOMAIN, c.udp(q).rcode());
            s.replace(Zone.parse(ZONE, TestSupport.zoneText("corners.zone") + "new IN A 192.0.2.123\n", "corners.zone"));
            assertEquals(Rcode.NOERROR, c.udp(q).rcode());
            assertEquals(1, s.catalog().zones().size());
        }
    }

    @Test
    void aBrokenZoneFileStopsTheStartWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.zone");
        Files.writeString(f, "$ORIGIN test.\n$TTL 300\n@ IN SOA ns. host. 1 2 3 4 5\n@ IN NS ns.\nx IN A 1.2.3\n");
        ZoneFileException e = assertThrows(ZoneFileException.class,
                () -> AuthorityServer.builder().zoneFile(ZONE, f).listen(new InetSocketAddress("127.0.0.1", 0)).start());
        assertTrue(e.getMessage().startsWith(f + ":5:"), e.getMessage());
        assertEquals(Set.of(), serverThreads(), "nothing started");
    }

    @Test
    void countersAddUp() throws Exception {
        try (AuthorityServer s = corners().workers(2).start(); DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            for (int i = 0; i < 10; i++) {
                c.udp(Message.builder().id(i).question(Name.of("web.test."), RRType.A).build());
                c.udp(Message.builder().id(i).question(Name.of("nx.test."), RRType.A).build());
                c.udp(Message.builder().id(i).question(Name.of("example.org."), RRType.A).build());
            }
            c.tcp(Message.builder().id(1).question(Name.of("big.test."), RRType.TXT).build());
            c.udp(Message.builder().id(2).question(Name.of("big.test."), RRType.TXT).build());
            c.udpRaw(new byte[5], 200);
            ServerStats st = s.stats();
            assertEquals(33, st.queries());
            assertEquals(32, st.udpQueries());
            assertEquals(1, st.tcpQueries());
            assertEquals(1, st.tcpAccepted());
            assertEquals(12, st.responses(Rcode.NOERROR));
            assertEquals(10, st.responses(Rcode.NXDOMAIN));
            assertEquals(10, st.responses(Rcode.REFUSED));
            assertEquals(1, st.truncated());
            assertEquals(1, st.dropped());
            assertEquals(32, st.totalResponses());
            assertTrue(st.toString().startsWith("queries=33 (udp 32, tcp 1), responses NOERROR=12 NXDOMAIN=10 REFUSED=10,"
                    + " truncated=1, dropped=1, tcp connections accepted=1"), st.toString());
        }
    }

    @Test
    void addressesPrintAsUsersWriteThem() throws Exception {
        assertEquals("127.0.0.1:53", AuthorityServer.format(new InetSocketAddress("127.0.0.1", 53)));
        assertEquals("[::1]:5300", AuthorityServer.format(new InetSocketAddress("::1", 5300)));
        assertEquals("[::]:53", AuthorityServer.format(new InetSocketAddress("::", 53)));
        assertEquals("[2001:db8::1:0:0:1]:53", AuthorityServer.format(new InetSocketAddress("2001:db8:0:0:1:0:0:1", 53)));
        assertEquals("[2001:db8:0:1:1:1:1:1]:53", AuthorityServer.format(new InetSocketAddress("2001:db8:0:1:1:1:1:1", 53)));
        assertEquals("[fe80::]:1", AuthorityServer.format(new InetSocketAddress("fe80::", 1)));
    }

    @Test
    void ipv6LoopbackIsServed() throws Exception {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(new InetSocketAddress("::1", 0))) {
            probe.getLocalPort();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no IPv6 loopback here: " + e);
        }
        try (AuthorityServer s = corners().listen(new InetSocketAddress("::1", 0)).workers(1).start()) {
            InetSocketAddress v6 = s.udpAddresses().get(1);
            assertTrue(AuthorityServer.format(v6).startsWith("[::1]:"));
            try (java.net.DatagramSocket sock = new java.net.DatagramSocket(new InetSocketAddress("::1", 0))) {
                byte[] q = Message.builder().id(6).question(ZONE, RRType.SOA).build().toWire();
                sock.setSoTimeout(2000);
                sock.send(new java.net.DatagramPacket(q, q.length, v6));
                java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[512], 512);
                sock.receive(p);
                assertEquals(Rcode.NOERROR, Message.fromWire(java.util.Arrays.copyOf(p.getData(), p.getLength())).rcode());
            }
        }
    }

    @Test
    void closeAnswersEveryTcpQueryItHasReadBeforeClosingTheConnection() throws Exception {
        AuthorityServer s = corners().workers(1).start();
        try (Socket sock = new Socket()) {
            sock.setReceiveBufferSize(4096); // a slow reader: answers pile up in the server's write queue
            sock.connect(s.tcpAddresses().get(0), 2000);
            sock.setSoTimeout(10_000);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            int sent = 200; // about 120 KiB of answers: all queries are read, the answers wait in the write queue
            for (int i = 0; i < sent; i++) {
                byte[] q = Message.builder().id(i).question(Name.of("big.test."), RRType.TXT).build().toWire();
                all.write(q.length >>> 8);
                all.write(q.length);
                all.write(q);
            }
            sock.getOutputStream().write(all.toByteArray());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (s.stats().tcpQueries() < sent && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread closer = new Thread(s::close, "closer");
            closer.start();
            Thread.sleep(100);
            DataInputStream in = new DataInputStream(sock.getInputStream());
            int answers = 0;
            while (true) {
                int len;
                try {
                    len = in.readUnsignedShort();
                } catch (java.io.EOFException e) {
                    break;
                }
                byte[] r = new byte[len];
                in.readFully(r);
                assertEquals(6, Message.fromWire(r).answer().size());
                answers++;
            }
            closer.join(20_000);
            assertEquals(sent, s.stats().tcpQueries());
            assertEquals(sent, answers, "every query read before the close was answered, then the connection closed");
        } finally {
            s.close();
        }
    }

    @Test
    void theZoneList() throws Exception {
        try (AuthorityServer s = corners().workers(1).start()) {
            List<Zone> zones = s.catalog().zones();
            assertEquals(ZONE, zones.get(0).origin());
            assertEquals(2024010101L, zones.get(0).serial());
        }
    }
}
