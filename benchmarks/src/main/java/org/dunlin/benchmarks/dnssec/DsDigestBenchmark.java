package org.dunlin.benchmarks.dnssec;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecKey;
import org.dunlin.dns.wire.dnssec.DsDigestType;
import org.dunlin.dns.wire.dnssec.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Section;

/**
 * DS records computed per second from a DNSKEY, Dunlin vs dnsjava: the SHA-256 (digest type 2) DS of a
 * key-signing key of algorithm 8 (RSASHA256, 2048 bits, the root zone's kind) or 13 (ECDSA P-256), at
 * owner {@code example.com.}. Each operation builds the DS record data from a parsed DNSKEY record
 * (owner in canonical form, RDATA in wire form, digest). Compare the two {@code impl} rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DsDigestBenchmark {

    @Param({"8", "13"})
    public int algorithm;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private DnssecKey key;
    private DNSKEYRecord jKey;
    private org.xbill.DNS.Name jOwner;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DnssecAlgorithm alg = DnssecAlgorithm.of(algorithm);
        SigningKey signing = SigningKey.generate(Name.of("example.com."), SigningKey.KSK_FLAGS, alg,
                alg.isRsa() ? 2048 : 0, new SecureRandom());
        key = signing.publicKey();
        jKey = (DNSKEYRecord) org.xbill.DNS.Record.fromWire(signing.dnskeyRecord(3600).toWire(), Section.ANSWER);
        jOwner = jKey.getName();
        byte[] ours = key.toDs(DsDigestType.SHA256).digest().toByteArray();
        byte[] theirs = new DSRecord(jOwner, DClass.IN, 3600, DNSSEC.Digest.SHA256, jKey).getDigest();
        if (!java.util.Arrays.equals(ours, theirs)) {
            throw new IllegalStateException("the two libraries disagree on the DS digest");
        }
    }

    @Benchmark
    public Object ds() {
        if (impl.equals("dunlin")) {
            return key.toDs(DsDigestType.SHA256);
        }
        return new DSRecord(jOwner, DClass.IN, 3600, DNSSEC.Digest.SHA256, jKey);
    }
}
