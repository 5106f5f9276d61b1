package org.dunlin.dns.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zone verify}: exit statuses 0/1/2, one line per problem, the real root zone with its trust anchors. */
class ZoneVerifyCommandTest {

    @TempDir
    Path dir;

    static CliResult run(String... args) {
        return CliResult.run(new CommandGroup("zone", List.of(new ZoneVerifyCommand())), ZoneVerifyCommand.prepend("verify", args));
    }

    static String data(String relative) {
        for (String base : List.of("../../shared/testdata/", "../shared/testdata/")) {
            Path p = Path.of(base, relative);
            if (Files.exists(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("test data not found: " + relative);
    }

    @Test
    void aValidZoneExitsZero() {
        CliResult r = run("--origin", "example.", "--time", "20100101000000", data("dnssec/rfc5155_appendixA_example.zone"));
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("zone is valid"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anExpiredZoneExitsOneWithOneLinePerProblem() {
        CliResult r = run("--origin", "example.", "--time", "20200101000000", data("dnssec/rfc4035_appendixA_example.zone"));
        assertEquals(1, r.status(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines.length > 10);
        assertTrue(lines[lines.length - 1].contains("NOT valid"), lines[lines.length - 1]);
        for (int i = 0; i < lines.length - 1; i++) {
            String[] f = lines[i].split(" ", 3);
            assertTrue(f[0].endsWith("."), "name first: " + lines[i]);
            assertTrue(f[1].matches("[A-Z0-9]+"), "type second: " + lines[i]);
        }
        assertTrue(r.out().contains("example. SOA RRSIG (RSASHA1, tag 38519) has expired"), r.out());
    }

    @Test
    void ttlRulesFailTheZoneOnlyWhereDnssecVerifyDoes() throws Exception {
        // ns1.example. A gets TTL 7200 after signing: its RRSIG (Original TTL 3600) no longer counts. The
        // RRSIG that follows states 3600 again, so the TTL of the records after it stays as it was.
        String text = Files.readString(Path.of(data("dnssec/rfc5155_appendixA_example.zone")));
        Path edited = dir.resolve("ttl.zone");
        Files.writeString(edited, text.replace("ns1.example.   A       192.0.2.1\n               RRSIG   A 7 2 3600",
                "ns1.example. 7200 A 192.0.2.1\n               3600 RRSIG   A 7 2 3600"));
        CliResult r = run("--origin", "example.", "--time", "20100101000000", edited.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("ns1.example. A warning: RRSIG (RSASHA1-NSEC3-SHA1, tag 40430) has original TTL"
                + " 3600, the RRset's TTL is 7200: it does not count"), r.out());
        assertTrue(r.out().contains("ns1.example. A no RRSIG with algorithm RSASHA1-NSEC3-SHA1 whose original TTL is"
                + " the RRset's TTL 7200"), r.out());
        assertTrue(r.out().strip().endsWith("1 problem(s), zone is NOT valid (2 warning(s))"), r.out());
    }

    @Test
    void theRealRootZoneVerifiesAgainstRootKey() {
        CliResult r = run("--origin", ".", "--anchor", data("dnssec/root.key"), "--time", "20220220000000",
                data("real-zones/root.zone.2022021501.signed"));
        assertEquals(0, r.status(), r.out() + r.err());
        CliResult ds = run("--origin", ".", "--anchor", data("dnssec/root.ds"), "--time", "20220220000000",
                data("real-zones/root.zone.2022021501.signed"));
        assertEquals(0, ds.status(), ds.out() + ds.err());
        CliResult late = run("--origin", ".", "--time", "20220301000000", data("real-zones/root.zone.2022021501.signed"));
        assertEquals(1, late.status());
    }

    @Test
    void usageAndFileErrorsExitTwoWithoutAStackTrace() throws Exception {
        String zone = data("dnssec/rfc5155_appendixA_example.zone");
        assertUsage(run(zone), "--origin is required");
        assertUsage(run("--origin", "example."), "no zone file given");
        assertUsage(run("--origin", "example.", "--time", "yesterday", zone), "bad --time");
        assertUsage(run("--origin", "example.", "--bogus", zone), "unknown option --bogus");
        assertUsage(run("--origin", "example.", zone, zone), "more than one zone file");
        CliResult missing = run("--origin", "example.", dir.resolve("nope.zone").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.zone"), missing.err());
        Path broken = dir.resolve("broken.zone");
        Files.writeString(broken, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\nwww A 300.1.2.3\n");
        CliResult bad = run("--origin", "example.", broken.toString());
        assertEquals(2, bad.status(), bad.out() + bad.err());
        assertTrue(bad.err().contains("broken.zone:3:"), bad.err());
        Path anchor = dir.resolve("anchor");
        Files.writeString(anchor, "; nothing here\n");
        CliResult noAnchor = run("--origin", "example.", "--anchor", anchor.toString(), zone);
        assertEquals(2, noAnchor.status());
        Files.writeString(anchor, "example. 300 IN A 192.0.2.1\n");
        CliResult wrongAnchor = run("--origin", "example.", "--anchor", anchor.toString(), zone);
        assertEquals(2, wrongAnchor.status(), wrongAnchor.err());
        assertTrue(wrongAnchor.err().contains("DNSKEY or DS"), wrongAnchor.err());
        for (CliResult r : List.of(missing, bad, noAnchor, wrongAnchor)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void anUnsignedZoneIsInvalid() throws Exception {
        Path plain = dir.resolve("plain.zone");
        Files.writeString(plain, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n");
        CliResult r = run("--origin", "example.", plain.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("example. DNSKEY the zone has no DNSKEY RRset"), r.out());
    }

    private static void assertUsage(CliResult r, String text) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(text), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
    }
}
