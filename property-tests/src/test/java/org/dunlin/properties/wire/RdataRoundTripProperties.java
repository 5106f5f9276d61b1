package org.dunlin.properties.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.OptRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.junit.jupiter.api.Test;

/**
 * For every RDATA type: wire decode(encode(r)) equals r, presentation parse(print(r)) equals r, the
 * RFC 3597 generic form parses back to r, and a whole record survives its text form.
 */
class RdataRoundTripProperties {
    @Provide
    Arbitrary<Rdata> anyRdata() {
        return WireArbitraries.rdata();
    }

    @Provide
    Arbitrary<Record> anyRecord() {
        return WireArbitraries.record();
    }

    @Test
    void generatorsCoverEverySupportedType() {
        Set<RRType> covered = new HashSet<>(WireArbitraries.RDATA.keySet());
        assertEquals(Rdata.supportedTypes(), covered);
    }

    @Property
    void wireRoundTrip(@ForAll("anyRdata") Rdata r) throws Exception {
        byte[] wire = r.toWire();
        Rdata back = Rdata.fromWire(r.type(), wire);
        assertEquals(r, back);
        assertArrayEquals(wire, back.toWire());
    }

    @Property
    void presentationRoundTrip(@ForAll("anyRdata") Rdata r) throws Exception {
        if (r instanceof OptRdata) {
            return; // OPT has no presentation format of its own (RFC 6891 §6.1.1); the generic form is checked below
        }
        String text = r.toText();
        assertEquals(r, Rdata.fromText(r.type(), text), text);
    }

    @Property
    void genericFormRoundTrip(@ForAll("anyRdata") Rdata r) throws Exception {
        byte[] wire = r.toWire();
        StringBuilder sb = new StringBuilder("\\# ").append(wire.length);
        for (byte b : wire) {
            sb.append(' ').append(String.format("%02x", b));
        }
        assertEquals(r, Rdata.fromText(r.type(), sb.toString()));
    }

    @Property
    void recordTextRoundTrip(@ForAll("anyRecord") Record r) throws Exception {
        assertEquals(r, Record.fromText(r.toString()), r.toString());
    }

    @Property
    void canonicalFormIsTheWireFormWithSomeNamesLowerCased(@ForAll("anyRdata") Rdata r) throws Exception {
        byte[] canonical = r.toCanonicalWire();
        assertEquals(r.toWire().length, canonical.length);
        Rdata back = Rdata.fromWire(r.type(), canonical);
        assertEquals(r, back, "names differ only in case, which equality ignores");
    }

    @Property
    void relativeNamesAreCompletedWithTheOrigin(@ForAll("anyRdata") Rdata r) throws Exception {
        if (r instanceof OptRdata) {
            return;
        }
        // Printing never produces relative names, so an origin changes nothing.
        assertEquals(r, Rdata.fromText(r.type(), r.toText(), Name.of("origin.example")));
    }

    @Property
    void everyTypeIsHit(@ForAll("typeSamples") RRType t) throws Exception {
        Rdata r = WireArbitraries.RDATA.get(t).sample();
        assertEquals(r, Rdata.fromWire(t, r.toWire()));
    }

    @Provide
    Arbitrary<RRType> typeSamples() {
        return Arbitraries.of(WireArbitraries.RDATA.keySet());
    }
}
