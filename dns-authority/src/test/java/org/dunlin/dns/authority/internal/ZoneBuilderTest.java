package org.dunlin.dns.authority.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneProblem;
import org.junit.jupiter.api.Test;

/** Loading a zone into its compact form: node order, empty non-terminals, flags, and the checks. */
class ZoneBuilderTest {
    private static final Name ORIGIN = Name.of("example.");
    private static final String HEAD = "$TTL 300\n@ 3600 IN SOA ns h 1 2 3 4 60\n@ IN NS ns\nns IN A 192.0.2.1\n";

    private static ZoneData zone(String body) throws ZoneFileException {
        return ZoneData.parse(ORIGIN, HEAD + body, "t.zone");
    }

    private static int node(ZoneData z, String name) {
        byte[] w = Name.of(name).toCanonicalWire();
        return z.findRelative(w, 0, w.length - z.originWire().length, WireNames.hash(w, 0));
    }

    @Test
    void nodesAreInCanonicalOrderWithEmptyNonTerminals() throws Exception {
        ZoneData z = zone("a.b.c IN A 192.0.2.2\nZ IN A 192.0.2.3\n*.w IN TXT x\nx.*.w IN TXT y\nyljkjljk.b.c IN A 192.0.2.4\n");
        List<Name> names = new ArrayList<>();
        for (int i = 0; i < z.nodeCount(); i++) {
            names.add(z.ownerName(i));
        }
        List<Name> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "canonical order (RFC 4034 §6.1)");
        assertEquals(Name.of("example."), names.get(0), "the apex first");
        for (String ent : new String[] {"c.example.", "b.c.example.", "w.example."}) {
            int n = node(z, ent);
            assertTrue(n > 0 && z.isEmpty(n), ent + " is an empty non-terminal");
        }
        assertEquals(10, z.nodeCount());
        assertEquals(ZoneData.WILDCARD_CHILD, z.flags(node(z, "w.example.")) & ZoneData.WILDCARD_CHILD);
        assertEquals(ZoneData.WILDCARD_CHILD, z.flags(node(z, "*.w.example.")) & ZoneData.WILDCARD_CHILD | ZoneData.WILDCARD_CHILD,
                "x.*.w is not a wildcard child but *.w's child");
        assertTrue(node(z, "z.EXAMPLE.") > 0, "lookups ignore case");
    }

    @Test
    void flagsMarkCutsGlueAndDname() throws Exception {
        ZoneData z = zone("sub IN NS ns.sub\nns.sub IN A 192.0.2.5\ndeep.ns.sub IN A 192.0.2.6\nsub IN DS 1 8 2 00\n"
                + "d IN DNAME other.\nx.d IN A 192.0.2.7\nc IN CNAME ns\n");
        int sub = node(z, "sub.example.");
        assertEquals(ZoneData.DELEGATION | ZoneData.HAS_DS, z.flags(sub) & (ZoneData.DELEGATION | ZoneData.HAS_DS | ZoneData.OCCLUDED));
        assertEquals(ZoneData.OCCLUDED, z.flags(node(z, "ns.sub.example.")) & ZoneData.OCCLUDED);
        assertEquals(ZoneData.OCCLUDED, z.flags(node(z, "deep.ns.sub.example.")) & ZoneData.OCCLUDED);
        assertEquals(ZoneData.DNAME, z.flags(node(z, "d.example.")) & (ZoneData.DNAME | ZoneData.OCCLUDED));
        assertEquals(ZoneData.OCCLUDED, z.flags(node(z, "x.d.example.")) & ZoneData.OCCLUDED);
        assertEquals(ZoneData.CNAME, z.flags(node(z, "c.example.")) & ZoneData.CNAME);
        assertEquals(0, z.flags(0) & ZoneData.DELEGATION, "NS at the apex is not a cut");
    }

    @Test
    void negativeTtlIsTheSmallerOfSoaTtlAndMinimum() throws Exception {
        assertEquals(60, zone("").negativeTtl());
        assertEquals(30, ZoneData.parse(ORIGIN, "@ 30 IN SOA ns h 1 2 3 4 60\n@ 30 IN NS ns\n", "t").negativeTtl());
    }

    @Test
    void duplicatesMergeAndDifferingTtlsTakeTheFirst() throws Exception {
        ZoneData z = zone("a IN A 192.0.2.9\na 10 IN A 192.0.2.10\na IN A 192.0.2.9\nout.example.net. IN A 192.0.2.1\n");
        var set = z.rrset(Name.of("a.example."), RRType.A).orElseThrow();
        assertEquals(2, set.size());
        assertEquals(300, set.ttl());
        List<ZoneProblem> w = z.warnings();
        assertTrue(w.stream().anyMatch(p -> p.message().contains("TTL set to prior TTL (300)") && p.line() == 6), w.toString());
        assertTrue(w.stream().anyMatch(p -> p.message().contains("out-of-zone") && p.line() == 8), w.toString());
        assertEquals(5, z.recordCount());
    }

    private static void rejected(String text, int line, String message) {
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> ZoneData.parse(ORIGIN, text, "t.zone"));
        assertTrue(e.getMessage().startsWith("t.zone:" + line + ":") && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void zoneRulesAreChecked() {
        rejected("$TTL 300\n@ IN NS ns\n", 1, "has no SOA record at its origin");
        rejected("$TTL 300\n@ IN SOA ns h 1 2 3 4 5\n", 1, "has no NS records at its origin");
        rejected(HEAD + "x IN SOA ns h 1 2 3 4 5\n", 5, "SOA record not at the top of the zone");
        rejected(HEAD + "@ IN SOA ns h 2 2 3 4 5\n", 5, "multiple RRs of singleton type SOA");
        rejected(HEAD + "w IN A 192.0.2.1\nw IN CNAME ns\n", 6, "CNAME and other data");
        rejected(HEAD + "w IN CNAME a\nw IN CNAME b\n", 6, "multiple RRs of singleton type CNAME");
        rejected(HEAD + "w IN DNAME a.\nw IN DNAME b.\n", 6, "multiple RRs of singleton type DNAME");
        rejected(HEAD + "w CH TXT x\n", 5, "class CH");
        rejected(HEAD + "w IN A 300.1.1.1\n", 5, "");
    }

    @Test
    void cnameBesideDnssecRecordsIsAllowed() throws Exception {
        ZoneData z = zone("w IN CNAME ns\nw IN NSEC x.example. CNAME RRSIG NSEC\n");
        assertTrue(z.rrset(Name.of("w.example."), RRType.NSEC).isPresent());
    }

    @Test
    void canonicalComparisonOfWireNamesAgreesWithName() {
        Random rnd = new Random(1);
        String[] labels = {"a", "B", "b", "aa", "\\000", "\\255", "z", "*", "-", "Ab"};
        int[] sa = new int[WireNames.MAX_LABELS];
        int[] sb = new int[WireNames.MAX_LABELS];
        for (int i = 0; i < 5000; i++) {
            Name x = random(rnd, labels);
            Name y = random(rnd, labels);
            byte[] wx = x.toWire();
            byte[] wy = y.toWire();
            int c = WireNames.compareCanonical(wx, 0, wx.length - 1, wy, 0, wy.length - 1, sa, sb);
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(c), x + " vs " + y);
            assertEquals(x.equals(y), WireNames.hash(wx, 0) == WireNames.hash(wy, 0) && c == 0, x + " vs " + y);
        }
    }

    private static Name random(Random rnd, String[] labels) {
        StringBuilder sb = new StringBuilder();
        for (int n = rnd.nextInt(4); n > 0; n--) {
            sb.append(labels[rnd.nextInt(labels.length)]).append('.');
        }
        return Name.of(sb.length() == 0 ? "." : sb.toString());
    }
}
