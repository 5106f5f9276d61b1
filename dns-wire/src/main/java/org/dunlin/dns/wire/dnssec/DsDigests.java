package org.dunlin.dns.wire.dnssec;

import java.security.MessageDigest;
import org.dunlin.dns.wire.dnssec.internal.Digests;

/**
 * DS record digests (RFC 4034 §5.1.4): {@code digest = H(owner name | DNSKEY RDATA)} with the owner in
 * canonical wire form. SHA-1, SHA-256 and SHA-384 use the JDK; GOST R 34.11-94 (type 3) needs Bouncy
 * Castle. Stateless and thread-safe.
 */
public final class DsDigests {

    private DsDigests() {
    }

    /** True if this runtime can compute digests of {@code type}. */
    public static boolean isSupported(DsDigestType type) {
        return Digests.isSupported(type);
    }

    /**
     * The DS digest of a DNSKEY.
     *
     * @param ownerWire the DNSKEY owner name in uncompressed wire form; ASCII letters are lowercased
     *        here (RFC 4034 §6.2), so any case may be passed
     * @param dnskeyRdata the DNSKEY RDATA in wire form
     * @throws DnssecException if the digest type is unsupported
     */
    public static byte[] digest(DsDigestType type, byte[] ownerWire, byte[] dnskeyRdata) {
        MessageDigest md = Digests.newDigest(type);
        md.update(canonicalOwner(ownerWire));
        md.update(dnskeyRdata);
        return md.digest();
    }

    /**
     * True if {@code expected} is the digest of the DNSKEY (constant-time comparison).
     *
     * @throws DnssecException if the digest type is unsupported
     */
    public static boolean matches(DsDigestType type, byte[] ownerWire, byte[] dnskeyRdata, byte[] expected) {
        return MessageDigest.isEqual(digest(type, ownerWire, dnskeyRdata), expected);
    }

    /**
     * Lowercases an uncompressed wire-form name. Length octets are at most 63, below 'A' (65), so the
     * octets to change are exactly the ASCII capitals inside labels.
     */
    static byte[] canonicalOwner(byte[] wire) {
        byte[] out = null;
        for (int i = 0; i < wire.length; i++) {
            byte b = wire[i];
            if (b >= 'A' && b <= 'Z') {
                if (out == null) {
                    out = wire.clone();
                }
                out[i] = (byte) (b + ('a' - 'A'));
            }
        }
        return out == null ? wire : out;
    }
}
