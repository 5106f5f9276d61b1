package org.dunlin.properties.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.AaaaRdata;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.CaaRdata;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.NsRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.rdata.SrvRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;

/**
 * The compact zone form loses nothing: a zone built from random records gives back exactly those
 * records (duplicates merged, each RRset with the TTL of its first record), and every RRset can be
 * looked up by owner and type, whatever the case of the owner asked for.
 */
class ZoneRoundTripProperties {
    private static final Name ORIGIN = Name.of("Example.ORG.");

    @Provide
    Arbitrary<Name> owners() {
        Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.of("a", "B", "c", "*", "xn--d", "_tcp"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-', 'Q').ofMinLength(1).ofMaxLength(12));
        return label.list().ofMinSize(0).ofMaxSize(4).map(ls -> {
            Name n = ORIGIN;
            for (String l : ls) {
                n = n.child(l);
            }
            return n;
        });
    }

    @Provide
    Arbitrary<Rdata> rdata() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(i -> ARdata.of("192.0.2." + i)),
                Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> {
                    try {
                        return new AaaaRdata((java.net.Inet6Address) InetAddress.getByAddress(b));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                Arbitraries.strings().ofMaxLength(300).map(s -> TxtRdata.of(s.length() > 255 ? s.substring(0, 255) : s)),
                Combinators.combine(Arbitraries.integers().between(0, 65535), owners()).as(MxRdata::new),
                owners().map(NsRdata::new),
                Combinators.combine(Arbitraries.integers().between(0, 65535), owners()).as((p, t) -> new SrvRdata(p, 1, 443, t)),
                Arbitraries.of("issue", "iodef").map(tag -> new CaaRdata(0, ByteString.ofLatin1(tag), ByteString.ofLatin1("ca.example"))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(b -> new UnknownRdata(RRType.of(65280), ByteString.of(b))));
    }

    @Provide
    Arbitrary<List<Record>> records() {
        return Combinators.combine(owners(), rdata(), Arbitraries.longs().between(0, 86400))
                .as((o, d, ttl) -> Record.of(o, ttl, d)).list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void aZoneGivesBackItsRecords(@ForAll("records") List<Record> random) throws Exception {
        List<Record> records = new ArrayList<>();
        records.add(Record.of(ORIGIN, 3600, new SoaRdata(Name.of("ns.example.org."), Name.of("h.example.org."), 7, 1, 2, 3, 4)));
        records.add(Record.of(ORIGIN, 3600, new NsRdata(Name.of("ns.example.org."))));
        records.addAll(random);
        Zone z = Zone.of(ORIGIN, records);

        // Expected: per (owner, type) the distinct data, with the TTL of the first record of the set.
        Map<List<Object>, Long> ttl = new HashMap<>();
        Set<Record> expected = new HashSet<>();
        for (Record r : records) {
            List<Object> key = List.of(r.owner(), r.type());
            ttl.putIfAbsent(key, r.ttl());
        }
        for (Record r : records) {
            expected.add(r.withTtl(ttl.get(List.of(r.owner(), r.type()))));
        }
        List<Record> back = z.records();
        assertEquals(expected, new HashSet<>(back));
        assertEquals(expected.size(), back.size(), "no duplicates");
        assertEquals(expected.size(), z.recordCount());
        for (Record r : records) {
            RRset set = z.rrset(Name.of(r.owner().toString().toUpperCase()), r.type()).orElseThrow();
            assertEquals(ttl.get(List.of(r.owner(), r.type())), set.ttl());
            assertEquals(true, set.rdata().contains(r.rdata()));
            assertEquals(RRClass.IN, set.rrClass());
        }
    }
}
