package org.dunlin.dns.authority.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Dunlin answers like NSD and Knot: for every query of a corpus that covers every answering rule, over
 * UDP with and without EDNS and over TCP, rcode, AA, TC, answer and authority equal those of NSD or of
 * Knot (see {@link Differential}). Zones: {@code corners.zone} (CNAME chains and loops, DNAME, wildcards
 * and empty non-terminals, delegations and glue, NXDOMAIN, NODATA, ANY, truncation, case) and the
 * wildcard example zone of RFC 4592 §2.2.1.
 */
class DifferentialTest {
    private static final List<Differential.Mode> MODES = List.of(Differential.Mode.UDP_EDNS, Differential.Mode.UDP_PLAIN,
            Differential.Mode.TCP);

    @Test
    void cornersZoneAnswersMatchNsdOrKnot(@TempDir Path dir) throws Exception {
        String longPrefix = "l".repeat(63) + "." + "m".repeat(63);
        check(dir, Name.of("test."), "corners.zone", List.of(
                "a.b.c.dn.test.", "x.dn2.test.", "a.dn2.test.", "x.dl1.test.", "x.dnout.test.",
                longPrefix + ".longdn.test.", "short.longdn.test.",
                "foo.wild.test.", "a.b.wild.test.", "x.cw.test.", "x.cwout.test.", "x.ent.wild2.test.",
                "ent.wild2.test.", "_tcp.test.", "wild2.test.", "x.below.deleg.test.", "below.deleg.test.",
                "x.www.test.", "nx.test.", "a.nx.test.", "toent.test."));
    }

    @Test
    void rfc4592ExampleZoneAnswersMatchNsdOrKnot(@TempDir Path dir) throws Exception {
        // RFC 4592 §2.2.1's own examples: host3 and foo.bar match the wildcard; host1 (no such type), sub.*,
        // _telnet._tcp.host1 (an empty non-terminal blocks it), ghost.*, host1 and _ssh._tcp.host2 do not.
        check(dir, Name.of("example."), "rfc4592-example.zone", List.of(
                "host3.example.", "foo.bar.example.", "ghost.*.example.", "sub.*.example.",
                "_telnet._tcp.host1.example.", "_dns._udp.host1.example.", "host2.example.", "_tcp.host1.example.",
                "_tcp.host2.example.", "x.subdel.example.", "*.example.", "a.b.c.example."));
    }

    private void check(Path dir, Name origin, String zoneName, List<String> extra) throws Exception {
        Path zone = TestSupport.zoneFile(dir, zoneName);
        Zone z = Zone.load(origin, zone);
        List<Question> corpus = Differential.corpus(origin, z.records(), extra);
        try (PeerServer nsd = PeerServer.start("nsd", origin, zone, dir);
                PeerServer knot = PeerServer.start("knot", origin, zone, dir);
                AuthorityServer ours = AuthorityServer.builder().zoneFile(origin, zone)
                        .listen(new InetSocketAddress("127.0.0.1", 0)).workers(2).start()) {
            Differential.Report r = Differential.run(ours.udpAddresses().get(0), List.of(nsd, knot), corpus, MODES);
            assertEquals(corpus.size() * MODES.size(), r.queries());
            List<Differential.Mismatch> shown = new ArrayList<>(r.mismatches().subList(0, Math.min(25, r.mismatches().size())));
            assertTrue(r.mismatches().isEmpty(), r.mismatches().size() + " of " + r.queries() + " queries matched neither NSD nor Knot"
                    + " (NSD and Knot disagreed on " + r.referencesDisagreed() + "):\n"
                    + shown.stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }
}
