package org.dunlin.dns.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.dnssec.BindKeyFiles;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.SigningKey;
import org.dunlin.dns.wire.rdata.KeyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code key generate}: BIND-format files for every algorithm, ZSK/KSK flags, usage errors exit 2. */
class KeyGenerateCommandTest {

    @TempDir
    Path dir;

    static CliResult run(String... args) {
        return CliResult.run(new CommandGroup("key", KeyCommand.SUBCOMMANDS), ZoneVerifyCommand.prepend("generate", args));
    }

    @Test
    void writesKeyFilesThatReadBack() throws Exception {
        for (String alg : new String[] {"RSASHA256", "RSASHA512", "ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519",
            "ED448", "13", "ECC-GOST", "NSEC3RSASHA1"}) {
            for (boolean ksk : new boolean[] {false, true}) {
                CliResult r = ksk ? run("--algorithm", alg, "--zone", "Example.COM", "--ksk", "--dir", dir.toString(), "--bits", alg.startsWith("RSA") || alg.startsWith("NSEC3") ? "1024" : "0")
                        : run("-a", alg, "-z", "example.com", "-K", dir.toString());
                assertEquals(0, r.status(), alg + ": " + r.err());
                String base = r.out().strip();
                DnssecAlgorithm algorithm = DnssecAlgorithm.parse(alg);
                assertTrue(base.matches("K[Ee]xample\\.(com|COM)\\.\\+0\\d\\d\\+\\d{5}"), base);
                assertTrue(base.contains(String.format("+%03d+", algorithm.code())), base);
                SigningKey key = BindKeyFiles.read(dir.resolve(base + ".key"));
                assertEquals(Name.of("example.com."), key.owner());
                assertEquals(algorithm, key.algorithm());
                assertEquals(ksk ? 257 : 256, key.flags());
                assertTrue(base.endsWith(String.format("+%05d", key.keyTag())));
                String keyText = Files.readString(dir.resolve(base + ".key"));
                assertTrue(keyText.startsWith("; This is a " + (ksk ? "key-signing" : "zone-signing") + " key, keyid "
                        + key.keyTag()), keyText);
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir.resolve(base + ".private"));
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
            }
        }
    }

    @Test
    void keyTypeForSigZeroHostKeys() throws Exception {
        CliResult r = run("--algorithm", "ED25519", "--zone", "host.example", "--type", "KEY", "--dir", dir.toString());
        assertEquals(0, r.status(), r.err());
        String text = Files.readString(dir.resolve(r.out().strip() + ".key"));
        assertTrue(text.contains("host.example. IN KEY 512 3 15 "), text);
        SigningKey key = BindKeyFiles.read(dir.resolve(r.out().strip()));
        assertEquals(SigningKey.HOST_KEY_FLAGS, key.flags());
        assertEquals(0, key.flags() & KeyData.FLAG_ZONE);
    }

    @Test
    void usageErrorsExitTwo() {
        assertUsage(run("--zone", "example.com"), "--algorithm is required");
        assertUsage(run("--algorithm", "ED25519"), "--zone is required");
        assertUsage(run("--algorithm", "ROT13", "--zone", "example.com"), "unknown DNSSEC algorithm: ROT13");
        assertUsage(run("--algorithm", "RSAMD5", "--zone", "example.com"), "RFC 8624");
        assertUsage(run("--algorithm", "RSASHA256", "--zone", "example.com", "--bits", "512"), "1024..4096");
        assertUsage(run("--algorithm", "ED25519", "--zone", "example.com", "--dir", dir.resolve("none").toString()),
                "not a directory");
        assertUsage(run("--algorithm", "ED25519", "--zone", "bad..name"), "bad zone name");
        assertUsage(run("--algorithm"), "--algorithm needs a value");
    }

    private static void assertUsage(CliResult r, String text) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(text), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
    }
}
