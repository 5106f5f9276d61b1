package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dunlin.dns.wire.rdata.DnskeyRdata;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SvcParam;
import org.dunlin.dns.wire.rdata.SvcParamKey;
import org.dunlin.dns.wire.rdata.TypeBitmap;
import org.junit.jupiter.api.Test;

/** The open protocol-number types and the small value types: every code is accepted and round-trips. */
class ValueTypesTest {
    @Test
    void rrTypesAreOpen() {
        assertSame(RRType.AAAA, RRType.of(28));
        assertEquals("TYPE65280", RRType.of(65280).toString());
        assertEquals(RRType.of(65280), RRType.valueOf("type65280"));
        assertEquals(RRType.A, RRType.valueOf("TYPE1"));
        assertEquals(RRType.NSAP_PTR, RRType.valueOf("nsap-ptr"));
        assertNull(RRType.tryParse("TYPE65536"));
        assertNull(RRType.tryParse("BOGUS"));
        assertThrows(IllegalArgumentException.class, () -> RRType.of(-1));
        assertTrue(RRType.OPT.isMetaType() && RRType.TSIG.isMetaType() && RRType.ANY.isMetaType());
        assertFalse(RRType.A.isMetaType() || RRType.URI.isMetaType());
        for (int v = 0; v < 65536; v += 97) {
            RRType t = RRType.of(v);
            assertEquals(t, RRType.valueOf(t.toString()));
        }
    }

    @Test
    void classesOpcodesAndRcodes() {
        assertEquals("CH", RRClass.of(3).toString());
        assertEquals(RRClass.CH, RRClass.valueOf("CHAOS"));
        assertEquals("CLASS32", RRClass.of(32).toString());
        assertEquals(RRClass.of(32), RRClass.valueOf("class32"));
        assertEquals("RESERVED3", Opcode.of(3).toString());
        assertEquals(Opcode.of(3), Opcode.valueOf("RESERVED3"));
        assertEquals("BADVERS", Rcode.of(16).toString());
        assertEquals("BADSIG", Rcode.BADSIG.toTsigString());
        assertEquals(Rcode.BADSIG, Rcode.valueOf("BADSIG"));
        assertEquals("4095", Rcode.of(4095).toString());
        assertEquals(0xF, Rcode.of(4095).headerBits());
        assertEquals(0xFF, Rcode.of(4095).extendedBits());
        assertTrue(Rcode.BADCOOKIE.isExtended());
    }

    @Test
    void byteStringHasValueSemantics() {
        ByteString a = ByteString.fromHex("00ff10");
        assertEquals(a, ByteString.of((byte) 0, (byte) 0xff, (byte) 0x10));
        assertEquals("00FF10", a.toHex());
        assertEquals("AP8Q", a.toBase64());
        assertEquals(a, ByteString.fromBase64("AP8Q"));
        assertTrue(ByteString.fromHex("00").compareTo(ByteString.fromHex("0000")) < 0);
        assertTrue(ByteString.fromHex("7f").compareTo(ByteString.fromHex("80")) < 0, "unsigned order");
        byte[] raw = a.toByteArray();
        raw[0] = 9;
        assertEquals(0, a.get(0), "defensive copies");
        assertThrows(IllegalArgumentException.class, () -> ByteString.fromHex("0"));
        assertThrows(IllegalArgumentException.class, () -> ByteString.ofLatin1("\u0100"));
    }

    @Test
    void typeBitmaps() throws Exception {
        TypeBitmap b = TypeBitmap.of(RRType.NSEC, RRType.A, RRType.of(1234), RRType.A);
        assertEquals("A NSEC TYPE1234", b.toString());
        assertEquals(3, b.size());
        assertTrue(b.contains(RRType.NSEC));
        assertFalse(b.contains(RRType.AAAA));
        assertEquals(List.of(RRType.A, RRType.NSEC, RRType.of(1234)), b.types());
        // RFC 4034 §4.3 example: "A MX RRSIG NSEC TYPE1234"
        Rdata nsec = Rdata.fromText(RRType.NSEC, "host.example.com. A MX RRSIG NSEC TYPE1234");
        byte[] wire = nsec.toWire();
        byte[] bitmap = java.util.Arrays.copyOfRange(wire, wire.length - 37, wire.length);
        assertArrayEquals(ByteString.fromHex("0006400100000003" + "041b" + "000000000000000000000000000000000000000000000000000020").toByteArray(),
                bitmap);
    }

    @Test
    void keyTagsFollowRfc4034AppendixB() throws Exception {
        // RFC 4034 §5.4 example DNSKEY with key tag 60485.
        KeyData k = (DnskeyRdata) Rdata.fromText(RRType.DNSKEY, "256 3 5 AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/"
                + "2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9Xzc"
                + "nOf+EPbtG9DMBmADjFDc2w/rljwvFw==");
        assertEquals(60485, k.keyTag());
    }

    @Test
    void svcParamsCheckTheirValues() {
        assertEquals("alpn=\"h2,h3\"", SvcParam.alpn("h2", "h3").toString());
        assertEquals(8443, SvcParam.port(8443).port());
        assertEquals(List.of(SvcParamKey.ALPN, SvcParamKey.PORT), SvcParam.mandatory(SvcParamKey.PORT, SvcParamKey.ALPN).mandatoryKeys());
        assertThrows(IllegalArgumentException.class, () -> new SvcParam(SvcParamKey.PORT, ByteString.fromHex("01")));
        assertThrows(IllegalArgumentException.class, () -> new SvcParam(SvcParamKey.MANDATORY, ByteString.fromHex("0000")));
        assertThrows(IllegalArgumentException.class, () -> new SvcParam(SvcParamKey.of(65535), ByteString.EMPTY));
        assertEquals("key65000", SvcParamKey.of(65000).toString());
        assertNull(SvcParamKey.tryParse("key01"), "no leading zeros (RFC 9460 §2.1)");
    }
}
