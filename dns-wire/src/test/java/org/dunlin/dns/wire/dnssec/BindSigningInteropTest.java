package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex;
import org.dunlin.dns.wire.dnssec.peers.BindTools;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.DnskeyRdata;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop with BIND's DNSSEC tools, for algorithms 8, 10, 13, 14, 15 and 16:
 * <ul>
 *   <li>zones signed by {@code dnssec-signzone} (NSEC, NSEC3, NSEC3 with opt-out) pass our verifier;</li>
 *   <li>zones signed by {@code dnssec-signzone} with key files we generated pass {@code dnssec-verify};</li>
 *   <li>a BIND-signed zone re-signed RRset by RRset with our code (BIND's keys read from BIND's files)
 *       passes {@code dnssec-verify};</li>
 *   <li>tampered copies (changed RDATA, expired or not-yet-valid signatures, a swapped DNSKEY) fail both
 *       verifiers, ours with the right reason.</li>
 * </ul>
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindSigningInteropTest {

    static final String ORIGIN = "example.test.";
    static final Name ZONE = Name.of(ORIGIN);
    static final String ZONE_TEXT = String.join("\n",
            "$TTL 3600",
            "@ SOA ns1 hostmaster 2024010101 3600 600 1209600 300",
            "@ NS ns1",
            "@ NS ns2.elsewhere.net.",
            "@ MX 10 mail",
            "@ TXT \"apex text\"",
            "@ CAA 0 issue \"ca.example\"",
            "ns1 A 192.0.2.53",
            "ns1 AAAA 2001:db8::53",
            "mail A 192.0.2.25",
            "www A 192.0.2.80",
            "www A 192.0.2.81",
            "WWW2 CNAME www",
            "*.wild TXT \"wildcard\"",
            "a.b.c A 192.0.2.3",
            "_sip._tcp SRV 0 5 5060 sip",
            "sip A 192.0.2.60",
            "insecure NS ns.insecure",
            "ns.insecure A 192.0.2.99",
            "secure NS ns.secure",
            "secure DS 12345 13 2 3aa5ab37efce57f737fc1627013fee07bdf241bd10f3b1964ab55c78e79a304b",
            "ns.secure A 192.0.2.98",
            "");
    static final List<String> ALGORITHMS = List.of("RSASHA256", "RSASHA512", "ECDSAP256SHA256", "ECDSAP384SHA384",
            "ED25519", "ED448");

    Path dir;
    BindTools bind;
    Path zoneFile;
    final Map<String, Path> bindKeyDirs = new HashMap<>();
    final Map<String, Path> signed = new HashMap<>();

    @BeforeAll
    void bindKeys(@TempDir Path tmp) throws Exception {
        dir = tmp;
        bind = new BindTools(dir);
        zoneFile = dir.resolve("example.test.zone");
        Files.writeString(zoneFile, ZONE_TEXT);
        for (String alg : ALGORITHMS) {
            Path keys = Files.createDirectory(dir.resolve("bind-" + alg));
            bind.keygen(keys, alg, ORIGIN, true);
            bind.keygen(keys, alg, ORIGIN, false);
            bindKeyDirs.put(alg, keys);
        }
    }

    static Stream<Arguments> signings() {
        List<Arguments> out = new ArrayList<>();
        for (String alg : ALGORITHMS) {
            out.add(Arguments.of(alg, "NSEC"));
            out.add(Arguments.of(alg, "NSEC3"));
        }
        out.add(Arguments.of("ECDSAP256SHA256", "NSEC3-OPTOUT"));
        out.add(Arguments.of("RSASHA256", "NSEC3-OPTOUT"));
        return out.stream();
    }

    private Path bindSigned(String alg, String denial) throws Exception {
        String key = alg + "/" + denial;
        Path existing = signed.get(key);
        if (existing != null) {
            return existing;
        }
        String[] options;
        switch (denial) {
            case "NSEC3":
                options = new String[] {"-3", "aabbccdd", "-H", "5"};
                break;
            case "NSEC3-OPTOUT":
                options = new String[] {"-3", "-", "-H", "0", "-A"};
                break;
            default:
                options = new String[0];
        }
        Path out = bind.signzone(bindKeyDirs.get(alg), zoneFile, ORIGIN, "signed-" + alg + "-" + denial, options);
        signed.put(key, out);
        return out;
    }

    private static List<Record> read(Path file) throws Exception {
        List<Record> records = new ArrayList<>();
        org.dunlin.dns.wire.zone.ZoneParser.of(ZONE).parse(file, records::add);
        return records;
    }

    private static ZoneVerification verify(List<Record> records, Instant at) {
        return ZoneVerifier.builder(ZONE).time(at).build().verify(records);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("signings")
    void zonesSignedByBindPassOurVerifier(String alg, String denial) throws Exception {
        List<Record> records = read(bindSigned(alg, denial));
        ZoneVerification report = verify(records, Instant.now());
        assertTrue(report.isValid(), alg + " " + denial + ":\n" + report.problems() + "\n" + report.summary());
        assertEquals(denial.startsWith("NSEC3") ? "NSEC3" : "NSEC", report.denial());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void zonesSignedWithOurKeyFilesPassDnssecVerify(String alg) throws Exception {
        Path keys = Files.createDirectory(dir.resolve("ours-" + alg));
        DnssecAlgorithm algorithm = DnssecAlgorithm.parse(alg);
        SecureRandom random = new SecureRandom();
        Instant created = Instant.now().minus(Duration.ofHours(2));
        int bits = algorithm.isRsa() ? 1024 : 0;
        BindKeyFiles.write(SigningKey.generate(ZONE, SigningKey.KSK_FLAGS, algorithm, bits, random), keys, created);
        BindKeyFiles.write(SigningKey.generate(ZONE, SigningKey.ZSK_FLAGS, algorithm, bits, random), keys, created);
        Path out = bind.signzone(keys, zoneFile, ORIGIN, "ours-signed-" + alg, "-3", "-", "-H", "0");
        Peers.Result result = bind.verify(ORIGIN, out);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(verify(read(out), Instant.now()).isValid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void ourSignaturesOverABindSignedZonePassDnssecVerify(String alg) throws Exception {
        List<Record> records = read(bindSigned(alg, alg.startsWith("ED") ? "NSEC3" : "NSEC"));
        List<SigningKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(bindKeyDirs.get(alg))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".private")).toList()) {
                keys.add(BindKeyFiles.read(p));
            }
        }
        assertEquals(2, keys.size());
        SigningKey ksk = keys.stream().filter(k -> (k.flags() & KeyData.FLAG_SEP) != 0).findFirst().orElseThrow();
        SigningKey zsk = keys.stream().filter(k -> (k.flags() & KeyData.FLAG_SEP) == 0).findFirst().orElseThrow();
        List<Record> resigned = resign(records, ksk, zsk);
        // Nothing of BIND's signatures is left: every RRSIG is ours.
        long ours = resigned.stream().filter(r -> r.rdata() instanceof RrsigRdata).count();
        assertTrue(ours > 20);
        Path out = dir.resolve("resigned-" + alg);
        write(out, resigned);
        Peers.Result result = bind.verify(ORIGIN, out);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(verify(resigned, Instant.now()).isValid());
    }

    /** Removes every RRSIG and signs every authoritative RRset again with our code. */
    static List<Record> resign(List<Record> records, SigningKey ksk, SigningKey zsk) {
        List<Record> out = new ArrayList<>();
        for (Record r : records) {
            if (!(r.rdata() instanceof RrsigRdata)) {
                out.add(r);
            }
        }
        ZoneIndex index = ZoneIndex.build(ZONE, out);
        Instant inception = Instant.now().minus(Duration.ofHours(1));
        Instant expiration = Instant.now().plus(Duration.ofDays(7));
        SecureRandom random = new SecureRandom();
        List<Record> signatures = new ArrayList<>();
        for (ZoneIndex.Node node : index.nodes().values()) {
            for (RRType type : node.types()) {
                boolean authoritative = node.status() == ZoneIndex.Status.APEX
                        || node.status() == ZoneIndex.Status.AUTHORITATIVE
                        || (node.status() == ZoneIndex.Status.DELEGATION
                            && (type.equals(RRType.DS) || type.equals(RRType.NSEC)));
                if (!authoritative) {
                    continue;
                }
                RRset rrset = node.rrset(type);
                signatures.add(RrsetSigner.signRecord(rrset, zsk, inception, expiration, random));
                if (type.equals(RRType.DNSKEY)) {
                    signatures.add(RrsetSigner.signRecord(rrset, ksk, inception, expiration, random));
                }
            }
        }
        out.addAll(signatures);
        return out;
    }

    static void write(Path file, List<Record> records) throws Exception {
        Files.writeString(file, records.stream().map(Record::toString).collect(Collectors.joining("\n", "", "\n")));
    }

    static Stream<String> algorithms() {
        return ALGORITHMS.stream();
    }

    @Test
    void aChangedRdataByteIsABadSignature() throws Exception {
        for (String denial : List.of("NSEC", "NSEC3")) {
            List<Record> records = read(bindSigned("ECDSAP256SHA256", denial));
            List<Record> tampered = new ArrayList<>();
            for (Record r : records) {
                if (r.owner().equals(Name.of("www.example.test.")) && r.rdata() instanceof ARdata
                        && r.rdata().toText().equals("192.0.2.80")) {
                    r = new Record(r.owner(), r.rrClass(), r.ttl(), org.dunlin.dns.wire.rdata.Rdata.fromText(RRType.A, "192.0.2.88"));
                }
                tampered.add(r);
            }
            ZoneVerification report = verify(tampered, Instant.now());
            assertProblems(report, Set.of(Kind.BAD_SIGNATURE, Kind.MISSING_SIGNATURE), "www.example.test.", RRType.A);
            assertTrue(report.problems().stream().anyMatch(p -> p.kind() == Kind.BAD_SIGNATURE));
            Path out = dir.resolve("tampered-rdata-" + denial);
            write(out, tampered);
            assertNotEquals(0, bind.verify(ORIGIN, out).exitCode());
        }
    }

    @Test
    void expiredAndNotYetValidSignaturesAreReportedAsSuch() throws Exception {
        Instant now = Instant.now();
        Path keys = bindKeyDirs.get("ED25519");
        Path expired = bind.signzone(keys, zoneFile, ORIGIN, "expired", "-P",
                "-s", SignatureTimes.format(now.minus(Duration.ofDays(20))),
                "-e", SignatureTimes.format(now.minus(Duration.ofDays(10))));
        ZoneVerification report = verify(read(expired), now);
        assertFalse(report.isValid());
        assertTrue(report.problems().stream().anyMatch(p -> p.kind() == Kind.EXPIRED_SIGNATURE), report.problems().toString());
        assertTrue(report.problems().stream().allMatch(p -> p.kind() == Kind.EXPIRED_SIGNATURE
                || p.kind() == Kind.MISSING_SIGNATURE), report.problems().toString());
        assertNotEquals(0, bind.verify(ORIGIN, expired).exitCode());
        assertTrue(verify(read(expired), now.minus(Duration.ofDays(15))).isValid(), "valid inside its window");

        Path future = bind.signzone(keys, zoneFile, ORIGIN, "future", "-P",
                "-s", SignatureTimes.format(now.plus(Duration.ofDays(10))),
                "-e", SignatureTimes.format(now.plus(Duration.ofDays(20))));
        ZoneVerification early = verify(read(future), now);
        assertTrue(early.problems().stream().anyMatch(p -> p.kind() == Kind.NOT_YET_VALID_SIGNATURE), early.problems().toString());
        assertTrue(early.problems().stream().allMatch(p -> p.kind() == Kind.NOT_YET_VALID_SIGNATURE
                || p.kind() == Kind.MISSING_SIGNATURE), early.problems().toString());
        assertNotEquals(0, bind.verify(ORIGIN, future).exitCode());
    }

    @Test
    void aSwappedDnskeyBreaksTheSignaturesItMade() throws Exception {
        List<Record> records = read(bindSigned("ECDSAP384SHA384", "NSEC"));
        SigningKey stranger = SigningKey.generate(ZONE, SigningKey.ZSK_FLAGS, DnssecAlgorithm.ECDSAP384SHA384, 0,
                new SecureRandom());
        List<Record> tampered = new ArrayList<>();
        int zskTag = -1;
        for (Record r : records) {
            if (r.type().equals(RRType.DNSKEY) && (((DnskeyRdata) r.rdata()).flags() & KeyData.FLAG_SEP) == 0) {
                zskTag = ((DnskeyRdata) r.rdata()).keyTag();
                r = stranger.dnskeyRecord(r.ttl());
            }
            tampered.add(r);
        }
        assertTrue(zskTag >= 0);
        ZoneVerification report = verify(tampered, Instant.now());
        assertFalse(report.isValid());
        // Every ZSK signature now names a key that is not there; the KSK's signature over the changed
        // DNSKEY RRset no longer verifies.
        assertTrue(report.problems().stream().anyMatch(p -> p.kind() == Kind.UNKNOWN_KEY
                && p.reason().contains("tag " + ((Object) zskTagOf(records)))), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.kind() == Kind.BAD_SIGNATURE
                && p.type().equals(RRType.DNSKEY)), report.problems().toString());
        Path out = dir.resolve("tampered-dnskey");
        write(out, tampered);
        assertNotEquals(0, bind.verify(ORIGIN, out).exitCode());
    }

    private static int zskTagOf(List<Record> records) {
        for (Record r : records) {
            if (r.type().equals(RRType.DNSKEY) && (((DnskeyRdata) r.rdata()).flags() & KeyData.FLAG_SEP) == 0) {
                return ((DnskeyRdata) r.rdata()).keyTag();
            }
        }
        return -1;
    }

    private static void assertProblems(ZoneVerification report, Set<Kind> kinds, String name, RRType type) {
        assertFalse(report.isValid());
        for (ZoneVerification.Problem p : report.problems()) {
            assertTrue(kinds.contains(p.kind()) && p.name().equals(Name.of(name)) && p.type().equals(type),
                    "unexpected problem " + p + " in " + report.problems());
        }
    }
}
