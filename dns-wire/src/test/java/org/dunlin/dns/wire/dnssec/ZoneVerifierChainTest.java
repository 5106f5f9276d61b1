package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Problem;
import org.dunlin.dns.wire.dnssec.peers.BindTools;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.rdata.Nsec3Rdata;
import org.dunlin.dns.wire.rdata.NsecRdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.dunlin.dns.wire.rdata.TypeBitmap;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zone verifier's chain, coverage and TTL rules, one broken rule at a time: a BIND-signed zone
 * (NSEC, NSEC3, NSEC3 with opt-out) is changed, every RRset is signed again with our code and BIND's
 * keys so that all signatures are good, and the verifier must report exactly the broken rule. For
 * the TTL rules BIND's {@code dnssec-verify} judges the same files, and the verdicts (valid or not)
 * must agree: what it fails is a problem here, what it accepts is at most a warning.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoneVerifierChainTest {

    private static final Name ZONE = BindSigningInteropTest.ZONE;
    private Path dir;
    private BindTools bind;
    private SigningKey ksk;
    private SigningKey zsk;
    private List<Record> nsec;
    private List<Record> nsec3;
    private List<Record> optOut;

    @BeforeAll
    void signWithBind(@TempDir Path tmp) throws Exception {
        dir = tmp;
        bind = new BindTools(dir);
        Path zoneFile = dir.resolve("zone");
        Files.writeString(zoneFile, BindSigningInteropTest.ZONE_TEXT);
        Path keys = Files.createDirectory(dir.resolve("keys"));
        bind.keygen(keys, "ECDSAP256SHA256", BindSigningInteropTest.ORIGIN, true);
        bind.keygen(keys, "ECDSAP256SHA256", BindSigningInteropTest.ORIGIN, false);
        try (Stream<Path> files = Files.list(keys)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".private")).toList()) {
                SigningKey k = BindKeyFiles.read(p);
                if ((k.flags() & KeyData.FLAG_SEP) != 0) {
                    ksk = k;
                } else {
                    zsk = k;
                }
            }
        }
        nsec = read(bind.signzone(keys, zoneFile, BindSigningInteropTest.ORIGIN, "nsec"));
        nsec3 = read(bind.signzone(keys, zoneFile, BindSigningInteropTest.ORIGIN, "nsec3", "-3", "abcd", "-H", "3"));
        optOut = read(bind.signzone(keys, zoneFile, BindSigningInteropTest.ORIGIN, "optout", "-3", "-", "-H", "0", "-A"));
    }

    private static List<Record> read(Path file) throws Exception {
        List<Record> records = new ArrayList<>();
        ZoneParser.of(ZONE).parse(file, records::add);
        return records;
    }

    /** Applies {@code change} to each record (null drops it), then signs everything again. */
    private List<Record> changed(List<Record> zone, UnaryOperator<Record> change) {
        List<Record> out = new ArrayList<>();
        for (Record r : zone) {
            Record c = change.apply(r);
            if (c != null) {
                out.add(c);
            }
        }
        return BindSigningInteropTest.resign(out, ksk, zsk);
    }

    private static List<Problem> problems(List<Record> zone) {
        return ZoneVerifier.builder(ZONE).time(Instant.now()).build().verify(zone).problems();
    }

    private static void assertOnly(List<Problem> problems, Kind kind, String name, RRType type, String reason) {
        assertTrue(problems.stream().anyMatch(p -> p.kind() == kind && p.name().equals(Name.of(name))
                && p.type().equals(type) && p.reason().contains(reason)), "expected " + kind + " at " + name + ": " + problems);
    }

    private static boolean at(Record r, String name, RRType type) {
        return r.owner().equals(Name.of(name)) && r.type().equals(type);
    }

    private static ZoneVerification report(List<Record> zone) {
        return ZoneVerifier.builder(ZONE).time(Instant.now()).build().verify(zone);
    }

    @Test
    void resigningAloneKeepsTheZonesValid() {
        for (List<Record> zone : List.of(nsec, nsec3, optOut)) {
            assertEquals(List.of(), problems(changed(zone, r -> r)));
            // BIND gives NSEC and NSEC3 the negative TTL of RFC 9077 (SOA TTL 3600, MINIMUM 300): no warning.
            assertEquals(List.of(), report(zone).warnings());
        }
    }

    @Test
    void aMissingNsecIsReported() {
        List<Problem> p = problems(changed(nsec, r -> at(r, "mail.example.test.", RRType.NSEC) ? null : r));
        assertEquals(1, p.size(), p.toString());
        assertOnly(p, Kind.CHAIN_INCOMPLETE, "mail.example.test.", RRType.NSEC, "missing NSEC");
    }

    @Test
    void anNsecSkippingANameBreaksTheChain() {
        List<Problem> p = problems(changed(nsec, r -> {
            if (at(r, "ns1.example.test.", RRType.NSEC)) {
                NsecRdata n = (NsecRdata) r.rdata();
                return new Record(r.owner(), r.rrClass(), r.ttl(), new NsecRdata(Name.of("zzz.example.test."), n.types()));
            }
            return r;
        }));
        assertEquals(1, p.size(), p.toString());
        assertOnly(p, Kind.CHAIN_BROKEN, "ns1.example.test.", RRType.NSEC, "expected");
    }

    @Test
    void aWrongNsecBitmapIsReported() {
        List<Problem> p = problems(changed(nsec, r -> {
            if (at(r, "example.test.", RRType.NSEC)) {
                NsecRdata n = (NsecRdata) r.rdata();
                List<RRType> types = new ArrayList<>(n.types().types());
                types.remove(RRType.MX);
                return new Record(r.owner(), r.rrClass(), r.ttl(), new NsecRdata(n.nextName(), TypeBitmap.of(types)));
            }
            return r;
        }));
        assertEquals(1, p.size(), p.toString());
        assertOnly(p, Kind.BAD_BITMAP, "example.test.", RRType.NSEC, "MX");
    }

    @Test
    void nsecAtGlueIsReported() {
        List<Record> zone = changed(nsec, r -> r);
        zone.add(new Record(Name.of("ns.insecure.example.test."), org.dunlin.dns.wire.RRClass.IN, 300,
                new NsecRdata(Name.of("secure.example.test."), TypeBitmap.of(RRType.A, RRType.NSEC))));
        List<Problem> p = problems(zone);
        assertOnly(p, Kind.CHAIN_INCOMPLETE, "ns.insecure.example.test.", RRType.NSEC, "occluded");
    }

    @Test
    void aMissingNsec3ForAnEmptyNonTerminalIsReported() throws Exception {
        Nsec3Hasher hasher = Nsec3Hasher.withDefaultLimit();
        String label = Nsec3Hasher.toLabel(hasher.hash(1, Name.of("c.example.test.").toCanonicalWire(),
                TestBytes.hex("abcd"), 3));
        List<Problem> p = problems(changed(nsec3, r -> at(r, label + ".example.test.", RRType.NSEC3) ? null : r));
        assertOnly(p, Kind.CHAIN_INCOMPLETE, "c.example.test.", RRType.NSEC3, "missing NSEC3");
        assertTrue(p.stream().anyMatch(x -> x.kind() == Kind.CHAIN_BROKEN), p.toString());
        assertEquals(2, p.size(), p.toString());
    }

    @Test
    void aStrayNsec3IsReported() {
        List<Record> zone = new ArrayList<>(nsec3);
        Record any = nsec3.stream().filter(r -> r.type().equals(RRType.NSEC3)).findFirst().orElseThrow();
        Nsec3Rdata n = (Nsec3Rdata) any.rdata();
        zone.add(new Record(Name.of("0000000000000000000000000000000a.example.test."), any.rrClass(), any.ttl(),
                new Nsec3Rdata(n.hashAlgorithm(), n.flags(), n.iterations(), n.salt(), n.nextHashedOwner(), TypeBitmap.EMPTY)));
        List<Problem> p = problems(BindSigningInteropTest.resign(zone, ksk, zsk));
        assertOnly(p, Kind.CHAIN_INCOMPLETE, "0000000000000000000000000000000a.example.test.", RRType.NSEC3, "matches no name");
    }

    @Test
    void optOutCoversOnlyWhatItMay() {
        // Valid as signed: the insecure delegation has no NSEC3 and an opt-out NSEC3 covers it.
        assertEquals(List.of(), problems(optOut));
        assertTrue(optOut.stream().noneMatch(r -> r.type().equals(RRType.NSEC3)
                && r.owner().equals(hashedOwner("insecure.example.test.", ByteString.EMPTY, 0))));
        // Clearing the opt-out flags leaves the insecure delegation uncovered.
        List<Problem> p = problems(changed(optOut, r -> {
            if (r.rdata() instanceof Nsec3Rdata) {
                Nsec3Rdata n = (Nsec3Rdata) r.rdata();
                return new Record(r.owner(), r.rrClass(), r.ttl(), new Nsec3Rdata(n.hashAlgorithm(), 0, n.iterations(),
                        n.salt(), n.nextHashedOwner(), n.types()));
            }
            return r;
        }));
        assertOnly(p, Kind.CHAIN_INCOMPLETE, "insecure.example.test.", RRType.NSEC3, "missing NSEC3");
    }

    @Test
    void iterationsAboveTheCapAreRefused() {
        ZoneVerification report = ZoneVerifier.builder(ZONE).time(Instant.now()).nsec3Hasher(new Nsec3Hasher(2))
                .build().verify(nsec3);
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertOnly(report.problems(), Kind.BAD_NSEC3_PARAMETERS, "example.test.", RRType.NSEC3PARAM, "RFC 9276");
    }

    @Test
    void signaturesOnGlueAndUnsignedRrsetsAreReported() {
        List<Record> zone = changed(nsec, r -> r);
        zone.removeIf(r -> r.owner().equals(ZONE) && r.rdata() instanceof RrsigRdata
                && ((RrsigRdata) r.rdata()).typeCovered().equals(RRType.MX));
        RRset glue = RRset.of(List.of(new Record(Name.of("ns.insecure.example.test."), org.dunlin.dns.wire.RRClass.IN,
                3600, new ARdata((java.net.Inet4Address) inet("192.0.2.99")))));
        zone.add(RrsetSigner.signRecord(glue, zsk, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)), new SecureRandom()));
        zone.add(new Record(Name.of("elsewhere.example.org."), org.dunlin.dns.wire.RRClass.IN, 300,
                new ARdata((java.net.Inet4Address) inet("192.0.2.1"))));
        List<Problem> p = problems(zone);
        assertOnly(p, Kind.MISSING_SIGNATURE, "example.test.", RRType.MX, "no RRSIG");
        assertOnly(p, Kind.UNEXPECTED_SIGNATURE, "ns.insecure.example.test.", RRType.A, "glue");
        assertOnly(p, Kind.OUT_OF_ZONE, "elsewhere.example.org.", RRType.A, "outside the zone");
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void anRrsetWhoseTtlChangedAfterSigningIsUnsignedAsForDnssecVerify() throws Exception {
        // The RRSIG still verifies (it is computed over its Original TTL) but no longer counts.
        List<Record> zone = new ArrayList<>();
        for (Record r : nsec) {
            zone.add(at(r, "www.example.test.", RRType.A) ? r.withTtl(7200) : r);
        }
        ZoneVerification report = report(zone);
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertOnly(report.problems(), Kind.MISSING_SIGNATURE, "www.example.test.", RRType.A,
                "whose original TTL is the RRset's TTL 7200");
        assertOnly(report.warnings(), Kind.ORIGINAL_TTL_MISMATCH, "www.example.test.", RRType.A,
                "has original TTL 3600, the RRset's TTL is 7200");
        assertOnly(report.warnings(), Kind.RRSIG_TTL_MISMATCH, "www.example.test.", RRType.A, "has TTL 3600");
        Peers.Result bindVerdict = dnssecVerify("ttl-changed", zone);
        assertTrue(bindVerdict.exitCode() != 0 && bindVerdict.output().contains("TTL mismatch"), bindVerdict.output());
    }

    @Test
    void aSignatureWithAnotherOriginalTtlIsOnlyAWarningWhenAnotherOneCounts() throws Exception {
        List<Record> zone = changed(nsec, r -> r);
        RRset www = zone.stream().filter(r -> at(r, "www.example.test.", RRType.A)).collect(
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), RRset::of));
        Record extra = RrsetSigner.signRecord(www.withTtl(60), zsk, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1)), new SecureRandom());
        zone.add(extra.withTtl(www.ttl()));
        ZoneVerification report = report(zone);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(Kind.ORIGINAL_TTL_MISMATCH), kinds(report.warnings()));
        Peers.Result bindVerdict = dnssecVerify("extra-signature", zone);
        assertEquals(0, bindVerdict.exitCode(), bindVerdict.output());
    }

    @Test
    void anRrsigWhoseTtlDiffersFromItsRrsetIsOnlyAWarning() throws Exception {
        List<Record> zone = changed(nsec, r -> r);
        zone.replaceAll(r -> r.rdata() instanceof RrsigRdata && at(r, "mail.example.test.", RRType.RRSIG)
                && ((RrsigRdata) r.rdata()).typeCovered().equals(RRType.A) ? r.withTtl(60) : r);
        ZoneVerification report = report(zone);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(Kind.RRSIG_TTL_MISMATCH), kinds(report.warnings()));
        assertOnly(report.warnings(), Kind.RRSIG_TTL_MISMATCH, "mail.example.test.", RRType.A,
                "has TTL 60, the RRset it covers 3600 (RFC 4034 §3)");
        assertEquals(0, dnssecVerify("rrsig-ttl", zone).exitCode());
    }

    @Test
    void denialTtlsOtherThanTheNegativeTtlAreOnlyWarnings() throws Exception {
        for (List<Record> signed : List.of(nsec, nsec3)) {
            // The RFC 4034 §4 reading "the SOA minimum" would be 300 too; 3600 is the SOA's own TTL.
            List<Record> zone = changed(signed, r -> r.type().equals(RRType.NSEC) || r.type().equals(RRType.NSEC3)
                    ? r.withTtl(3600) : r);
            ZoneVerification report = report(zone);
            assertEquals(List.of(), report.problems());
            assertEquals(List.of(Kind.DENIAL_TTL), kinds(report.warnings()));
            long denialRrsets = zone.stream().filter(r -> r.type().equals(RRType.NSEC) || r.type().equals(RRType.NSEC3))
                    .map(Record::owner).distinct().count();
            assertEquals(denialRrsets, report.warnings().size());
            assertTrue(report.warnings().get(0).reason().contains("TTL 3600 is not 300, the lesser of the SOA TTL and MINIMUM"),
                    report.warnings().toString());
            assertEquals(0, dnssecVerify("denial-ttl", zone).exitCode());
        }
    }

    @Test
    void mixedTtlsInOneRrsetAreAWarningAndTheLowestApplies() throws Exception {
        // The lower TTL first, so that BIND's loader ("TTL set to prior TTL") also takes the lowest.
        List<Record> zone = new ArrayList<>();
        boolean first = true;
        for (Record r : nsec) {
            if (at(r, "www.example.test.", RRType.A) && first) {
                zone.add(r.withTtl(60));
                first = false;
            } else if (!(r.rdata() instanceof RrsigRdata)) {
                zone.add(r);
            }
        }
        zone = BindSigningInteropTest.resign(zone, ksk, zsk);
        ZoneVerification report = report(zone);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(Kind.INCONSISTENT_TTL), kinds(report.warnings()));
        assertOnly(report.warnings(), Kind.INCONSISTENT_TTL, "www.example.test.", RRType.A, "from 60 to 3600; 60 applies");
        assertEquals(0, dnssecVerify("mixed-ttl", zone).exitCode());
    }

    @Test
    void warningsAreListedButLeaveTheZoneValid() {
        List<Record> zone = changed(nsec, r -> r.type().equals(RRType.NSEC) ? r.withTtl(3600) : r);
        ZoneVerification report = report(zone);
        assertTrue(report.isValid());
        assertTrue(report.summary().endsWith("zone is valid (" + report.warnings().size() + " warning(s))"), report.summary());
        assertTrue(report.warnings().get(0).toString().contains(" NSEC warning: NSEC TTL 3600"), report.warnings().toString());
    }

    private Peers.Result dnssecVerify(String name, List<Record> zone) throws Exception {
        Path file = dir.resolve("ttl-" + name);
        BindSigningInteropTest.write(file, zone);
        return bind.verify(BindSigningInteropTest.ORIGIN, file);
    }

    private static List<Kind> kinds(List<Problem> list) {
        return list.stream().map(Problem::kind).distinct().toList();
    }

    private static Name hashedOwner(String name, ByteString salt, int iterations) {
        byte[] h = Nsec3Hasher.withDefaultLimit().hash(1, Name.of(name).toCanonicalWire(), salt.toByteArray(), iterations);
        return Name.of(Nsec3Hasher.toLabel(h) + ".example.test.");
    }

    private static java.net.InetAddress inet(String text) {
        try {
            return java.net.InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
