package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.junit.jupiter.api.Test;

/**
 * The signed example zones of RFC 4035 Appendix A (NSEC, RSASHA1) and RFC 5155 Appendix A (NSEC3
 * with opt-out) pass zone verification while their signatures were valid, fail outside that window,
 * and the NSEC3 hashes listed in RFC 5155 match ours.
 */
class AppendixZonesTest {

    private static final Name EXAMPLE = Name.of("example.");

    static List<Record> zone(String file) throws Exception {
        Path path = Nsec3HasherTest.testdata(file);
        List<Record> records = new ArrayList<>();
        ZoneParser.of(EXAMPLE).parse(path, records::add);
        return records;
    }

    @Test
    void rfc4035ZoneIsValidWhileItsSignaturesWere() throws Exception {
        List<Record> records = zone("rfc4035_appendixA_example.zone");
        ZoneVerification report = ZoneVerifier.builder(EXAMPLE).time(Instant.parse("2004-04-20T00:00:00Z"))
                .build().verify(records);
        assertTrue(report.isValid(), report.problems() + "\n" + report.summary());
        assertEquals("NSEC", report.denial());
        assertEquals(27, report.signatures(), report.summary());

        ZoneVerification later = ZoneVerifier.builder(EXAMPLE).time(Instant.parse("2004-06-01T00:00:00Z"))
                .build().verify(records);
        assertFalse(later.isValid());
        assertTrue(later.problems().stream().allMatch(p -> p.kind() == Kind.EXPIRED_SIGNATURE
                || p.kind() == Kind.MISSING_SIGNATURE), later.problems().toString());
        assertTrue(later.problems().stream().anyMatch(p -> p.kind() == Kind.EXPIRED_SIGNATURE));
    }

    @Test
    void rfc5155ZoneIsValidWhileItsSignaturesWere() throws Exception {
        List<Record> records = zone("rfc5155_appendixA_example.zone");
        ZoneVerification report = ZoneVerifier.builder(EXAMPLE).time(Instant.parse("2010-01-01T00:00:00Z"))
                .build().verify(records);
        assertTrue(report.isValid(), report.problems() + "\n" + report.summary());
        assertEquals("NSEC3", report.denial());

        ZoneVerification early = ZoneVerifier.builder(EXAMPLE).time(Instant.parse("2005-01-01T00:00:00Z"))
                .build().verify(records);
        assertTrue(early.problems().stream().anyMatch(p -> p.kind() == Kind.NOT_YET_VALID_SIGNATURE),
                early.problems().toString());
    }

    @Test
    void rfc5155HashesMatch() throws Exception {
        Pattern hash = Pattern.compile(";\\s*H\\(([^)]+)\\)\\s*=\\s*([0-9a-v]{32})");
        List<String> lines = Files.readAllLines(Nsec3HasherTest.testdata("rfc5155_appendixA_example.zone"));
        Nsec3Hasher hasher = Nsec3Hasher.withDefaultLimit();
        byte[] salt = TestBytes.hex("aabbccdd");
        int checked = 0;
        String pendingName = null;
        for (String line : lines) {
            Matcher m = hash.matcher(line);
            Matcher open = Pattern.compile(";\\s*H\\(([^)]+)\\)\\s*$").matcher(line);
            Matcher cont = Pattern.compile(";\\s*=\\s*([0-9a-v]{32})").matcher(line);
            String name = null;
            String expected = null;
            if (m.find()) {
                name = m.group(1);
                expected = m.group(2);
            } else if (open.find()) {
                pendingName = open.group(1);
            } else if (pendingName != null && cont.find()) {
                name = pendingName;
                expected = cont.group(1);
                pendingName = null;
            }
            if (name != null) {
                byte[] h = hasher.hash(1, Name.of(name).toCanonicalWire(), salt, 12);
                assertEquals(expected, Nsec3Hasher.toLabel(h), name);
                checked++;
            }
        }
        assertEquals(12, checked);
    }

    @Test
    void trustAnchorsFromTheZoneItselfAreAcceptedAndForeignOnesAreNot() throws Exception {
        List<Record> records = zone("rfc5155_appendixA_example.zone");
        List<Record> anchors = new ArrayList<>();
        for (Record r : records) {
            if (r.type().equals(RRType.DNSKEY) && ((org.dunlin.dns.wire.rdata.DnskeyRdata) r.rdata()).flags() == 257) {
                anchors.add(r);
                anchors.add(new Record(r.owner(), r.rrClass(), r.ttl(), DnssecKey.of(r).toDs(DsDigestType.SHA256)));
            }
        }
        assertFalse(anchors.isEmpty());
        Instant when = Instant.parse("2010-01-01T00:00:00Z");
        assertTrue(ZoneVerifier.builder(EXAMPLE).time(when).trustAnchors(anchors).build().verify(records).isValid());
        assertTrue(ZoneVerifier.builder(EXAMPLE).time(when).trustAnchors(anchors.subList(1, 2)).build()
                .verify(records).isValid(), "a DS anchor alone");

        List<Record> foreign = zone("rfc4035_appendixA_example.zone").stream()
                .filter(r -> r.type().equals(RRType.DNSKEY)).toList();
        ZoneVerification report = ZoneVerifier.builder(EXAMPLE).time(when).trustAnchors(foreign).build().verify(records);
        assertFalse(report.isValid());
        assertEquals(List.of(Kind.TRUST_ANCHOR), report.problems().stream().map(ZoneVerification.Problem::kind).distinct().toList());
    }
}
