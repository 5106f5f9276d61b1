package org.dunlin.properties.dnssec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.dnssec.CanonicalRrset;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecCrypto;
import org.dunlin.dns.wire.dnssec.DnssecException;
import org.dunlin.dns.wire.dnssec.DnssecKey;
import org.dunlin.dns.wire.dnssec.RrsetSigner;
import org.dunlin.dns.wire.dnssec.RrsigValidator;
import org.dunlin.dns.wire.dnssec.RrsigVerification;
import org.dunlin.dns.wire.dnssec.SigningKey;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.AaaaRdata;
import org.dunlin.dns.wire.rdata.CnameRdata;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.NsRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;

/**
 * DNSSEC signing and verification over arbitrary RRsets, for every algorithm this runtime can sign
 * with: a signature made by {@link RrsetSigner} always verifies; any single-byte change of the RDATA,
 * the signature or the public key makes verification fail; the signed data (canonical form) does not
 * depend on the order, duplication or letter case of the input.
 */
class DnssecProperties {

    private static final Name ZONE = Name.of("zone.example.");
    private static final Instant INCEPTION = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant EXPIRATION = Instant.parse("2024-02-01T00:00:00Z");
    private static final Instant DURING = Instant.parse("2024-01-15T00:00:00Z");
    private static final List<DnssecAlgorithm> ALGORITHMS = List.of(DnssecAlgorithm.RSASHA1,
            DnssecAlgorithm.RSASHA1_NSEC3_SHA1, DnssecAlgorithm.RSASHA256, DnssecAlgorithm.RSASHA512,
            DnssecAlgorithm.ECC_GOST, DnssecAlgorithm.ECDSAP256SHA256, DnssecAlgorithm.ECDSAP384SHA384,
            DnssecAlgorithm.ED25519, DnssecAlgorithm.ED448);

    /** Keys are expensive to make (RSA); one per algorithm serves every try. */
    private static final Map<DnssecAlgorithm, SigningKey> KEYS = new ConcurrentHashMap<>();

    private static SigningKey key(DnssecAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, a -> SigningKey.generate(ZONE, SigningKey.ZSK_FLAGS, a,
                a.isRsa() ? 1024 : 0, new SecureRandom()));
    }

    @Provide
    Arbitrary<DnssecAlgorithm> algorithms() {
        return Arbitraries.of(ALGORITHMS.stream().filter(DnssecCrypto::canSign).toList());
    }

    /** Labels of letters (both cases), digits and hyphens. */
    private static Arbitrary<String> label() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
                .ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<Name> owners() {
        Arbitrary<List<String>> labels = label().list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<Boolean> wildcard = Arbitraries.of(false, false, false, true);
        return Combinators.combine(labels, wildcard).as((ls, wild) -> {
            Name n = ZONE;
            for (String l : ls) {
                n = n.child(l);
            }
            return wild ? n.child("*") : n;
        });
    }

    private static Arbitrary<Name> targets() {
        return label().list().ofMinSize(1).ofMaxSize(3).map(ls -> {
            Name n = Name.of("example.net.");
            for (String l : ls) {
                n = n.child(l);
            }
            return n;
        });
    }

    /** Data without embedded names, so that every octet is significant in the canonical form. */
    private static Arbitrary<List<Rdata>> nameFreeData() {
        Arbitrary<List<Rdata>> a = Arbitraries.bytes().array(byte[].class).ofSize(4)
                .map(b -> (Rdata) new ARdata(inet4(b))).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<Rdata>> aaaa = Arbitraries.bytes().array(byte[].class).ofSize(16)
                .map(b -> (Rdata) new AaaaRdata(inet6(b))).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<Rdata>> txt = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)
                .map(b -> (Rdata) new TxtRdata(List.of(ByteString.of(b)))).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Rdata>> unknown = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(60)
                .map(b -> (Rdata) new UnknownRdata(RRType.of(65280), ByteString.of(b))).list().ofMinSize(1).ofMaxSize(4);
        return Arbitraries.oneOf(a, aaaa, txt, unknown);
    }

    /** Data with embedded names, whose case the canonical form folds (RFC 4034 §6.2). */
    private static Arbitrary<List<Rdata>> namedData() {
        Arbitrary<List<Rdata>> ns = targets().map(n -> (Rdata) new NsRdata(n)).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Rdata>> mx = Combinators.combine(Arbitraries.integers().between(0, 65535), targets())
                .as((p, n) -> (Rdata) new MxRdata(p, n)).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Rdata>> cname = targets().map(n -> (Rdata) new CnameRdata(n)).list().ofSize(1);
        return Arbitraries.oneOf(ns, mx, cname);
    }

    @Provide
    Arbitrary<RRset> rrsets() {
        return Combinators.combine(owners(), Arbitraries.oneOf(nameFreeData(), namedData()))
                .as((owner, data) -> new RRset(owner, data.get(0).type(), RRClass.IN, 300, data));
    }

    @Provide
    Arbitrary<RRset> nameFreeRrsets() {
        return Combinators.combine(owners(), nameFreeData())
                .as((owner, data) -> new RRset(owner, data.get(0).type(), RRClass.IN, 300, data));
    }

    @Property
    void signaturesVerifyForEveryAlgorithm(@ForAll("algorithms") DnssecAlgorithm algorithm,
            @ForAll("rrsets") RRset rrset) {
        SigningKey key = key(algorithm);
        RrsigRdata sig = RrsetSigner.sign(rrset, key, INCEPTION, EXPIRATION, new SecureRandom());
        RrsigVerification v = RrsigValidator.verify(rrset, sig, key.publicKey(), DURING);
        if (!v.isValid()) {
            throw new AssertionError(algorithm + " " + rrset + ": " + v);
        }
        if (sig.labels() != CanonicalRrset.labelsOf(rrset.owner())) {
            throw new AssertionError("labels " + sig.labels() + " for " + rrset.owner());
        }
    }

    @Property
    void anyChangedRdataByteFailsVerification(@ForAll("algorithms") DnssecAlgorithm algorithm,
            @ForAll("nameFreeRrsets") RRset rrset, @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        SigningKey key = key(algorithm);
        RrsigRdata sig = RrsetSigner.sign(rrset, key, INCEPTION, EXPIRATION, new SecureRandom());
        List<Rdata> data = new ArrayList<>(rrset.rdata());
        int which = position % data.size();
        byte[] wire = data.get(which).toWire();
        int at = (position / data.size()) % wire.length;
        if (data.get(which) instanceof TxtRdata && at == 0) {
            at = wire.length > 1 ? 1 : 0; // the length octet: changing it makes undecodable TXT data
            if (wire.length == 1) {
                return;
            }
        }
        wire[at] ^= (byte) mask;
        Rdata changed;
        try {
            changed = Rdata.fromWire(rrset.type(), wire);
        } catch (Exception malformed) {
            return; // the change made the data undecodable: nothing to verify
        }
        data.set(which, changed);
        RRset tampered = new RRset(rrset.owner(), rrset.type(), rrset.rrClass(), rrset.ttl(), data);
        if (RrsigValidator.verify(tampered, sig, key.publicKey(), DURING).isValid()) {
            throw new AssertionError(algorithm + ": changed RDATA still verifies: " + tampered);
        }
    }

    @Property
    void anyChangedSignatureByteFailsVerification(@ForAll("algorithms") DnssecAlgorithm algorithm,
            @ForAll("rrsets") RRset rrset, @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        SigningKey key = key(algorithm);
        RrsigRdata sig = RrsetSigner.sign(rrset, key, INCEPTION, EXPIRATION, new SecureRandom());
        byte[] signature = sig.signature().toByteArray();
        signature[position % signature.length] ^= (byte) mask;
        RrsigRdata bad = new RrsigRdata(sig.typeCovered(), sig.algorithm(), sig.labels(), sig.originalTtl(),
                sig.expiration(), sig.inception(), sig.keyTag(), sig.signerName(), ByteString.of(signature));
        RrsigVerification v = RrsigValidator.verify(rrset, bad, key.publicKey(), DURING);
        if (v.status() != RrsigVerification.Status.BAD_SIGNATURE) {
            throw new AssertionError(algorithm + ": changed signature gave " + v);
        }
    }

    @Property
    void anyChangedKeyByteFailsVerification(@ForAll("algorithms") DnssecAlgorithm algorithm,
            @ForAll("rrsets") RRset rrset, @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        SigningKey key = key(algorithm);
        RrsigRdata sig = RrsetSigner.sign(rrset, key, INCEPTION, EXPIRATION, new SecureRandom());
        byte[] field = key.publicKey().rdata().publicKey().toByteArray();
        field[position % field.length] ^= (byte) mask;
        // Through the record layer: a changed key has another key tag, or does not decode.
        try {
            DnssecKey changed = DnssecKey.of(ZONE, new org.dunlin.dns.wire.rdata.DnskeyRdata(
                    key.flags(), 3, algorithm.code(), ByteString.of(field)));
            if (RrsigValidator.verify(rrset, sig, List.of(changed), DURING).isValid()) {
                throw new AssertionError(algorithm + ": changed key still verifies");
            }
        } catch (DnssecException malformed) {
            // rejected while decoding: fails verification
        }
        // And the cryptography itself, with the key tag check out of the way.
        try {
            java.security.PublicKey changed = DnssecCrypto.decodePublicKey(algorithm, field);
            byte[] data = CanonicalRrset.signedData(sig, rrset);
            if (DnssecCrypto.verify(algorithm, changed, data, sig.signature().toByteArray())) {
                throw new AssertionError(algorithm + ": signature verifies with a changed key");
            }
        } catch (DnssecException malformed) {
            // rejected while decoding
        }
    }

    @Property
    void canonicalFormIgnoresOrderDuplicatesAndCase(@ForAll("rrsets") RRset rrset, @ForAll long seed) {
        Random random = new Random(seed);
        RrsigRdata template = new RrsigRdata(rrset.type(), 13, CanonicalRrset.labelsOf(rrset.owner()), 300,
                1_800_000_000L, 1_700_000_000L, 4242, ZONE, ByteString.EMPTY);
        List<Rdata> shuffled = new ArrayList<>();
        for (Rdata r : rrset.rdata()) {
            shuffled.add(recase(r, random));
            if (random.nextInt(3) == 0) {
                shuffled.add(recase(r, random)); // a duplicate, possibly in other case
            }
        }
        Collections.shuffle(shuffled, random);
        RRset other = new RRset(recase(rrset.owner(), random), rrset.type(), rrset.rrClass(), rrset.ttl() + 1, shuffled);
        byte[] a = CanonicalRrset.signedData(template, rrset);
        byte[] b = CanonicalRrset.signedData(template, other);
        if (!Arrays.equals(a, b)) {
            throw new AssertionError("canonical forms differ for " + rrset + " and " + other);
        }
    }

    private static Rdata recase(Rdata r, Random random) {
        if (r instanceof NsRdata) {
            return new NsRdata(recase(((NsRdata) r).nameServer(), random));
        }
        if (r instanceof MxRdata) {
            return new MxRdata(((MxRdata) r).preference(), recase(((MxRdata) r).exchange(), random));
        }
        if (r instanceof CnameRdata) {
            return new CnameRdata(recase(((CnameRdata) r).target(), random));
        }
        return r;
    }

    private static Name recase(Name name, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toString().toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return Name.of(sb.toString());
    }

    private static java.net.Inet4Address inet4(byte[] b) {
        try {
            return (java.net.Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static java.net.Inet6Address inet6(byte[] b) {
        try {
            InetAddress a = InetAddress.getByAddress(b);
            if (a instanceof java.net.Inet6Address) {
                return (java.net.Inet6Address) a;
            }
            return java.net.Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
