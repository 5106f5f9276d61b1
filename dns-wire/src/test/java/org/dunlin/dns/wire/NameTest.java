package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameTest {
    @Test
    void parsesAndPrintsPresentationFormWithEscapes() throws Exception {
        assertEquals("www.example.com.", Name.of("www.example.com").toString());
        assertEquals("www.example.com.", Name.of("www.example.com.").toString());
        assertSame(Name.ROOT, Name.of("."));
        assertEquals(".", Name.ROOT.toString());
        Name n = Name.of("a\\.b.c");
        assertEquals(2, n.labelCount());
        assertEquals("a.b", n.label(0).toLatin1());
        assertEquals("a\\.b.c.", n.toString());
        // \DDD escapes and BIND's escaping of specials and non-printables
        Name weird = Name.of("we\\032ird\\\"\\(x\\)\\;\\@\\$\\\\\\001\\255.example");
        assertEquals("we\\032ird\\\"\\(x\\)\\;\\@\\$\\\\\\001\\255.example.", weird.toString());
        assertEquals(weird, Name.of(weird.toString()));
        assertEquals(16, weird.label(0).length());
        assertEquals(Name.of("A.b"), Name.of("\\065.b"));
    }

    @Test
    void zoneSemanticsForRelativeNamesAndAt() throws Exception {
        Name origin = Name.of("example.com");
        assertEquals(Name.of("www.example.com"), Name.parse("www", origin));
        assertEquals(Name.of("www.other"), Name.parse("www.other.", origin));
        assertSame(origin, Name.parse("@", origin));
        Name rel = Name.parse("www.sub", null);
        assertFalse(rel.isAbsolute());
        assertEquals("www.sub", rel.toString());
        assertEquals(Name.of("www.sub.example.com"), rel.concatenate(origin));
        assertEquals(rel, Name.of("www.sub.example.com").relativize(origin));
        assertEquals(Name.EMPTY, origin.relativize(origin));
        assertEquals("@", Name.EMPTY.toString());
    }

    @Test
    void enforcesLabelAndNameLimits() {
        String label63 = "a".repeat(63);
        assertEquals(63, Name.of(label63 + ".com").label(0).length());
        assertThrows(IllegalArgumentException.class, () -> Name.of("a".repeat(64) + ".com"));
        // 4 labels of 63 + lengths = 256 + root > 255
        String tooLong = String.join(".", label63, label63, label63, label63);
        assertThrows(IllegalArgumentException.class, () -> Name.of(tooLong));
        String max = String.join(".", label63, label63, label63, "a".repeat(61));
        assertEquals(255, Name.of(max).wireLength());
        assertThrows(IllegalArgumentException.class, () -> Name.of("a..b"));
        assertThrows(IllegalArgumentException.class, () -> Name.of(".a"));
        assertThrows(IllegalArgumentException.class, () -> Name.of(""));
        assertThrows(IllegalArgumentException.class, () -> Name.of("a\\256"));
        assertThrows(IllegalArgumentException.class, () -> Name.of("a\\25"));
        assertThrows(IllegalArgumentException.class, () -> Name.of("a\\"));
        TextParseException e = assertThrows(TextParseException.class, () -> Name.parse("ok..bad", null));
        assertEquals(3, e.offset());
    }

    @Test
    void equalityAndHashIgnoreAsciiCaseOnly() throws Exception {
        Name a = Name.of("WWW.Example.COM");
        Name b = Name.of("www.example.com");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertFalse(a.equalsExactly(b));
        assertEquals("WWW.Example.COM.", a.toString(), "case is preserved");
        // Bytes above 0x7F are not folded (RFC 4343 §3).
        assertNotEquals(Name.of("\\196.x"), Name.of("\\228.x"));
        assertNotEquals(Name.parse("a", null), Name.of("a"), "a relative name is not the absolute one");
    }

    @Test
    void canonicalOrderIsRfc4034Section61Example() {
        // The example list of RFC 4034 §6.1, in order.
        List<Name> expected = List.of(Name.of("example"), Name.of("a.example"), Name.of("yljkjljk.a.example"),
                Name.of("Z.a.example"), Name.of("zABC.a.EXAMPLE"), Name.of("z.example"), Name.of("\\001.z.example"),
                Name.of("*.z.example"), Name.of("\\200.z.example"));
        List<Name> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Collections.sort(shuffled);
        assertEquals(expected, shuffled);
        assertTrue(Name.ROOT.compareTo(Name.of("a")) < 0);
    }

    @Test
    void wireAndCanonicalWireForms() throws Exception {
        Name n = Name.of("WwW.Ex.");
        assertArrayEquals(new byte[] {3, 'W', 'w', 'W', 2, 'E', 'x', 0}, n.toWire());
        assertArrayEquals(new byte[] {3, 'w', 'w', 'w', 2, 'e', 'x', 0}, n.toCanonicalWire());
        assertEquals(n, Name.fromWire(n.toWire()));
        assertThrows(WireFormatException.class, () -> Name.fromWire(new byte[] {3, 'a', 'b'}));
        assertThrows(WireFormatException.class, () -> Name.fromWire(new byte[] {(byte) 0xC0, 12}));
        assertThrows(WireFormatException.class, () -> Name.fromWire(new byte[] {0x41, 0}));
        assertThrows(WireFormatException.class, () -> Name.fromWire(new byte[] {1, 'a', 0, 0}));
    }

    @Test
    void structureOperations() {
        Name n = Name.of("a.b.c");
        assertEquals(Name.of("b.c"), n.parent());
        assertEquals(Name.of("c"), n.suffix(1));
        assertSame(Name.ROOT, n.suffix(0));
        assertTrue(n.isSubdomainOf(Name.of("B.C")));
        assertTrue(n.isSubdomainOf(n));
        assertTrue(n.isSubdomainOf(Name.ROOT));
        assertFalse(n.isSubdomainOf(Name.of("xb.c")));
        assertFalse(Name.of("b.c").isSubdomainOf(n));
        assertEquals(Name.of("*.a.b.c"), n.child("*"));
        assertTrue(n.child("*").isWildcard());
        assertEquals(Name.of("x.y"), Name.of("X.Y").toLowerCase());
        assertEquals("X.Y.", Name.of("X.Y").toString());
        assertEquals(3, n.labelCount());
        assertEquals(7, n.wireLength());
        assertThrows(IllegalStateException.class, Name.ROOT::parent);
    }
}
