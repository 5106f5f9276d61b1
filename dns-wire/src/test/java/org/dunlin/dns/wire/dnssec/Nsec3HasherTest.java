package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NSEC3 hashes against Unbound's test file (the RFC 5155 Appendix A names) and the iteration cap. */
class Nsec3HasherTest {


    @Test
    void everyUnboundHashMatches() throws Exception {
        List<String> lines = Files.readAllLines(testdata("unbound-sigs/test_nsec3_hash.1"));
        Nsec3Hasher hasher = Nsec3Hasher.withDefaultLimit();
        String section = "";
        String qname = null;
        String expected = null;
        int checked = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("ENTRY_BEGIN")) {
                qname = null;
                expected = null;
            } else if (f[0].equals("SECTION")) {
                section = f[1];
            } else if (f[0].equals("ENTRY_END")) {
                section = "";
            } else if (section.equals("QUESTION")) {
                qname = f[0];
            } else if (section.equals("ANSWER")) {
                expected = f[0].substring(0, f[0].indexOf('.'));
            } else if (section.equals("AUTHORITY") && f[1].equals("NSEC3")) {
                int alg = Integer.parseInt(f[2]);
                int iterations = Integer.parseInt(f[4]);
                byte[] salt = f[5].equals("-") ? new byte[0] : TestBytes.hex(f[5]);
                byte[] hash = hasher.hash(alg, TestBytes.name(qname), salt, iterations);
                assertEquals(expected, Nsec3Hasher.toLabel(hash), qname);
                assertArrayEquals(hash, Nsec3Hasher.fromLabel(expected.toUpperCase()));
                checked++;
            }
        }
        assertEquals(16, checked);
    }

    @Test
    void rfc5155AppendixAHashes() {
        // RFC 5155 Appendix A: H(example) and H(a.example), salt aabbccdd, 12 iterations.
        Nsec3Hasher hasher = new Nsec3Hasher(12);
        byte[] salt = TestBytes.hex("aabbccdd");
        assertEquals("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom",
                Nsec3Hasher.toLabel(hasher.hash(1, TestBytes.name("example."), salt, 12)));
        assertEquals("35mthgpgcu1qg68fab165klnsnk3dpvl",
                Nsec3Hasher.toLabel(hasher.hash(1, TestBytes.name("A.EXAMPLE."), salt, 12)));
    }

    @Test
    void iterationsAboveTheCapAreRefused() {
        Nsec3Hasher strict = new Nsec3Hasher(0);
        assertTrue(strict.accepts(1, 0));
        assertFalse(strict.accepts(1, 1));
        assertFalse(strict.accepts(2, 0));
        DnssecException e = assertThrows(DnssecException.class,
                () -> strict.hash(1, TestBytes.name("example."), new byte[0], 1));
        assertTrue(e.getMessage().contains("RFC 9276"), e.getMessage());
        assertThrows(DnssecException.class, () -> strict.hash(2, TestBytes.name("example."), new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new Nsec3Hasher(65536));
        assertEquals(150, Nsec3Hasher.withDefaultLimit().maxIterations());
    }

    @Test
    void base32HexRejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> Nsec3Hasher.fromLabel("wxyz"));
        assertThrows(IllegalArgumentException.class, () -> Nsec3Hasher.fromLabel("0p9"));
    }

    /** A file under ../shared/testdata/dnssec, found from the project or the staging directory. */
    static Path testdata(String relative) {
        for (String base : List.of("../../shared/testdata/dnssec", "../shared/testdata/dnssec")) {
            Path p = Path.of(base, relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new AssertionError("test data not found: " + relative);
    }
}
