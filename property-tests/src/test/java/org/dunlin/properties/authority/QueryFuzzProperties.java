package org.dunlin.properties.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.authority.Catalog;
import org.dunlin.dns.authority.Responder;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.edns.Edns;

/**
 * Whatever arrives, the responder answers with a well-formed message or, for a packet shorter than a
 * header or a response, with nothing: random bytes, and valid queries with octets overwritten,
 * truncated or extended. An answer carries the query's ID and opcode, has QR set, a known rcode, and fits
 * 512 octets over UDP unless the query advertised more (never more than 1232).
 */
class QueryFuzzProperties {
    private static final Responder RESPONDER;

    static {
        try {
            RESPONDER = Responder.of(Catalog.of(Zone.parse(Name.of("example."), String.join("\n",
                    "$TTL 300", "@ SOA ns h 1 2 3 4 5", "@ NS ns", "ns A 192.0.2.1", "www CNAME @", "*.w TXT \"wild\"",
                    "big TXT \"" + "x".repeat(250) + "\" \"" + "y".repeat(250) + "\" \"" + "z".repeat(250) + "\"",
                    "d NS ns.d", "ns.d A 192.0.2.2", "dn DNAME example.net.", ""), "fuzz.zone")));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Set<Integer> RCODES = Set.of(0, 1, 3, 4, 5, 6, 9, 16);

    @Provide
    Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> valid = Combinators.combine(Arbitraries.of("example.", "www.example.", "a.w.example.", "big.example.",
                "x.d.example.", "a.dn.example.", "nx.example.", "example.org."), Arbitraries.of(RRType.A, RRType.TXT, RRType.ANY,
                RRType.NS, RRType.of(0), RRType.AXFR), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4096))
                .as((n, t, edns, size) -> {
                    Message.Builder b = Message.builder().id(size).question(Name.of(n), t);
                    if (edns) {
                        b.edns(new Edns(size, 0, 0, List.of()));
                    }
                    return b.build().toWire();
                });
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 2)).as((p, pos, value, how) -> {
                    byte[] q = p.clone();
                    if (how == 0) {
                        q[pos % q.length] = value;
                        return q;
                    }
                    if (how == 1) {
                        return java.util.Arrays.copyOf(q, pos % (q.length + 1));
                    }
                    byte[] longer = java.util.Arrays.copyOf(q, q.length + 1 + pos % 7);
                    longer[q.length] = value;
                    return longer;
                });
        return Arbitraries.oneOf(random, valid, mutated);
    }

    @Property
    void everyPacketGetsAWellFormedAnswerOrNone(@ForAll("packets") byte[] packet, @ForAll boolean tcp) throws Exception {
        byte[] r = RESPONDER.respond(packet, tcp);
        if (packet.length < 12 || (packet[2] & 0x80) != 0) {
            assertNull(r, "no answer to a runt or a response");
            return;
        }
        // A query with a whole header is never met with silence: at worst FORMERR (RFC 1035 §4.1.1)
        assertNotNull(r, "no answer to " + java.util.HexFormat.of().formatHex(packet));
        Message m;
        try {
            m = Message.fromWire(r);
        } catch (WireFormatException e) {
            throw new AssertionError("undecodable answer to " + java.util.HexFormat.of().formatHex(packet), e);
        }
        assertEquals(((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF), m.id());
        assertEquals((packet[2] >>> 3) & 0xF, m.opcode().value());
        assertTrue(m.header().isResponse());
        assertTrue(RCODES.contains(m.rcode().value()), "rcode " + m.rcode());
        if (!tcp) {
            assertTrue(r.length <= 1232, "UDP answer of " + r.length + " octets");
            if (m.edns().isEmpty()) {
                assertTrue(r.length <= 512, "UDP answer of " + r.length + " octets without EDNS");
            }
        }
    }
}
