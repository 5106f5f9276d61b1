package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.DsRdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unbound's signature test files (../shared/testdata/dnssec/unbound-sigs/), with Unbound's own rules
 * (testcode/unitverify.c): the first entry's answer is the DNSKEY RRset; every RRset of every later
 * entry must be secure — a valid RRSIG for each algorithm of that DNSKEY RRset — unless it has no RRSIG
 * or its owner or the entry's query name starts with "bogus", in which case it must not be. Each file
 * is checked at the date Unbound's test uses. DS files: "yes" entries match, "no" entries do not.
 */
class UnboundSignatureFilesTest {

    static Stream<Arguments> signatureFiles() {
        return Stream.of(
                Arguments.of("test_signatures.1", "20070818005004"),
                Arguments.of("test_signatures.2", "20080414005004"),
                Arguments.of("test_signatures.3", "20080416005004"),
                Arguments.of("test_signatures.4", "20080416005004"),
                Arguments.of("test_signatures.5", "20080416005004"),
                Arguments.of("test_signatures.6", "20080416005004"),
                Arguments.of("test_signatures.7", "20070829144150"),
                Arguments.of("test_signatures.8", "20070829144150"),
                Arguments.of("test_signatures.9", null),
                Arguments.of("test_sigs.rsasha256", "20070829144150"),
                Arguments.of("test_sigs.sha1_and_256", "20070829144150"),
                Arguments.of("test_sigs.rsasha256_draft", "20090101000000"),
                Arguments.of("test_sigs.rsasha512_draft", "20070829144150"),
                Arguments.of("test_sigs.hinfo", "20090107100022"),
                Arguments.of("test_sigs.revoked", "20080414005004"),
                Arguments.of("test_sigs.gost", "20090807060504"),
                Arguments.of("test_sigs.ecdsa_p256", "20100908100439"),
                Arguments.of("test_sigs.ecdsa_p384", "20100908100439"),
                Arguments.of("test_sigs.ed25519", null),
                Arguments.of("test_sigs.ed448", null));
    }

    /** One ENTRY: its query name and its records by section (question excluded). */
    private record Entry(Name qname, List<Record> records, int line) {
    }

    private static List<Entry> entries(String file) throws Exception {
        List<String> lines = Files.readAllLines(Nsec3HasherTest.testdata("unbound-sigs/" + file));
        List<Entry> entries = new ArrayList<>();
        StringBuilder text = null;
        Name qname = null;
        String section = "";
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("ENTRY_BEGIN")) {
                text = new StringBuilder();
                qname = null;
                section = "";
                start = i + 1;
            } else if (line.startsWith("ENTRY_END")) {
                List<Record> records = ZoneParser.builder(Name.ROOT).defaultTtl(3600).build()
                        .parse(text.toString(), file + " entry at line " + start);
                entries.add(new Entry(qname, records, start));
                text = null;
            } else if (line.startsWith("SECTION")) {
                section = line.split("\\s+")[1];
                text.append('\n');
            } else if (text != null && section.equals("QUESTION")) {
                if (!line.isEmpty() && !line.startsWith(";")) {
                    qname = Name.of(line.split("\\s+")[0]);
                }
                text.append('\n');
            } else if (text != null) {
                text.append(lines.get(i)).append('\n');
            } else {
                continue;
            }
        }
        return entries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureFiles")
    void unboundSignatureFile(String file, String date) throws Exception {
        List<Entry> entries = entries(file);
        List<DnssecKey> keys = new ArrayList<>();
        Set<Integer> algorithms = new TreeSet<>();
        for (Record r : entries.get(0).records()) {
            if (r.type().equals(RRType.DNSKEY)) {
                DnssecKey key = DnssecKey.of(r);
                keys.add(key);
                algorithms.add(key.algorithm().code());
            }
        }
        assertFalse(keys.isEmpty(), file + ": the first entry holds the DNSKEY RRset");
        int secure = 0;
        int bogus = 0;
        for (Entry entry : entries.subList(1, entries.size())) {
            Map<List<Object>, List<Record>> sets = new LinkedHashMap<>();
            Map<List<Object>, List<RrsigRdata>> sigs = new LinkedHashMap<>();
            for (Record r : entry.records()) {
                if (r.rdata() instanceof RrsigRdata) {
                    RrsigRdata s = (RrsigRdata) r.rdata();
                    sigs.computeIfAbsent(List.of(r.owner(), s.typeCovered()), k -> new ArrayList<>()).add(s);
                } else {
                    sets.computeIfAbsent(List.of(r.owner(), r.type()), k -> new ArrayList<>()).add(r);
                }
            }
            for (Map.Entry<List<Object>, List<Record>> e : sets.entrySet()) {
                RRset rrset = RRset.of(e.getValue());
                List<RrsigRdata> rrsigs = sigs.getOrDefault(e.getKey(), List.of());
                Instant at = date != null ? Instant.ofEpochSecond(SignatureTimes.parse(date))
                        : rrsigs.isEmpty() ? Instant.EPOCH : Instant.ofEpochSecond(rrsigs.get(0).inception() + 60);
                Set<Integer> validAlgorithms = new TreeSet<>();
                List<String> outcomes = new ArrayList<>();
                for (RrsigRdata s : rrsigs) {
                    RrsigVerification v = RrsigValidator.verify(rrset, s, keys, at);
                    outcomes.add(s.keyTag() + ": " + v);
                    if (v.isValid()) {
                        validAlgorithms.add(s.algorithm());
                    }
                }
                boolean isSecure = !rrsigs.isEmpty() && validAlgorithms.containsAll(algorithms);
                boolean shouldBeBogus = rrsigs.isEmpty() || startsWithBogus(rrset.owner())
                        || (entry.qname() != null && startsWithBogus(entry.qname()));
                String where = file + " entry at line " + entry.line() + ", " + rrset.owner() + " " + rrset.type()
                        + " " + outcomes;
                if (shouldBeBogus) {
                    assertFalse(isSecure, where + " should be bogus");
                    bogus++;
                } else {
                    assertTrue(isSecure, where + " should be secure");
                    secure++;
                }
            }
        }
        assertTrue(secure > 0, file + ": no secure RRset was checked");
        if (file.equals("test_sigs.revoked") || file.equals("test_sigs.sha1_and_256") || file.equals("test_sigs.hinfo")) {
            assertTrue(bogus > 0, file + ": the bogus cases were checked");
        }
    }

    private static boolean startsWithBogus(Name name) {
        return name.labelCount() > 0 && name.label(0).toLatin1().equals("bogus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dsFiles")
    void unboundDsFile(String file) throws Exception {
        int checked = 0;
        for (Entry entry : entries(file)) {
            DsRdata ds = null;
            DnssecKey key = null;
            for (Record r : entry.records()) {
                if (r.rdata() instanceof DsRdata) {
                    ds = (DsRdata) r.rdata();
                } else if (r.type().equals(RRType.DNSKEY)) {
                    key = DnssecKey.of(r);
                }
            }
            if (ds == null || key == null) {
                fail(file + " entry at line " + entry.line() + " lacks a DS or DNSKEY");
            }
            String answer = entry.qname().label(0).toLatin1();
            assertEquals(answer.equals("yes"), key.matches(ds), file + " entry at line " + entry.line());
            checked++;
        }
        assertTrue(checked >= 3);
    }

    static Stream<String> dsFiles() {
        return Stream.of("test_ds.sha1", "test_ds.sha384");
    }
}
