package org.dunlin.dns.authority.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dunlin.dns.authority.AuthorityServer;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zone transfers read by other implementations: dig and dnspython (whose {@code dns.zone.from_xfr}
 * checks the SOA framing of RFC 5936 §2.2) transfer signed zones from the server over loopback, and
 * what they print, parsed back, is exactly the zone: every record once, the SOA first and last.
 */
class ZoneTransferInteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void digAndDnspythonTransferTheRfc4035SignedZone(@TempDir Path dir) throws Exception {
        check(dir, Name.of("example."), TestSupport.shared().resolve("testdata/dnssec/rfc4035_appendixA_example.zone"));
    }

    @Test
    void digAndDnspythonTransferTheSignedRootZone(@TempDir Path dir) throws Exception {
        // 22,000 records: the transfer takes well over a hundred messages
        check(dir, Name.ROOT, TestSupport.shared().resolve("testdata/real-zones/root.zone.2022021501.signed"));
    }

    @Test
    void digAndKdigVerifyEveryMessageOfATsigSignedTransfer(@TempDir Path dir) throws Exception {
        String dig = TestSupport.requirePeer("dig");
        String kdig = TestSupport.requirePeer("kdig");
        byte[] secret = "a secret of thirty-two octets!!!".getBytes(StandardCharsets.US_ASCII);
        TsigKey key = TsigKey.of("xfr-key.", TsigAlgorithm.HMAC_SHA256, secret);
        String option = "hmac-sha256:xfr-key.:" + Base64.getEncoder().encodeToString(secret);
        Zone zone = Zone.load(Name.ROOT, TestSupport.shared().resolve("testdata/real-zones/root.zone.2022021501.signed"));
        try (AuthorityServer s = AuthorityServer.builder().zone(zone).listen(new InetSocketAddress("127.0.0.1", 0))
                .workers(1).warmupQueries(0).tsigKeys(List.of(key)).allowTransfer(List.of("key:xfr-key")).start()) {
            String port = Integer.toString(s.tcpAddresses().get(0).getPort());
            // dig checks the TSIG of every message (RFC 8945 §5.3.1) and fails the transfer on any mismatch
            String out = run(dir, dig, "-y", option, "@127.0.0.1", "-p", port, ".", "AXFR", "+nocomments", "+nocmd",
                    "+time=5", "+tries=1");
            for (String bad : List.of("Transfer failed", "Couldn't verify", "could not be validated", "failure")) {
                assertTrue(!out.contains(bad), "dig: " + bad + "\n" + out.lines().limit(5).collect(Collectors.joining("\n")));
            }
            assertTrue(out.contains("XFR size: " + (zone.recordCount() + 1) + " records"), out.lines()
                    .filter(l -> l.startsWith(";;")).collect(Collectors.joining("\n")));
            List<Record> got = new ArrayList<>();
            for (Record r : parse(out, Name.ROOT)) {
                if (!r.type().equals(RRType.TSIG)) {
                    got.add(r);
                }
            }
            assertEquals(new HashSet<>(zone.records()), new HashSet<>(got));

            String k = run(dir, kdig, "-y", option, "@127.0.0.1", "-p", port, ".", "AXFR");
            assertTrue(k.contains("Received") && !k.contains("failed") && !k.contains("TSIG error"), k.lines()
                    .filter(l -> l.startsWith(";;")).collect(Collectors.joining("\n")));
        }
    }

    private void check(Path dir, Name origin, Path source) throws Exception {
        String dig = TestSupport.requirePeer("dig");
        Zone zone = Zone.load(origin, source);
        Set<Record> expected = new HashSet<>(zone.records());
        try (AuthorityServer s = AuthorityServer.builder().zone(zone).listen(new InetSocketAddress("127.0.0.1", 0))
                .workers(1).warmupQueries(0).allowTransfer(List.of("127.0.0.1")).start()) {
            InetSocketAddress a = s.tcpAddresses().get(0);
            String out = run(dir, dig, "@127.0.0.1", "-p", Integer.toString(a.getPort()), origin.toString(), "AXFR",
                    "+nocomments", "+nocmd", "+nostats", "+time=5", "+tries=1");
            assertTrue(!out.contains("Transfer failed") && !out.contains("communications error"), out);
            List<Record> got = parse(out, origin);
            assertEquals(zone.recordCount() + 1, got.size(), "dig: the SOA twice and every other record once");
            assertEquals(expected, new HashSet<>(got), "dig's records are the zone's");

            if (hasDnspython()) {
                String script = "import dns.query, dns.zone, sys\n"
                        + "z = dns.zone.from_xfr(dns.query.xfr('127.0.0.1', sys.argv[1], port=int(sys.argv[2]), timeout=10,"
                        + " lifetime=60, relativize=False), relativize=False, check_origin=True)\n"
                        + "for name, ttl, rd in z.iterate_rdatas():\n"
                        + "    print(name.to_text(), ttl, 'IN', dns.rdatatype.to_text(rd.rdtype), rd.to_text())\n";
                Path py = dir.resolve("axfr.py");
                Files.writeString(py, script);
                String text = run(dir, PYTHON, py.toString(), origin.toString(), Integer.toString(a.getPort()));
                List<Record> viaPython = parse(text, origin);
                assertEquals(zone.recordCount(), viaPython.size(), "dnspython builds the zone with every record once");
                assertEquals(expected, new HashSet<>(viaPython), "dnspython's zone is ours");
            }
        }
    }

    private static boolean hasDnspython() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import dns.query, dns.zone").redirectErrorStream(true).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
        } catch (IOException e) {
            // no python at that path
        }
        if ("1".equals(System.getenv("DUNLIN_REQUIRE_PEERS"))) {
            throw new AssertionError("python3-dnspython is required (DUNLIN_REQUIRE_PEERS=1) but not installed");
        }
        Assumptions.abort("python3-dnspython is not installed; the dig half of the test ran");
        return false;
    }

    private static List<Record> parse(String text, Name origin) throws Exception {
        List<Record> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith(";")) {
                continue;
            }
            out.add(Record.fromText(line, origin));
        }
        return out;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "xfr", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
