package org.dunlin.properties.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
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
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.tsig.TsigVerification;

/**
 * Whatever arrives, the responder answers with a well-formed message or, for a packet shorter than a
 * header or a response, with nothing: random bytes, and valid queries with octets overwritten,
 * truncated or extended. An answer carries the query's ID and opcode, has QR set, a known rcode, and fits
 * 512 octets over UDP unless the query advertised more (never more than 1232).
 */
class QueryFuzzProperties {
    private static final Catalog RESPONDER_CATALOG;
    private static final Responder RESPONDER;

    static {
        try {
            RESPONDER_CATALOG = Catalog.of(Zone.parse(Name.of("example."), String.join("\n",
                    "$TTL 300", "@ SOA ns h 1 2 3 4 5", "@ NS ns", "ns A 192.0.2.1", "www CNAME @", "*.w TXT \"wild\"",
                    "big TXT \"" + "x".repeat(250) + "\" \"" + "y".repeat(250) + "\" \"" + "z".repeat(250) + "\"",
                    "d NS ns.d", "ns.d A 192.0.2.2", "dn DNAME example.net.", ""), "fuzz.zone"));
            RESPONDER = Responder.of(RESPONDER_CATALOG);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Set<Integer> RCODES = Set.of(0, 1, 3, 4, 5, 6, 9, 16);

    private static final TsigKey KEY = TsigKey.of("fuzz-key.", TsigAlgorithm.HMAC_SHA256, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9,
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final TsigKey WRONG = TsigKey.of("fuzz-key.", TsigAlgorithm.HMAC_SHA256, new byte[32]);
    private static final TsigKey UNKNOWN = TsigKey.of("nobody.", TsigAlgorithm.HMAC_SHA1, new byte[20]);
    private static final Tsig TSIG = new Tsig(Clock.systemUTC());
    private static final Tsig STALE = new Tsig(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
    private static final Responder SIGNED_RESPONDER;

    static {
        SIGNED_RESPONDER = Responder.of(RESPONDER_CATALOG, null, 1232, List.of(KEY));
    }

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

    /** Signed queries: correct, with a wrong secret, an unknown key, a stale clock, or an octet changed. */
    @Provide
    Arbitrary<byte[][]> signedPackets() {
        return Combinators.combine(packets(), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2000),
                Arbitraries.bytes()).as((p, how, pos, value) -> {
                    if (p.length < 12 || (p[2] & 0x80) != 0) {
                        return new byte[][] {p, null};
                    }
                    byte[] q = p.clone();
                    java.util.Arrays.fill(q, 6, 12, (byte) 0); // only the question: the TSIG goes last
                    q = java.util.Arrays.copyOf(q, Math.min(q.length, 12 + questionLength(q)));
                    try {
                        var signed = (how == 3 ? STALE : TSIG).signRequest(how == 1 ? WRONG : how == 2 ? UNKNOWN : KEY, q);
                        byte[] w = signed.wire();
                        if (how == 4) {
                            w = w.clone();
                            w[pos % w.length] = value;
                            return new byte[][] {w, null};
                        }
                        // a signed answer is due to a correctly signed QUERY with one whole question; other
                        // malformed requests get FORMERR or NOTIMP before the signature is looked at
                        boolean wellFormed = ((q[4] & 0xFF) << 8 | q[5] & 0xFF) == 1 && (q[2] >>> 3 & 0xF) == 0
                                && questionLength(q) > 0;
                        return new byte[][] {w, how == 0 && wellFormed ? signed.mac() : null};
                    } catch (RuntimeException e) {
                        return new byte[][] {p, null}; // not signable (no whole question): the plain packet
                    }
                });
    }

    @Property
    void signedQueriesGetAWellFormedAnswerAndOnlyGoodOnesASignedOne(@ForAll("signedPackets") byte[][] packet,
            @ForAll boolean tcp) throws Exception {
        byte[] q = packet[0];
        net.jqwik.api.statistics.Statistics.collect(packet[1] != null ? "signed answer due" : "error or unsigned answer");
        byte[] r = SIGNED_RESPONDER.respond(q, tcp);
        if (q.length < 12 || (q[2] & 0x80) != 0) {
            assertNull(r);
            return;
        }
        assertNotNull(r, "no answer to " + java.util.HexFormat.of().formatHex(q));
        Message m = Message.fromWire(r);
        assertEquals(((q[0] & 0xFF) << 8) | (q[1] & 0xFF), m.id());
        assertTrue(RCODES.contains(m.rcode().value()), "rcode " + m.rcode());
        if (packet[1] != null) {
            TsigVerification v = TSIG.verifyResponse(KEY, packet[1], r);
            assertTrue(v.isVerified(), "the answer to a correctly signed query verifies: " + v);
        }
    }

    /**
     * The length of the question section of a one-question query: a name of ordinary labels (no pointer,
     * no extended label type, at most 255 octets) and its type and class; 0 if it is not that.
     */
    private static int questionLength(byte[] q) {
        int p = 12;
        while (p < q.length) {
            int l = q[p] & 0xFF;
            if (l == 0) {
                return p + 1 - 12 <= 255 && p + 5 <= q.length ? p + 5 - 12 : 0;
            }
            if ((l & 0xC0) != 0) {
                return 0;
            }
            p += 1 + l;
        }
        return 0;
    }
}
