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
import org.xbill.DNS.Section;

/**
 * RRSIGs created per second, Dunlin vs dnsjava, with the same private key over the same RRset.
 *
 * <p>Workload: the RRset of {@link RrsigVerifyBenchmark} (two A records at {@code www.example.com.})
 * signed by a zone-signing key of algorithm 8 (RSASHA256, 2048 bits), 13 (ECDSA P-256) or 15
 * (Ed25519), with a fixed validity window. Each operation is canonicalisation plus one signature;
 * ECDSA nonces come from one {@link SecureRandom} per trial. This is the per-RRset cost of an
 * authoritative signer. Compare the two {@code impl} rows of each algorithm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RrsetSignBenchmark {

    @Param({"8", "13", "15"})
    public int algorithm;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private RRset rrset;
    private SigningKey key;
    private Instant inception;
    private Instant expiration;
    private SecureRandom random;

    private org.xbill.DNS.RRset jRrset;
    private DNSKEYRecord jKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DnssecAlgorithm alg = DnssecAlgorithm.of(algorithm);
        random = new SecureRandom();
        key = SigningKey.generate(Name.of("example.com."), SigningKey.ZSK_FLAGS, alg, alg.isRsa() ? 2048 : 0, random);
        List<Rdata> data = List.of(ARdata.of("192.0.2.1"), ARdata.of("192.0.2.2"));
        rrset = new RRset(Name.of("www.example.com."), data.get(0).type(), RRClass.IN, 3600, data);
        inception = Instant.parse("2024-01-01T00:00:00Z");
        expiration = inception.plus(Duration.ofDays(30));
        jKey = (DNSKEYRecord) org.xbill.DNS.Record.fromWire(key.dnskeyRecord(3600).toWire(), Section.ANSWER);
        jRrset = new org.xbill.DNS.RRset();
        for (Record r : rrset.records()) {
            jRrset.addRR(org.xbill.DNS.Record.fromWire(r.toWire(), Section.ANSWER));
        }
        // Each library's signature must verify with the other's code.
        RrsigRdata ours = RrsetSigner.sign(rrset, key, inception, expiration, random);
        org.xbill.DNS.RRSIGRecord oursForDnsjava = (org.xbill.DNS.RRSIGRecord) org.xbill.DNS.Record.fromWire(
                new Record(rrset.owner(), RRClass.IN, 3600, ours).toWire(), Section.ANSWER);
        DNSSEC.verify(jRrset, oursForDnsjava, jKey, inception.plus(Duration.ofDays(1)));
        org.xbill.DNS.RRSIGRecord theirs = DNSSEC.sign(jRrset, jKey, key.privateKey(), inception, expiration);
        RrsigRdata theirsForUs = (RrsigRdata) Record.fromText(theirs.toString()).rdata();
        if (!org.dunlin.dns.wire.dnssec.RrsigValidator.verify(rrset, theirsForUs, key.publicKey(),
                inception.plus(Duration.ofDays(1))).isValid()) {
            throw new IllegalStateException("Dunlin rejects dnsjava's signature");
        }
    }

    @Benchmark
    public Object sign() throws Exception {
        if (impl.equals("dunlin")) {
            return RrsetSigner.sign(rrset, key, inception, expiration, random);
        }
        return DNSSEC.sign(jRrset, jKey, key.privateKey(), inception, expiration);
    }
}
