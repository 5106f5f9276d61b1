package org.dunlin.benchmarks.dnssec;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.RrsetSigner;
import org.dunlin.dns.wire.dnssec.RrsigValidator;
import org.dunlin.dns.wire.dnssec.RrsigVerification;
import org.dunlin.dns.wire.dnssec.SigningKey;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;

/**
 * RRSIG verifications per second, Dunlin vs dnsjava, on the same key, RRset and signature.
 *
 * <p>Workload: one RRset of two A records at {@code www.example.com.} signed by a zone-signing key of
 * algorithm 8 (RSASHA256, 2048 bits), 13 (ECDSA P-256), 14 (ECDSA P-384), 15 (Ed25519) or 16 (Ed448).
 * Both libraries get pre-parsed record objects (dnsjava's DNSKEYRecord caches its decoded key after
 * the first use, as Dunlin's DnssecKey decodes and readies its key once), so each operation is
 * canonicalisation plus one signature check at a fixed time inside the validity window. Bouncy Castle
 * is on the class path, as in the benchmarks jar: Dunlin then verifies 13 to 16 with its curve
 * arithmetic, dnsjava with the JDK's providers (it never uses Bouncy Castle unless registered as a
 * JCA provider). Compare the two {@code impl} rows of each algorithm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RrsigVerifyBenchmark {

    @Param({"8", "13", "14", "15", "16"})
    public int algorithm;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private RRset rrset;
    private RrsigRdata rrsig;
    private org.dunlin.dns.wire.dnssec.DnssecKey key;
    private Instant now;

    private org.xbill.DNS.RRset jRrset;
    private RRSIGRecord jRrsig;
    private DNSKEYRecord jKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Name zone = Name.of("example.com.");
        DnssecAlgorithm alg = DnssecAlgorithm.of(algorithm);
        SigningKey signing = SigningKey.generate(zone, SigningKey.ZSK_FLAGS, alg, alg.isRsa() ? 2048 : 0,
                new SecureRandom());
        List<Rdata> data = List.of(ARdata.of("192.0.2.1"), ARdata.of("192.0.2.2"));
        rrset = new RRset(Name.of("www.example.com."), data.get(0).type(), RRClass.IN, 3600, data);
        Instant inception = Instant.parse("2024-01-01T00:00:00Z");
        rrsig = RrsetSigner.sign(rrset, signing, inception, inception.plus(Duration.ofDays(30)), new SecureRandom());
        key = signing.publicKey();
        now = inception.plus(Duration.ofDays(1));

        jKey = (DNSKEYRecord) org.xbill.DNS.Record.fromWire(signing.dnskeyRecord(3600).toWire(), Section.ANSWER);
        jRrset = new org.xbill.DNS.RRset();
        for (Record r : rrset.records()) {
            jRrset.addRR(org.xbill.DNS.Record.fromWire(r.toWire(), Section.ANSWER));
        }
        jRrsig = (RRSIGRecord) org.xbill.DNS.Record.fromWire(
                new Record(rrset.owner(), RRClass.IN, 3600, rrsig).toWire(), Section.ANSWER);
        if (!verify()) {
            throw new IllegalStateException(impl + " failed to verify the fixture");
        }
    }

    @Benchmark
    public boolean verify() throws Exception {
        if (impl.equals("dunlin")) {
            RrsigVerification v = RrsigValidator.verify(rrset, rrsig, key, now);
            return v.isValid();
        }
        DNSSEC.verify(jRrset, jRrsig, jKey, now);
        return true;
    }
}
