package org.dunlin.dns.wire.dnssec;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.DnskeyRdata;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.rdata.KeyRdata;

/**
 * A DNSSEC key pair able to sign: owner, flags, algorithm, private key, and the public half as a
 * {@link DnssecKey}. Made by {@link #generate}, from existing key material with {@link #of} or
 * {@link #fromPrivateKey}, or read from BIND's files with {@link BindKeyFiles#read}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints key material.
 */
public final class SigningKey {

    /** Flags of a zone-signing key: Zone Key (RFC 4034 §2.1.1). */
    public static final int ZSK_FLAGS = KeyData.FLAG_ZONE;
    /** Flags of a key-signing key: Zone Key and Secure Entry Point. */
    public static final int KSK_FLAGS = KeyData.FLAG_ZONE | KeyData.FLAG_SEP;
    /** Flags of a host key for SIG(0) in a KEY record: name type "host" (RFC 2535 §3.1.2). */
    public static final int HOST_KEY_FLAGS = 0x0200;

    private final DnssecKey publicKey;
    private final PrivateKey privateKey;

    private SigningKey(DnssecKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * A new key pair.
     *
     * @param owner the zone (or, for SIG(0), the host) the key belongs to
     * @param flags {@link #ZSK_FLAGS}, {@link #KSK_FLAGS}, or other DNSKEY flags
     * @param bits RSA modulus size (1024..4096, 0 for 2048); 0 or the fixed size for other algorithms
     * @throws DnssecException if the algorithm cannot sign here or the size is not allowed
     */
    public static SigningKey generate(Name owner, int flags, DnssecAlgorithm algorithm, int bits, SecureRandom random) {
        KeyPair pair = DnssecCrypto.generateKeyPair(algorithm, bits, random);
        return of(owner, flags, algorithm, pair.getPrivate(), pair.getPublic());
    }

    /**
     * A key from both halves; the public half is what the DNSKEY record publishes.
     *
     * @throws DnssecException if the keys do not belong to the algorithm
     */
    public static SigningKey of(Name owner, int flags, DnssecAlgorithm algorithm, PrivateKey privateKey,
            PublicKey publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        DnskeyRdata dnskey = new DnskeyRdata(flags, 3, algorithm.code(),
                ByteString.of(DnssecCrypto.encodePublicKey(algorithm, publicKey)));
        return new SigningKey(DnssecKey.of(owner, dnskey), privateKey);
    }

    /**
     * A key from its private half alone, deriving the public half (RSA CRT keys, EC, EdDSA and GOST keys).
     *
     * @throws DnssecException if the key does not fit the algorithm or lacks what derivation needs
     */
    public static SigningKey fromPrivateKey(Name owner, int flags, DnssecAlgorithm algorithm, PrivateKey privateKey) {
        return of(owner, flags, algorithm, privateKey, DnssecCrypto.derivePublicKey(algorithm, privateKey));
    }

    /**
     * A key whose public half is given as a DNSKEY (or KEY) record, as in BIND's {@code .key} file.
     *
     * @throws DnssecException if the record's key is malformed
     */
    public static SigningKey of(DnssecKey publicKey, PrivateKey privateKey) {
        return new SigningKey(publicKey, Objects.requireNonNull(privateKey, "privateKey"));
    }

    /** The owner name. */
    public Name owner() {
        return publicKey.owner();
    }

    /** The algorithm. */
    public DnssecAlgorithm algorithm() {
        return publicKey.algorithm();
    }

    /** The DNSKEY flags. */
    public int flags() {
        return publicKey.flags();
    }

    /** The key tag. */
    public int keyTag() {
        return publicKey.keyTag();
    }

    /** The private half. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public half with its DNSKEY record data. */
    public DnssecKey publicKey() {
        return publicKey;
    }

    /** The DNSKEY record data (for a key read from a KEY record, the same fields as DNSKEY). */
    public DnskeyRdata dnskey() {
        KeyData k = publicKey.rdata();
        return k instanceof DnskeyRdata ? (DnskeyRdata) k
                : new DnskeyRdata(k.flags(), k.protocol(), k.algorithm(), k.publicKey());
    }

    /** The DNSKEY record at the owner with {@code ttl}. */
    public Record dnskeyRecord(long ttl) {
        return new Record(owner(), RRClass.IN, ttl, dnskey());
    }

    /** The same key published as a KEY record (RFC 2535 §3), as SIG(0) expects. */
    public Record keyRecord(long ttl) {
        KeyData k = publicKey.rdata();
        return new Record(owner(), RRClass.IN, ttl, new KeyRdata(k.flags(), k.protocol(), k.algorithm(), k.publicKey()));
    }

    /** Signs {@code data} with this key's algorithm. */
    byte[] sign(byte[] data, SecureRandom random) {
        return DnssecCrypto.sign(algorithm(), privateKey, data, random);
    }

    /** Owner, algorithm, tag and role; never the private key. */
    @Override
    public String toString() {
        return "SigningKey[" + publicKey + "]";
    }
}
