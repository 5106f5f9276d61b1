package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under abuse: a flood of random bytes and truncated packets at the UDP port while 500 idle
 * TCP connections are held; valid queries sent meanwhile are still answered (at least 99.9%), the idle
 * connections are closed after the timeout, and the server serves on afterwards. And a broken zone file
 * never replaces a working zone.
 */
class RobustnessTest {
    private static final Name ZONE = Name.of("test.");

    @Test
    void floodAndIdleConnectionsDoNotStopValidAnswers(@TempDir Path dir) throws Exception {
        Duration idle = Duration.ofSeconds(2);
        try (AuthorityServer server = AuthorityServer.builder().zoneFile(ZONE, TestSupport.zoneFile(dir, "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(2).tcpIdleTimeout(idle)
                .maxTcpConnections(2000).maxTcpConnectionsPerClient(1000).udpReceiveBuffer(1 << 21).start()) {
            InetSocketAddress addr = server.udpAddresses().get(0);
            List<Socket> idleConnections = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    Socket s = new Socket();
                    s.connect(addr, 5000);
                    s.setSoTimeout(50);
                    idleConnections.add(s);
                }
                long openedAt = System.nanoTime();

                AtomicBoolean flooding = new AtomicBoolean(true);
                AtomicLong flooded = new AtomicLong();
                Thread flooder = new Thread(() -> flood(addr, flooding, flooded), "flooder");
                flooder.start();
                int asked = 0;
                int answered = 0;
                long floodUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                try (DnsClient client = new DnsClient(addr)) {
                    for (int i = 0; i < 2000 || System.nanoTime() - floodUntil < 0; i++) {
                        asked++;
                        Message q = Message.builder().id(i & 0xffff).question(Name.of("h" + (i % 7) + ".web.test."), RRType.A).build();
                        byte[] r = client.udpRaw(q.toWire(), 1000);
                        if (r != null && Message.fromWire(r).rcode().equals(Rcode.NXDOMAIN)) {
                            answered++;
                        }
                    }
                } finally {
                    flooding.set(false);
                    flooder.join(10_000);
                }
                assertTrue(flooded.get() > 10_000, "the flood sent only " + flooded.get() + " packets");
                assertTrue(answered >= asked * 999 / 1000, answered + " of " + asked + " valid queries answered during a flood of "
                        + flooded.get() + " packets");

                // Every idle connection is closed by the server once the timeout has passed.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int closed = 0;
                for (Socket s : idleConnections) {
                    if (awaitEof(s, deadline)) {
                        closed++;
                    }
                }
                assertEquals(500, closed, "idle connections closed by the server");
                assertTrue(System.nanoTime() - openedAt >= idle.toNanos(), "not closed before the idle timeout");
            } finally {
                for (Socket s : idleConnections) {
                    s.close();
                }
            }
            // Still serving, over both transports, and the abuse is counted.
            try (DnsClient client = new DnsClient(addr)) {
                assertEquals(Rcode.NOERROR, client.udp(Message.builder().id(1).question(Name.of("web.test."), RRType.A).build()).rcode());
                assertEquals(Rcode.NOERROR, client.tcp(Message.builder().id(2).question(Name.of("web.test."), RRType.A).build()).rcode());
            }
            ServerStats st = server.stats();
            assertTrue(st.responses(Rcode.FORMERR) > 0, st.toString());
            assertTrue(st.dropped() > 0, "runts and responses are dropped: " + st);
            assertTrue(st.tcpAccepted() >= 500, st.toString());
        }
    }

    /** Random bytes, runts, truncated and corrupted queries, responses: until told to stop. */
    private static void flood(InetSocketAddress target, AtomicBoolean on, AtomicLong sent) {
        SplittableRandom rnd = new SplittableRandom(7);
        byte[] valid = Message.builder().id(0).question(Name.of("web.test."), RRType.A)
                .edns(org.dunlin.dns.wire.edns.Edns.DEFAULT).build().toWire();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(1);
            byte[] sink = new byte[2048];
            long n = 0;
            while (on.get()) {
                byte[] p;
                switch (rnd.nextInt(5)) {
                    case 0: // random bytes
                        p = new byte[rnd.nextInt(1, 600)];
                        rnd.nextBytes(p);
                        break;
                    case 1: // a truncated query
                        p = java.util.Arrays.copyOf(valid, rnd.nextInt(0, valid.length));
                        break;
                    case 2: { // a query with random octets overwritten
                        p = valid.clone();
                        for (int k = 0; k < 3; k++) {
                            p[rnd.nextInt(p.length)] = (byte) rnd.nextInt(256);
                        }
                        break;
                    }
                    case 3: // a runt
                        p = new byte[rnd.nextInt(0, 12)];
                        rnd.nextBytes(p);
                        break;
                    default: { // a valid header with a question of random labels
                        p = valid.clone();
                        p[2] = (byte) (rnd.nextInt(256) & 0x7F); // QR clear: the server must work on it
                        break;
                    }
                }
                s.send(new DatagramPacket(p, p.length, target));
                n++;
                if ((n & 63) == 0) {
                    sent.set(n);
                    // Drain the answers now and then so our own buffer does not matter, and pace the
                    // flood at a few tens of thousands of packets a second on a shared machine, in bursts
                    // that fit a default 208 KiB socket buffer (64 packets of at most ~1.3 KiB in the kernel).
                    try {
                        while (true) {
                            s.receive(new DatagramPacket(sink, sink.length));
                        }
                    } catch (SocketTimeoutException drained) {
                        // next burst
                    }
                }
            }
            sent.set(n);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static boolean awaitEof(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        while (System.nanoTime() - deadline < 0) {
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                return true; // reset: closed as well
            }
        }
        return false;
    }

    @Test
    void aBrokenZoneFileKeepsTheOldZoneServing(@TempDir Path dir) throws Exception {
        Path file = TestSupport.zoneFile(dir, "corners.zone");
        try (AuthorityServer server = AuthorityServer.builder().zoneFile(ZONE, file)
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).start();
                DnsClient client = new DnsClient(server.udpAddresses().get(0))) {
            Message q = Message.builder().id(3).question(Name.of("web.test."), RRType.A).build();
            assertEquals("192.0.2.80", address(client.udp(q)));

            Files.writeString(file, Files.readString(file).replace("web      IN A 192.0.2.80", "web      IN A 192.0.2.300"));
            ZoneFileException e = org.junit.jupiter.api.Assertions.assertThrows(ZoneFileException.class, () -> server.reload(ZONE));
            assertTrue(e.getMessage().matches(".*corners\\.zone:\\d+:\\d+: .*"), e.getMessage());
            assertEquals("192.0.2.80", address(client.udp(q)), "the old zone is still served");

            Files.writeString(file, Files.readString(file).replace("192.0.2.300", "192.0.2.81").replace("2024010101", "2024010102"));
            assertEquals(2024010102L, server.reload(ZONE).serial());
            assertEquals("192.0.2.81", address(client.udp(q)));

            // A semantic error (CNAME beside other data) is refused the same way.
            Files.writeString(file, Files.readString(file) + "web IN CNAME www\n");
            e = org.junit.jupiter.api.Assertions.assertThrows(ZoneFileException.class, () -> server.reload(ZONE));
            assertTrue(e.getMessage().contains("CNAME and other data"), e.getMessage());
            assertEquals("192.0.2.81", address(client.udp(q)));
        }
    }

    private static String address(Message m) {
        return ((org.dunlin.dns.wire.rdata.ARdata) m.answer().get(0).rdata()).address().getHostAddress();
    }
}
