package org.dunlin.dns.authority.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.authority.AuthorityServer;
import org.dunlin.dns.authority.DnsClient;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BIND's {@code nsupdate} as the client of the server's DNS UPDATE (RFC 2136) with TSIG: additions and
 * deletions over UDP and TCP take effect, a failed prerequisite is reported as nsupdate expects, and an
 * update without the key is refused.
 */
class UpdateInteropTest {
    private static final byte[] SECRET = "thirty-two octets of update key!".getBytes(StandardCharsets.US_ASCII);
    private static final TsigKey KEY = TsigKey.of("update-key.", TsigAlgorithm.HMAC_SHA256, SECRET);

    @Test
    void nsupdateAddsDeletesAndSeesPrerequisitesFail(@TempDir Path dir) throws Exception {
        String nsupdate = TestSupport.requirePeer("nsupdate");
        Name origin = Name.of("test.");
        try (AuthorityServer s = AuthorityServer.builder().zone(Zone.parse(origin, TestSupport.zoneText("corners.zone"),
                "corners.zone")).listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).warmupQueries(0)
                .tsigKeys(List.of(KEY)).allowUpdate(List.of("key:update-key")).start();
                DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            int port = s.udpAddresses().get(0).getPort();
            String key = "hmac-sha256:update-key:" + Base64.getEncoder().encodeToString(SECRET);
            String head = "server 127.0.0.1 " + port + "\nzone test.\n";

            String[] r = run(dir, List.of(nsupdate, "-y", key), head
                    + "prereq nxdomain fresh.test.\nupdate add fresh.test. 300 A 192.0.2.55\nupdate add fresh.test. 300 TXT \"hi\"\nsend\n");
            assertEquals("0", r[0], r[1]);
            assertEquals(2, answers(c, "fresh.test.", RRType.A) + answers(c, "fresh.test.", RRType.TXT));

            r = run(dir, List.of(nsupdate, "-v", "-y", key), head + "update delete fresh.test. TXT\nsend\n"); // over TCP
            assertEquals("0", r[0], r[1]);
            assertEquals(0, answers(c, "fresh.test.", RRType.TXT));
            assertEquals(1, answers(c, "fresh.test.", RRType.A));

            r = run(dir, List.of(nsupdate, "-y", key), head + "prereq nxdomain fresh.test.\nupdate add fresh.test. 300 A 192.0.2.56\nsend\n");
            assertNotEquals("0", r[0]);
            assertTrue(r[1].contains("YXDOMAIN"), r[1]);
            assertEquals(1, answers(c, "fresh.test.", RRType.A));

            r = run(dir, List.of(nsupdate), head + "update add nokey.test. 300 A 192.0.2.57\nsend\n");
            assertNotEquals("0", r[0]);
            assertTrue(r[1].contains("REFUSED"), r[1]);
            assertEquals(0, answers(c, "nokey.test.", RRType.A));
        }
    }

    private static int answers(DnsClient c, String name, RRType type) throws Exception {
        List<Record> a = c.udp(Message.builder().id(1).question(Name.of(name), type).build()).answer();
        return (int) a.stream().filter(r -> r.type().equals(type)).count();
    }

    /** Runs {@code command} with {@code input} on stdin; returns {exit status, output}. */
    private static String[] run(Path dir, List<String> command, String input) throws Exception {
        Path in = Files.createTempFile(dir, "nsupdate", ".in");
        Files.writeString(in, input);
        Path out = Files.createTempFile(dir, "nsupdate", ".out");
        Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nsupdate did not finish in 60 s");
        }
        return new String[] {Integer.toString(p.exitValue()), Files.readString(out)};
    }
}
