package org.dunlin.dns.authority.peers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dunlin.dns.authority.AuthorityServer;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed zones answer like NSD and Knot with and without the DO bit: RRSIGs with every RRset and the
 * NSEC (RFC 4035 §3.1.3) or NSEC3 (RFC 5155 §7.2) proofs for NXDOMAIN, NODATA, wildcard answers and
 * referrals to unsigned delegations. Zones: the signed examples of RFC 4035 Appendix A and RFC 5155
 * Appendix A, with the queries of their Appendix B among the corpus.
 */
class DnssecDifferentialTest {
    private static final List<Differential.Mode> MODES = List.of(Differential.Mode.UDP_DO, Differential.Mode.TCP_DO,
            Differential.Mode.UDP_EDNS);
    private static final Name ORIGIN = Name.of("example.");
    // Appendix B of both RFCs, and more names around the wildcard, the empty non-terminals and the cuts.
    private static final List<String> EXTRA = List.of("ml.example.", "z.w.example.", "a.z.w.example.", "mc.a.example.",
            "mc.b.example.", "mc.c.example.", "a.c.x.w.example.", "c.x.w.example.", "y.w.example.", "w.example.",
            "a.b.example.", "ns1.c.example.", "q.example.", "zz.example.", "a.example.", "c.example.");

    @Test
    void rfc4035SignedZoneMatchesNsdOrKnot(@TempDir Path dir) throws Exception {
        check(dir, TestSupport.shared().resolve("testdata/dnssec/rfc4035_appendixA_example.zone"));
    }

    @Test
    void rfc5155Nsec3ZoneMatchesNsdOrKnot(@TempDir Path dir) throws Exception {
        check(dir, TestSupport.shared().resolve("testdata/dnssec/rfc5155_appendixA_example.zone"));
    }

    @Test
    void realRootZoneMatchesNsdOrKnot(@TempDir Path dir) throws Exception {
        // The signed IANA root zone of 2022-02-15: NSEC, over a thousand signed and unsigned delegations.
        Path zone = dir.resolve("root.zone");
        Files.copy(TestSupport.shared().resolve("testdata/real-zones/root.zone.2022021501.signed"), zone);
        Zone z = Zone.load(Name.ROOT, zone);
        assertTrue(z.isSigned());
        List<org.dunlin.dns.wire.Record> sample = new java.util.ArrayList<>();
        int i = 0;
        for (org.dunlin.dns.wire.Record r : z.records()) {
            if (i++ % 40 == 0) {
                sample.add(r);
            }
        }
        List<Question> corpus = Differential.corpus(Name.ROOT, sample, List.of("nonexistent-tld.", "www.example.", "a.b.zz.",
                "com.", "xn--zckzah.", "arpa.", "in-addr.arpa.", "root-servers.net."));
        try (PeerServer nsd = PeerServer.start("nsd", Name.ROOT, zone, dir);
                PeerServer knot = PeerServer.start("knot", Name.ROOT, zone, dir);
                AuthorityServer ours = AuthorityServer.builder().zoneFile(Name.ROOT, zone)
                        .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).start()) {
            Differential.Report r = Differential.run(ours.udpAddresses().get(0), List.of(nsd, knot), corpus,
                    List.of(Differential.Mode.UDP_DO, Differential.Mode.UDP_EDNS));
            assertTrue(r.mismatches().isEmpty(), r.mismatches().size() + " of " + r.queries()
                    + " queries matched neither NSD nor Knot (they disagreed on " + r.referencesDisagreed() + "):\n"
                    + r.mismatches().stream().limit(10).map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    private void check(Path dir, Path source) throws Exception {
        Path zone = dir.resolve(source.getFileName());
        Files.copy(source, zone);
        Zone z = Zone.load(ORIGIN, zone);
        assertTrue(z.isSigned());
        List<Question> corpus = Differential.corpus(ORIGIN, z.records(), EXTRA);
        try (PeerServer nsd = PeerServer.start("nsd", ORIGIN, zone, dir);
                PeerServer knot = PeerServer.start("knot", ORIGIN, zone, dir);
                AuthorityServer ours = AuthorityServer.builder().zoneFile(ORIGIN, zone)
                        .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).start()) {
            Differential.Report r = Differential.run(ours.udpAddresses().get(0), List.of(nsd, knot), corpus, MODES);
            assertTrue(r.mismatches().isEmpty(), r.mismatches().size() + " of " + r.queries()
                    + " queries matched neither NSD nor Knot (they disagreed on " + r.referencesDisagreed() + "):\n"
                    + r.mismatches().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
        }
    }
}
