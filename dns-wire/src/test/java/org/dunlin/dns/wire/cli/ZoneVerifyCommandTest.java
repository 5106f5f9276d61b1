package org.dunlin.dns.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zone verify}: exit statuses 0/1/2, one line per problem, the real root zone with its trust anchors. */
class ZoneVerifyCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = ZoneVerifyCommand.prepend("verify", args);
        int status = new CommandGroup("zone", List.of(new ZoneVerifyCommand()))
                .run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
        Run r = run("--origin", "example.", "--time", "20100101000000", data("dnssec/rfc5155_appendixA_example.zone"));
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("zone is valid"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anExpiredZoneExitsOneWithOneLinePerProblem() {
        Run r = run("--origin", "example.", "--time", "20200101000000", data("dnssec/rfc4035_appendixA_example.zone"));
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
    void theRealRootZoneVerifiesAgainstRootKey() {
        Run r = run("--origin", ".", "--anchor", data("dnssec/root.key"), "--time", "20220220000000",
                data("real-zones/root.zone.2022021501.signed"));
        assertEquals(0, r.status(), r.out() + r.err());
        Run ds = run("--origin", ".", "--anchor", data("dnssec/root.ds"), "--time", "20220220000000",
                data("real-zones/root.zone.2022021501.signed"));
        assertEquals(0, ds.status(), ds.out() + ds.err());
        Run late = run("--origin", ".", "--time", "20220301000000", data("real-zones/root.zone.2022021501.signed"));
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
        Run missing = run("--origin", "example.", dir.resolve("nope.zone").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.zone"), missing.err());
        Path broken = dir.resolve("broken.zone");
        Files.writeString(broken, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\nwww A 300.1.2.3\n");
        Run bad = run("--origin", "example.", broken.toString());
        assertEquals(2, bad.status(), bad.out() + bad.err());
        assertTrue(bad.err().contains("broken.zone:3:"), bad.err());
        Path anchor = dir.resolve("anchor");
        Files.writeString(anchor, "; nothing here\n");
        Run noAnchor = run("--origin", "example.", "--anchor", anchor.toString(), zone);
        assertEquals(2, noAnchor.status());
        Files.writeString(anchor, "example. 300 IN A 192.0.2.1\n");
        Run wrongAnchor = run("--origin", "example.", "--anchor", anchor.toString(), zone);
        assertEquals(2, wrongAnchor.status(), wrongAnchor.err());
        assertTrue(wrongAnchor.err().contains("DNSKEY or DS"), wrongAnchor.err());
        for (Run r : List.of(missing, bad, noAnchor, wrongAnchor)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void anUnsignedZoneIsInvalid() throws Exception {
        Path plain = dir.resolve("plain.zone");
        Files.writeString(plain, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n");
        Run r = run("--origin", "example.", plain.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("example. DNSKEY the zone has no DNSKEY RRset"), r.out());
    }

    private static void assertUsage(Run r, String text) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(text), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
    }
}
