package org.dunlin.properties.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.CnameRdata;
import org.dunlin.dns.wire.rdata.NsecRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.TypeBitmap;

/**
 * The canonical orders (names, RFC 4034 §6.1; RDATA and records, §6.3) are total orders consistent
 * with equality: antisymmetric, transitive, and zero exactly for equal values. Names come from a small
 * alphabet that differs only in case, so ties and case-insensitive equality are exercised often.
 */
class CanonicalOrderProperties {
    @Provide
    Arbitrary<Name> names() {
        return Arbitraries.oneOf(WireArbitraries.collidingName(), WireArbitraries.name());
    }

    @Provide
    Arbitrary<Record> records() {
        Arbitrary<Rdata> rdata = Arbitraries.oneOf(
                WireArbitraries.collidingName().map(CnameRdata::new),
                WireArbitraries.collidingName().map(n -> new NsecRdata(n, TypeBitmap.EMPTY)),
                WireArbitraries.rdata().filter(r -> !(r instanceof org.dunlin.dns.wire.rdata.OptRdata)));
        return Combinators.combine(WireArbitraries.collidingName(), rdata, Arbitraries.longs().between(0, 3))
                .as((n, r, ttl) -> {
                    try {
                        return new Record(n, RRClass.IN, ttl, r);
                    } catch (IllegalArgumentException e) {
                        return new Record(n, RRClass.IN, ttl, new CnameRdata(n));
                    }
                });
    }

    private static <T> void assertTotalAndConsistent(Comparator<T> c, T a, T b, T d) {
        int ab = Integer.signum(c.compare(a, b));
        assertEquals(-ab, Integer.signum(c.compare(b, a)), "antisymmetric");
        assertEquals(ab == 0, a.equals(b), "zero exactly when equal: " + a + " / " + b);
        if (ab == 0) {
            assertEquals(a.hashCode(), b.hashCode());
        }
        int bd = Integer.signum(c.compare(b, d));
        if (ab <= 0 && bd <= 0) {
            assertTrue(c.compare(a, d) <= 0, "transitive");
        }
        if (ab >= 0 && bd >= 0) {
            assertTrue(c.compare(a, d) >= 0, "transitive");
        }
    }

    @Property
    void nameOrder(@ForAll("names") Name a, @ForAll("names") Name b, @ForAll("names") Name c) {
        assertTotalAndConsistent(Comparator.naturalOrder(), a, b, c);
        assertEquals(0, a.compareTo(a.toLowerCase()));
        assertEquals(a, Name.of(a.toString()), "presentation form round trip");
    }

    @Property
    void parentsSortFirst(@ForAll("names") Name a) {
        if (a.labelCount() > 0) {
            assertTrue(a.parent().compareTo(a) < 0);
        }
    }

    @Property
    void recordAndRdataOrder(@ForAll("records") Record a, @ForAll("records") Record b, @ForAll("records") Record c) {
        assertTotalAndConsistent(Record.CANONICAL_ORDER, a, b, c);
        assertTotalAndConsistent(Rdata.CANONICAL_ORDER, a.rdata(), b.rdata(), c.rdata());
    }
}
