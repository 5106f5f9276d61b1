package org.dunlin.dns.wire.dnssec;

import java.security.PublicKey;
import java.util.Objects;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.internal.KeyVerifier;
import org.dunlin.dns.wire.dnssec.internal.Suites;
import org.dunlin.dns.wire.rdata.DelegationSignerData;
import org.dunlin.dns.wire.rdata.DsRdata;
import org.dunlin.dns.wire.rdata.KeyData;

/**
 * A DNSSEC public key: a DNSKEY (or KEY, for SIG(0)) record with its key decoded and readied for
 * verification once (for the curve algorithms that includes decompressing the point), so that many
 * verifications with the same key pay for that only here. Also computes the key tag and DS digests
 * of the key.
 *
 * <p>Immutable and thread-safe.
 */
public final class DnssecKey {

    private final Name owner;
    private final KeyData rdata;
    private final byte[] rdataWire;
    private final int keyTag;
    private final DnssecAlgorithm algorithm;
    private final PublicKey publicKey;
    private final KeyVerifier verifier;

    private DnssecKey(Name owner, KeyData rdata) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.rdata = Objects.requireNonNull(rdata, "rdata");
        this.rdataWire = rdata.toWire();
        this.keyTag = KeyTags.of(rdataWire);
        this.algorithm = DnssecAlgorithm.of(rdata.algorithm());
        this.publicKey = DnssecCrypto.decodePublicKey(algorithm, rdata.publicKey().toByteArray());
        // decodePublicKey succeeded, so the algorithm has a suite.
        this.verifier = Suites.find(algorithm).orElseThrow().verifier(publicKey);
    }

    /**
     * The key of a DNSKEY, CDNSKEY or KEY record at {@code owner}.
     *
     * @throws DnssecException if the algorithm is unsupported or the key field is malformed
     */
    public static DnssecKey of(Name owner, KeyData rdata) {
        return new DnssecKey(owner, rdata);
    }

    /**
     * The key of a DNSKEY, CDNSKEY or KEY record.
     *
     * @throws IllegalArgumentException if the record holds no key
     * @throws DnssecException if the algorithm is unsupported or the key field is malformed
     */
    public static DnssecKey of(Record record) {
        if (!(record.rdata() instanceof KeyData)) {
            throw new IllegalArgumentException("not a key record: " + record.type());
        }
        return new DnssecKey(record.owner(), (KeyData) record.rdata());
    }

    /** The owner name (the zone, for a zone key). */
    public Name owner() {
        return owner;
    }

    /** The record data. */
    public KeyData rdata() {
        return rdata;
    }

    /** The algorithm. */
    public DnssecAlgorithm algorithm() {
        return algorithm;
    }

    /** The key tag (RFC 4034 Appendix B). */
    public int keyTag() {
        return keyTag;
    }

    /** The flags field. */
    public int flags() {
        return rdata.flags();
    }

    /** Whether the Zone Key flag is set (RFC 4034 §2.1.1): only zone keys sign zone data. */
    public boolean isZoneKey() {
        return (rdata.flags() & KeyData.FLAG_ZONE) != 0;
    }

    /** Whether the Secure Entry Point flag is set (a key-signing key by convention). */
    public boolean isSecureEntryPoint() {
        return (rdata.flags() & KeyData.FLAG_SEP) != 0;
    }

    /** Whether the REVOKE flag is set (RFC 5011 §3): such a key may only sign its DNSKEY RRset. */
    public boolean isRevoked() {
        return (rdata.flags() & KeyData.FLAG_REVOKE) != 0;
    }

    /** The decoded public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Whether {@code signature} (DNSSEC encoding) over {@code data} verifies with this key; false for
     * any malformed signature. Same answer as {@link DnssecCrypto#verify} with {@link #publicKey()}.
     */
    boolean verifySignature(byte[] data, byte[] signature) {
        return verifier.verify(data, signature);
    }

    /** The RDATA in wire form (a copy). */
    public byte[] rdataWire() {
        return rdataWire.clone();
    }

    /**
     * The DS record data for this key (RFC 4034 §5.1.4).
     *
     * @throws DnssecException if the digest type is unsupported
     */
    public DsRdata toDs(DsDigestType digestType) {
        return new DsRdata(keyTag, rdata.algorithm(), digestType.code(),
                ByteString.of(DsDigests.digest(digestType, owner.toCanonicalWire(), rdataWire)));
    }

    /**
     * Whether a DS (or CDS) record designates this key: key tag, algorithm and digest all match. A DS
     * with an unsupported digest type matches nothing.
     */
    public boolean matches(DelegationSignerData ds) {
        if (ds.keyTag() != keyTag || ds.algorithm() != rdata.algorithm()) {
            return false;
        }
        DsDigestType type = DsDigestType.of(ds.digestType());
        if (!DsDigests.isSupported(type)) {
            return false;
        }
        return DsDigests.matches(type, owner.toCanonicalWire(), rdataWire, ds.digest().toByteArray());
    }

    /** Whether this is the same key material and flags as a DNSKEY record (owner ignored). */
    public boolean sameKeyAs(KeyData other) {
        return other.algorithm() == rdata.algorithm() && other.protocol() == rdata.protocol()
                && other.flags() == rdata.flags() && other.publicKey().equals(rdata.publicKey());
    }

    /** The record type of the data (DNSKEY, CDNSKEY or KEY). */
    public RRType type() {
        return rdata.type();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnssecKey && ((DnssecKey) o).owner.equals(owner) && ((DnssecKey) o).rdata.equals(rdata);
    }

    @Override
    public int hashCode() {
        return owner.hashCode() * 31 + rdata.hashCode();
    }

    /** Owner, algorithm, key tag and role, as BIND prints key ids. */
    @Override
    public String toString() {
        return owner + "/" + algorithm().mnemonic() + "/" + keyTag + (isSecureEntryPoint() ? " (ksk)" : " (zsk)");
    }
}
