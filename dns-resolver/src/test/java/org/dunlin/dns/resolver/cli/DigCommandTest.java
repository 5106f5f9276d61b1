package org.dunlin.dns.resolver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.resolver.ResolverConfig;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./dunlin dig}: arguments as dig reads them, dig's output layout, exit statuses 0, 2 and 9. */
class DigCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:54:46Z"), java.time.ZoneId.of("UTC"));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** The output, error output and status of one run. */
    private record Run(String out, String err, int status) {
    }

    private static Run dig(ResolverConfig system, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DigCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> system, CLOCK);
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    private static Run dig(String... args) {
        return dig(null, args);
    }

    private FakeDns server(boolean truncateUdp, boolean silent) throws Exception {
        FakeDns s = new FakeDns(truncateUdp, silent);
        toClose.add(s);
        return s;
    }

    @Test
    void argumentsAreReadAsDigReadsThem() throws Exception {
        DigArgs a = DigArgs.parse(List.of("mx", "@192.0.2.1", "example.test", "-p", "5353", "+norecurse", "+dnssec", "+tcp",
                "+bufsize=4096", "+timeout=2", "+tries=1", "CH", "+short"));
        assertEquals(Name.of("example.test"), a.name());
        assertEquals(RRType.MX, a.type());
        assertEquals(RRClass.CH, a.rrClass());
        assertEquals("192.0.2.1", a.server());
        assertEquals(5353, a.port());
        assertTrue(a.tcp() && a.dnssec() && !a.recurse() && a.shortOut());
        assertEquals(4096, a.bufsize());
        assertEquals(1, a.tries());
        DigArgs x = DigArgs.parse(List.of("-x", "192.0.2.7"));
        assertEquals(Name.of("7.2.0.192.in-addr.arpa"), x.name());
        assertEquals(RRType.PTR, x.type());
        assertEquals(Name.of("a"), DigArgs.parse(List.of("a.")).name(), "a trailing dot makes 'a' a name");
        DigArgs none = DigArgs.parse(List.of());
        assertEquals(Name.ROOT, none.name());
        assertEquals(RRType.NS, none.type());
    }

    @Test
    void usageErrorsPrintOneLineAndExit2() {
        for (String[] bad : new String[][] {{"+bogus"}, {"-p", "abc", "x"}, {"-p"}, {"-z"}, {"a..b"}, {"-x", "nonsense"},
                {"example.test", "AXFR"}, {"one.test", "two.test"}, {"+timeout=x"}, {"-p", "70000", "x"}}) {
            Run r = dig(bad);
            assertEquals(2, r.status(), String.join(" ", bad));
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().startsWith("dig: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
        Run help = dig("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: ./dunlin dig"));
    }

    @Test
    void printsTheResponseAsDigDoes() throws Exception {
        FakeDns s = server(false, false);
        Run r = dig("@127.0.0.1", "-p", String.valueOf(s.port()), "www.example.test", "A");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        List<String> lines = List.of(out.split("\n", -1));
        assertEquals("", lines.get(0));
        assertEquals("; <<>> Dunlin dig <<>> @127.0.0.1 -p " + s.port() + " www.example.test A", lines.get(1));
        assertEquals("; (1 server found)", lines.get(2));
        assertEquals(";; global options: +cmd", lines.get(3));
        assertEquals(";; Got answer:", lines.get(4));
        assertTrue(lines.get(5).matches(";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \\d+"), lines.get(5));
        assertEquals(";; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1", lines.get(6));
        assertTrue(out.contains("\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"), out);
        assertTrue(out.contains(";; QUESTION SECTION:\n;www.example.test.\t\tIN\tA\n"), out);
        assertTrue(out.contains("\n;; ANSWER SECTION:\nwww.example.test.\t300\tIN\tA\t192.0.2.1\n\n;; Query time: "), out);
        assertTrue(out.contains("\n;; SERVER: 127.0.0.1#" + s.port() + "(127.0.0.1) (UDP)\n"), out);
        assertTrue(out.contains("\n;; WHEN: Sun Nov 22 00:54:46 UTC 2026\n"), out);
        assertTrue(out.endsWith(";; MSG SIZE  rcvd: " + s.lastSize + "\n\n"), out);
        assertFalse(out.contains("WARNING"), "the server offers recursion");
        Message q = s.queries.get(0);
        assertTrue(q.isSet(Flag.RD), q.toString());
        assertTrue(q.isSet(Flag.AD), q.toString());
        assertTrue(q.edns().isPresent(), q.toString());
    }

    @Test
    void shortPrintsTheRdataOnly() throws Exception {
        FakeDns s = server(false, false);
        Run r = dig("@127.0.0.1", "-p", String.valueOf(s.port()), "www.example.test", "+short");
        assertEquals("192.0.2.1\n", r.out());
    }

    @Test
    void aTruncatedResponseIsRetriedOverTcpAndSaysSo() throws Exception {
        FakeDns s = server(true, false);
        Run r = dig("@127.0.0.1", "-p", String.valueOf(s.port()), "big.example.test", "TXT", "+norecurse", "+dnssec");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(";; Truncated, retrying in TCP mode.\n"), r.out());
        assertTrue(r.out().contains("(TCP)\n"), r.out());
        assertTrue(r.out().contains("; EDNS: version: 0, flags: do; udp: 1232"), r.out());
        assertFalse(s.queries.get(0).isSet(Flag.RD));
    }

    @Test
    void recursionRequestedButNotAvailableIsWarned() throws Exception {
        FakeDns s = server(false, false);
        s.recursionAvailable = false;
        Run r = dig("@127.0.0.1", "-p", String.valueOf(s.port()), "www.example.test");
        assertTrue(r.out().contains(";; flags: qr rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n"
                + ";; WARNING: recursion requested but not available\n"), r.out());
    }

    @Test
    void noAnswerExits9WithDigsMessage() throws Exception {
        FakeDns s = server(false, true);
        long start = System.nanoTime();
        Run r = dig("@127.0.0.1", "-p", String.valueOf(s.port()), "www.example.test", "+timeout=1", "+tries=2");
        assertEquals(9, r.status());
        assertTrue(r.out().contains(";; communications error to 127.0.0.1#" + s.port() + ": timed out\n"), r.out());
        assertTrue(r.out().endsWith(";; connection timed out; no servers could be reached\n"), r.out());
        assertEquals(2, s.queries.size());
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
    }

    @Test
    void withoutAServerTheSystemConfigurationIsUsed() throws Exception {
        FakeDns s = server(false, false);
        ResolverConfig system = ResolverConfig.builder().nameserver(new InetSocketAddress("127.0.0.1", 53)).build();
        Run r = dig(system, "-p", String.valueOf(s.port()), "www.example.test");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("server found"), r.out());
        assertEquals(1, s.queries.size());
    }

    /** A minimal scripted server (UDP and TCP on one port), enough for the command's tests. */
    static final class FakeDns implements AutoCloseable {
        final List<Message> queries = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.net.DatagramSocket udp;
        private final java.net.ServerSocket tcp;
        private final List<Thread> threads = new ArrayList<>();
        private final boolean truncateUdp;
        private final boolean silent;
        volatile boolean recursionAvailable = true;
        volatile int lastSize;

        FakeDns(boolean truncateUdp, boolean silent) throws Exception {
            this.truncateUdp = truncateUdp;
            this.silent = silent;
            // one port for both: the UDP port the kernel picks may be taken for TCP (other tests, other
            // processes), so try again, a bounded number of times
            java.net.DatagramSocket u = null;
            java.net.ServerSocket t = null;
            for (int attempt = 0; t == null; attempt++) {
                u = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
                try {
                    t = new java.net.ServerSocket(u.getLocalPort(), 5, java.net.InetAddress.getLoopbackAddress());
                } catch (java.net.BindException taken) {
                    u.close();
                    if (attempt == 20) {
                        throw taken;
                    }
                }
            }
            udp = u;
            tcp = t;
            threads.add(new Thread(this::udpLoop, "fake-dig-udp"));
            threads.add(new Thread(this::tcpLoop, "fake-dig-tcp"));
            threads.forEach(Thread::start);
        }

        int port() {
            return udp.getLocalPort();
        }

        private byte[] respond(Message q, boolean overUdp) {
            queries.add(q);
            Message.Builder b = Message.responseTo(q).edns(q.edns().orElse(null));
            if (recursionAvailable) {
                b.flags(Flag.RA);
            }
            Name n = q.question().get(0).name();
            if (overUdp && truncateUdp) {
                return b.flags(Flag.TC).build().toWire();
            }
            if (q.question().get(0).type().equals(RRType.TXT)) {
                for (int i = 0; i < 40; i++) {
                    b.answer(Record.of(n, 300, TxtRdata.of("a long text record to fill the response, number " + i)));
                }
            } else {
                b.answer(Record.of(n, 300, ARdata.of("192.0.2.1")));
            }
            byte[] w = b.build().toWire();
            lastSize = w.length;
            return w;
        }

        private void udpLoop() {
            byte[] buf = new byte[65535];
            while (!udp.isClosed()) {
                java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                try {
                    udp.receive(p);
                    Message q = Message.fromWire(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                    if (silent) {
                        queries.add(q);
                        continue;
                    }
                    byte[] r = respond(q, true);
                    udp.send(new java.net.DatagramPacket(r, r.length, p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        }

        private void tcpLoop() {
            while (!tcp.isClosed()) {
                try (java.net.Socket s = tcp.accept();
                        java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
                        java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream())) {
                    byte[] q = in.readNBytes(in.readUnsignedShort());
                    byte[] r = respond(Message.fromWire(q), false);
                    out.writeShort(r.length);
                    out.write(r);
                    out.flush();
                } catch (Exception e) {
                    if (tcp.isClosed()) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            udp.close();
            tcp.close();
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }
}
