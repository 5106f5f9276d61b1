package org.dunlin.dns.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneCommandTest {
    private static final String GOOD = """
            $TTL 300
            @ SOA ns hostmaster 1 7200 3600 1209600 300
            @ NS ns
            ns A 192.0.2.1
            www A 192.0.2.2
            www A 192.0.2.2
            Alias CNAME www
            """;

    @Test
    void checkPrintsOkAndTheRecordCount(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("z.zone"), GOOD);
        CliResult r = CliResult.zone("check", "--origin", "example.com", f.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("OK 5 records\n", r.out(), "the duplicate www A is one record, as in BIND");
    }

    @Test
    void checkPrintsEveryErrorAsFileLineColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.zone"), """
                $TTL 300
                @ SOA ns hostmaster 1 7200 3600 1209600 300
                @ NS ns
                ns A 192.0.2.300
                x MX ten mail
                y CNAME ns
                y TXT "other data"
                """);
        CliResult r = CliResult.zone("check", "--origin", "example.com.", f.toString());
        assertEquals(1, r.status());
        assertEquals(f + ":4:6: bad IPv4 address '192.0.2.300'\n"
                + f + ":5:6: bad preference: expected a number, got 'ten'\n"
                + f + ":7:1: y.example.com.: CNAME and other data\n", r.out());
    }

    @Test
    void checkFindsZoneLevelProblems(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("nosoa.zone"), "$TTL 1\nwww A 192.0.2.1\nfoo.other. A 192.0.2.9\n");
        CliResult r = CliResult.zone("check", "--origin", "example.com", f.toString());
        assertEquals(1, r.status());
        assertEquals(f + ":1:1: zone example.com. has no SOA record at its origin\n"
                + f + ":1:1: zone example.com. has no NS records at its origin\n", r.out());
        assertEquals(f + ":3:1: warning: ignoring out-of-zone data (foo.other.)\n", r.err());
    }

    @Test
    void printGivesCanonicalOrderWithAbsoluteNamesTtlAndClass(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("z.zone"), GOOD);
        CliResult r = CliResult.zone("print", "--origin", "example.com", f.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                example.com.		300	IN	NS	ns.example.com.
                example.com.		300	IN	SOA	ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
                Alias.example.com.	300	IN	CNAME	www.example.com.
                ns.example.com.		300	IN	A	192.0.2.1
                www.example.com.	300	IN	A	192.0.2.2
                """, r.out());
    }

    @Test
    void ttlsFollowTheFirstRecordOfEachRRsetAndSignaturesAreGroupedByCoveredType(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("z.zone"), """
                $TTL 300
                @ SOA ns hostmaster 1 7200 3600 1209600 300
                @ 600 NS ns
                @ 60 NS ns2
                @ 300 RRSIG SOA 8 2 300 20220228170000 20220215160000 1 example.com. AAAA
                @ 600 RRSIG NS 8 2 600 20220228170000 20220215160000 1 example.com. AAAA
                ns A 192.0.2.1
                ns2 A 192.0.2.2
                """);
        CliResult r = CliResult.zone("print", "--origin", "example.com", f.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(f + ":4:1: warning: TTL set to prior TTL (600)\n", r.err());
        assertEquals("""
                example.com.		600	IN	NS	ns.example.com.
                example.com.		600	IN	NS	ns2.example.com.
                example.com.		300	IN	SOA	ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
                example.com.		600	IN	RRSIG	NS 8 2 600 20220228170000 20220215160000 1 example.com. AAAA
                example.com.		300	IN	RRSIG	SOA 8 2 300 20220228170000 20220215160000 1 example.com. AAAA
                ns.example.com.		300	IN	A	192.0.2.1
                ns2.example.com.	300	IN	A	192.0.2.2
                """, r.out());
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("z.zone"), GOOD);
        CliResult noOrigin = CliResult.zone("check", f.toString());
        assertEquals(2, noOrigin.status());
        assertEquals("zone check: --origin is required (usage: ./dunlin zone check --origin ORIGIN FILE)\n", noOrigin.err());
        CliResult unknown = CliResult.zone("frobnicate");
        assertEquals(2, unknown.status());
        assertEquals("zone: unknown subcommand 'frobnicate' (run './dunlin zone --help')\n", unknown.err());
        CliResult missing = CliResult.zone("print", "--origin", "x", dir.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("zone print: cannot read "), missing.err());
        CliResult badOrigin = CliResult.zone("check", "--origin", "a..b", f.toString());
        assertEquals(2, badOrigin.status());
        assertEquals(1, badOrigin.err().lines().count());
        CliResult none = CliResult.zone();
        assertEquals(2, none.status());
        CliResult help = CliResult.zone("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("check") && help.out().contains("print"));
    }
}
