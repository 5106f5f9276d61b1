package org.dunlin.dns.wire.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;
import org.junit.jupiter.api.Test;

/**
 * Proves every RDATA type is covered: each schema names its record's components in order, every type
 * the issue lists has a schema, and a sample of every type (texts checked against BIND 9.18's
 * {@code named-compilezone -s full} output) survives text → RDATA → text, RDATA → wire → RDATA, the
 * RFC 3597 generic form, and keeps the case rules of the canonical form.
 */
class RdataSchemaCoverageTest {
    static final Name ORIGIN = Name.of("example.");

    /** One BIND-printed sample per supported type (OPT has no text form; it is covered by wire tests). */
    static final Map<RRType, List<String>> SAMPLES = new LinkedHashMap<>();

    static void sample(RRType t, String... texts) {
        SAMPLES.put(t, List.of(texts));
    }

    static {
        sample(RRType.A, "192.0.2.1", "0.0.0.0", "255.255.255.255");
        sample(RRType.NS, "ns1.example.");
        sample(RRType.CNAME, "Target.Example.");
        sample(RRType.SOA, "ns1.example. hostmaster.example. 2024010101 7200 3600 1209600 300");
        sample(RRType.NULL, "\\# 3 ABCDEF", "\\# 0");
        sample(RRType.PTR, "host.example.");
        sample(RRType.HINFO, "\"Generic PC\" \"Linux \\\"x\\\" \\\\ y\"", "\"a\" \"b\"");
        sample(RRType.MX, "10 mail.example.", "0 .");
        sample(RRType.TXT, "\"hello world\" \"a;b\" \"\\195\\169\\001\\255\" \"\"", "\"tab\\009x\" \"~\" \"}{[]\"");
        sample(RRType.RP, "mbox.example. txt.example.");
        sample(RRType.AFSDB, "1 afs.example.");
        sample(RRType.SIG, "A 8 2 3600 20240201000000 20240101000000 12345 example. AwEAAbc=");
        sample(RRType.KEY, "256 3 8 AwEAAbcdefgh", "49408 3 8 ");
        sample(RRType.AAAA, "2001:db8::1", "::ffff:1.2.3.4", "2001:db8::1:0:0:1", "1:0:0:2::3", "0:0:1::",
                "0:2:3:4:5:6:7:8", "::ffff:0:102:304", "1:2:3:4:5:6:7:0", "::102", "::1.2.3.4", "::", "::1", "1::");
        sample(RRType.LOC, "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m",
                "42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m",
                "89 59 59.999 N 180 0 0.000 E 42849672.95m 90000000m 90000000m 90000000m",
                "1 2 3.500 S 1 2 3.050 W 1.50m 0.50m 0.00m 0.01m", "1 2 0.000 N 1 2 0.000 E -100000.00m 1m 10000m 10m");
        sample(RRType.SRV, "0 5 5060 sip.example.");
        sample(RRType.NAPTR, "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .", "1 1 \"a\\\"b\" \"\" \"\" x.example.");
        sample(RRType.KX, "10 kx.example.");
        sample(RRType.CERT, "PKIX 0 0 MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "65 12 RSASHA256 AAAA");
        sample(RRType.DNAME, "other.example.");
        sample(RRType.APL, "1:192.168.32.0/21 !1:192.168.38.0/28 2:2001:db8::/32 1:0.0.0.0/0", "");
        sample(RRType.DS, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118",
                "60485 5 4 F87A5AB24049AE2DB677D93A57C6CA37AFCD7B518880E5FA58DB6D42 6324EA91306692351DA050BF0FC9C0E9564E347D");
        sample(RRType.SSHFP, "4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF1 23456789");
        sample(RRType.IPSECKEY, "10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
                "10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
                "10 3 2 gw.example. AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
                "10 2 2 2001:db8::1 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==");
        sample(RRType.RRSIG, "A 8 2 3600 20240201000000 20240101000000 12345 example. AwEAAbcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/AwEAAbcdefghijklmn opqrstuvwxyz");
        sample(RRType.NSEC, "Host.example. A MX RRSIG NSEC TYPE1234", "host.example.");
        sample(RRType.DNSKEY, "257 3 8 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjF FVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoX");
        sample(RRType.DHCID, "AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=");
        sample(RRType.NSEC3, "1 1 12 AABBCCDD 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S A RRSIG", "1 0 0 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S");
        sample(RRType.NSEC3PARAM, "1 0 12 AABBCCDD", "1 0 0 -");
        sample(RRType.TLSA, "3 1 1 D2ABDE240D7CD3EE6B4B28C54DF034B97983A1D16E8A410E4561CB10 6618E971");
        sample(RRType.SMIMEA, "3 1 1 D2ABDE240D7CD3EE6B4B28C54DF034B97983A1D16E8A410E4561CB10 6618E971");
        sample(RRType.HIP, "2 200100107B1A74DF365639CC39F1D578 AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D rvs1.example. rvs2.example.");
        sample(RRType.CDS, "0 0 0 00");
        sample(RRType.CDNSKEY, "0 3 0 AA==");
        sample(RRType.OPENPGPKEY, "AQIDBAUGBwgJCgsMDQ4P");
        sample(RRType.CSYNC, "66 3 A NS AAAA");
        sample(RRType.ZONEMD, "2018031900 1 1 C68090D90A7AED716BC459F9340E3D7C1370D4D24B7E2FC3A1DDC0B9 A87153B9A9713B3C9AE5CC27777F98B8E730044C");
        sample(RRType.SVCB, "1 . mandatory=alpn,port alpn=\"h2,h3\" port=8443 ipv4hint=192.0.2.1,192.0.2.2 ech=AAA= ipv6hint=2001:db8::1",
                "0 foo.example.", "16 foo.example. alpn=\"h2\" no-default-alpn key667=\"hello\" key65000=\"a,b\"",
                "1 . alpn=\"ab,c,d\" key65534=\"a b,c\\\\d\\\"\"", "1 . alpn=\"h2,h3\" port=53 ech=AAA= key9=\"x\\\"y\" key1234");
        sample(RRType.HTTPS, "1 . alpn=\"h3,h2\\\\,x\" dohpath=\"/dns-query{?dns}\"", "1 . ohttp");
        sample(RRType.SPF, "\"v=spf1 -all\"");
        sample(RRType.NID, "10 14:4fff:ff20:ee64");
        sample(RRType.L32, "10 10.1.2.0");
        sample(RRType.L64, "10 2001:db8:1140:1000");
        sample(RRType.LP, "10 l64-subnet.example.");
        sample(RRType.EUI48, "00-00-5e-00-53-2a");
        sample(RRType.EUI64, "00-00-5e-ef-10-00-00-2a");
        sample(RRType.TKEY, "gss-tsig. 1700000000 1700003600 3 NOERROR 4 AQIDBA== 0");
        sample(RRType.TSIG, "hmac-sha256. 1700000000 300 32 qtoOD8nJuWQ7WVrTU8hQ/B89qcldCfdTTNs5JBG+eXE= 4321 NOERROR 0",
                "hmac-sha256. 1700000000 300 0 4321 BADSIG 6 AAAAAAAA");
        sample(RRType.URI, "10 1 \"ftp://ftp1.example.com/public\"", "1 1 \"a\\\"b c\"");
        sample(RRType.MB, "Mbox.example.");
        sample(RRType.MG, "mg.example.");
        sample(RRType.MR, "mr.example.");
        sample(RRType.MINFO, "rmail.example. Email.example.");
        sample(RRType.RT, "10 relay.example.");
        sample(RRType.AVC, "\"app-name:WOLFGANG|app-class:OAM\" \"x\"");
        sample(RRType.RESINFO, "\"qnamemin\" \"exterr=15,16,17\" \"infourl=https://resolver.example.com/guide\"");
        sample(RRType.TA, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118");
        sample(RRType.DLV, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118");
        sample(RRType.CAA, "0 issue \"ca.example.net; account=230123\"", "128 tbs \"Unknown\"", "0 issue \"a\\\"b;c d\\\\\\\\e\\255\"");
    }

    /** The types the issue requires. */
    static final List<String> REQUIRED = List.of("A", "NS", "CNAME", "SOA", "PTR", "HINFO", "MX", "TXT", "RP", "AFSDB", "SIG",
            "KEY", "AAAA", "LOC", "SRV", "NAPTR", "KX", "CERT", "DNAME", "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG",
            "NSEC", "DNSKEY", "DHCID", "NSEC3", "NSEC3PARAM", "TLSA", "SMIMEA", "HIP", "CDS", "CDNSKEY", "OPENPGPKEY",
            "CSYNC", "ZONEMD", "SVCB", "HTTPS", "SPF", "NID", "L32", "L64", "LP", "EUI48", "EUI64", "TKEY", "TSIG", "URI",
            "CAA", "NULL");

    @Test
    void everyRequiredTypeHasASchema() {
        Set<RRType> supported = Rdata.supportedTypes();
        for (String t : REQUIRED) {
            assertTrue(supported.contains(RRType.valueOf(t)), "no schema for " + t);
        }
    }

    @Test
    void everySchemaNamesItsRecordComponentsInOrder() {
        for (RdataSchema<?> s : RdataCodecs.all()) {
            List<String> declared = new ArrayList<>();
            for (Field<?> f : s.fields()) {
                declared.addAll(f.components());
            }
            List<String> components = new ArrayList<>();
            for (RecordComponent c : s.recordClass().getRecordComponents()) {
                components.add(c.getName());
            }
            assertEquals(components, declared, s.type() + ": schema fields must be the record's components, in wire order");
        }
    }

    @Test
    void everySupportedTypeHasASampleExceptOpt() {
        Set<String> missing = new TreeSet<>();
        for (RRType t : Rdata.supportedTypes()) {
            if (!t.equals(RRType.OPT) && !SAMPLES.containsKey(t)) {
                missing.add(t.toString());
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everySampleRoundTripsThroughTextWireAndGenericForm() throws Exception {
        for (Map.Entry<RRType, List<String>> e : SAMPLES.entrySet()) {
            RRType type = e.getKey();
            for (String text : e.getValue()) {
                String what = type + " " + text;
                Rdata parsed = Rdata.fromText(type, text, ORIGIN);
                assertEquals(type, parsed.type(), what);
                assertEquals(text.trim(), parsed.toText(), "BIND prints " + what);
                assertEquals(parsed, Rdata.fromText(type, parsed.toText(), ORIGIN), what);
                byte[] wire = parsed.toWire();
                Rdata decoded = Rdata.fromWire(type, wire);
                assertEquals(parsed, decoded, "wire round trip of " + what);
                assertArrayEquals(wire, decoded.toWire(), what);
                StringBuilder generic = new StringBuilder();
                RdataCodecs.appendGeneric(generic, wire);
                assertEquals(parsed, Rdata.fromText(type, generic.toString(), ORIGIN), "generic form of " + what);
                Rdata otherClass = Rdata.fromWire(type, RRClass.of(65280), wire, 0, wire.length);
                if (RdataCodecs.schema(type.value()).classInOnly()) {
                    assertEquals(new UnknownRdata(type, org.dunlin.dns.wire.ByteString.of(wire)), otherClass,
                            "class-specific types are opaque in other classes: " + what);
                } else {
                    assertEquals(parsed, otherClass, "class-independent types decode in any class: " + what);
                }
            }
        }
    }

    @Test
    void canonicalFormLowercasesExactlyTheRfc4034Types() throws Exception {
        // RFC 4034 §6.2 (as amended by RFC 6840 §5.1): names in these types are lower-cased...
        assertCanonical(RRType.CNAME, "Target.Example.", "target.example.", true);
        assertCanonical(RRType.MX, "10 Mail.Example.", "10 mail.example.", true);
        assertCanonical(RRType.SOA, "NS.Example. Host.Example. 1 2 3 4 5", "ns.example. host.example. 1 2 3 4 5", true);
        assertCanonical(RRType.RRSIG, "A 8 2 3600 20240201000000 20240101000000 1 Example. AAAA",
                "A 8 2 3600 20240201000000 20240101000000 1 example. AAAA", true);
        assertCanonical(RRType.SRV, "0 5 5060 Sip.Example.", "0 5 5060 sip.example.", true);
        // ...but NSEC's next name (RFC 6840 §5.1) and types outside the list keep their case.
        assertCanonical(RRType.NSEC, "Host.Example. A", "Host.Example. A", false);
        assertCanonical(RRType.HTTPS, "1 Svc.Example.", "1 Svc.Example.", false);
        assertCanonical(RRType.LP, "1 Fqdn.Example.", "1 Fqdn.Example.", false);
    }

    private static void assertCanonical(RRType type, String text, String lower, boolean changes) throws Exception {
        Rdata r = Rdata.fromText(type, text, ORIGIN);
        byte[] expected = Rdata.fromText(type, lower, ORIGIN).toWire();
        assertArrayEquals(expected, r.toCanonicalWire(), type + " canonical form");
        if (changes) {
            assertTrue(!java.util.Arrays.equals(r.toWire(), r.toCanonicalWire()), type + " keeps case in toWire()");
        }
    }

    @Test
    void unknownTypesPrintAndParseInTheGenericForm() throws Exception {
        Rdata r = Rdata.fromText(RRType.of(65280), "\\# 4 0A000001", ORIGIN);
        assertEquals(new UnknownRdata(RRType.of(65280), org.dunlin.dns.wire.ByteString.fromHex("0A000001")), r);
        assertEquals("\\# 4 0A000001", r.toText());
        assertEquals("\\# 0", Rdata.fromText(RRType.of(65281), "\\# 0", ORIGIN).toText());
        // A known type given in the generic form becomes typed, as BIND does.
        assertEquals(Rdata.fromText(RRType.A, "10.0.0.1"), Rdata.fromText(RRType.A, "\\# 4 0A000001"));
        assertNotNull(RRType.of(65280));
    }

    @Test
    void invalidTextIsRejectedWithAPosition() {
        String[][] bad = {
            {"A", "300.1.1.1"}, {"A", "1.2.3"}, {"AAAA", "2001:db8:::1"}, {"MX", "10"}, {"MX", "65536 a."},
            {"TXT", ""}, {"LOC", "91 0 0 N 0 0 0 E 0m"}, {"SSHFP", "1 1 XYZ"}, {"NSEC3", "1 0 0 - !!"},
            {"SVCB", "1 . mandatory=port"}, {"SVCB", "1 . alpn=h2 alpn=h3"}, {"SVCB", "1 . port=99999"},
            {"CAA", "0 is-sue \"x\""}, {"SOA", "a. b. 1 2 3 4"}, {"NULL", "ABCD"}, {"A", "\\# 3 010203"},
            {"TYPE65280", "plain text"}, {"DS", "1 2 3 ZZ"}, {"APL", "3:1.2.3.4/8"}, {"EUI48", "00-00-5e-00-53"}};
        for (String[] b : bad) {
            try {
                Rdata.fromText(RRType.valueOf(b[0]), b[1], ORIGIN);
                fail("accepted " + b[0] + " " + b[1]);
            } catch (org.dunlin.dns.wire.TextParseException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            }
        }
    }
}
