package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) for one RSA public key, without the JCA: the
 * signature is raised to the public exponent ({@link BigInteger#modPow}, the same arithmetic the JDK's
 * provider runs) and the result is compared with the encoding of the expected digest (EMSA-PKCS1-v1_5,
 * RFC 8017 §9.2), never parsed. Skipping the provider lookup, engine creation and key checks of
 * {@code Signature.getInstance}/{@code initVerify} on every call is what makes this faster than the JCA
 * path for the short messages DNSSEC signs.
 *
 * <p>Both DigestInfo forms are accepted: with the NULL parameters RFC 8017 requires, and without, which
 * some signers emit and the JDK's provider accepts too. Immutable and thread-safe (the digest is
 * cloned from a prototype per call).
 */
final class RsaPkcs1Verifier implements KeyVerifier {
    private final BigInteger modulus;
    private final BigInteger exponent;
    private final int length;
    private final MessageDigest prototype;
    private final byte[] prefix;
    private final byte[] prefixWithoutNull;

    private RsaPkcs1Verifier(RSAPublicKey key, MessageDigest prototype, byte[] prefix, byte[] prefixWithoutNull) {
        this.modulus = key.getModulus();
        this.exponent = key.getPublicExponent();
        this.length = (modulus.bitLength() + 7) / 8;
        this.prototype = prototype;
        this.prefix = prefix;
        this.prefixWithoutNull = prefixWithoutNull;
    }

    /**
     * A verifier for {@code jcaSignature} ("SHA256withRSA" and the like) with {@code key}, or
     * {@code null} if the digest is unknown here or its prototype cannot be cloned (then the caller uses
     * the JCA).
     */
    static RsaPkcs1Verifier of(String jcaSignature, RSAPublicKey key) {
        String digest;
        byte[] oid;
        switch (jcaSignature) {
            case "SHA1withRSA":
                digest = "SHA-1";
                oid = new byte[] {0x2b, 0x0e, 0x03, 0x02, 0x1a}; // 1.3.14.3.2.26
                break;
            case "SHA256withRSA":
                digest = "SHA-256";
                oid = new byte[] {0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}; // 2.16.840.1.101.3.4.2.1
                break;
            case "SHA512withRSA":
                digest = "SHA-512";
                oid = new byte[] {0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03}; // 2.16.840.1.101.3.4.2.3
                break;
            default:
                return null; // RSA/MD5 (not for validation, RFC 8624 §3.1) stays with the JCA
        }
        try {
            MessageDigest md = MessageDigest.getInstance(digest);
            md.clone();
            return new RsaPkcs1Verifier(key, md, digestInfoPrefix(oid, md.getDigestLength(), true),
                    digestInfoPrefix(oid, md.getDigestLength(), false));
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            return null;
        }
    }

    /**
     * The DER of DigestInfo up to the digest octets (RFC 8017 §9.2, note 1):
     * SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING (digest) }.
     */
    static byte[] digestInfoPrefix(byte[] oid, int digestLength, boolean withNull) {
        int algorithmId = 2 + oid.length + (withNull ? 2 : 0); // contents of the inner SEQUENCE
        int contents = 2 + algorithmId + 2 + digestLength; // of the outer one
        byte[] p = new byte[2 + 2 + algorithmId + 2];
        int i = 0;
        p[i++] = 0x30;
        p[i++] = (byte) contents;
        p[i++] = 0x30;
        p[i++] = (byte) algorithmId;
        p[i++] = 0x06;
        p[i++] = (byte) oid.length;
        System.arraycopy(oid, 0, p, i, oid.length);
        i += oid.length;
        if (withNull) {
            p[i++] = 0x05;
            p[i++] = 0x00;
        }
        p[i++] = 0x04;
        p[i] = (byte) digestLength;
        return p;
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) {
        // RFC 8017 §8.2.2 step 1: the signature is as long as the modulus; some signers drop leading
        // zero octets, which changes nothing in the integer it stands for.
        if (signature.length == 0 || signature.length > length) {
            return false;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(modulus) >= 0) {
            return false; // RSAVP1 step 1 (RFC 8017 §5.2.2)
        }
        byte[] m = s.modPow(exponent, modulus).toByteArray();
        byte[] digest;
        try {
            MessageDigest md = (MessageDigest) prototype.clone();
            digest = md.digest(data);
        } catch (CloneNotSupportedException e) {
            return false; // not reached: cloning was tried when the verifier was made
        }
        return matches(m, prefix, digest) || matches(m, prefixWithoutNull, digest);
    }

    /**
     * Whether {@code m} (the integer's big-endian octets, without the leading zero octet of the
     * encoding) is 0x01, 0xFF padding (at least 8 octets), 0x00, {@code prefix}, {@code digest},
     * filling the modulus length.
     */
    private boolean matches(byte[] m, byte[] prefix, byte[] digest) {
        int tail = prefix.length + digest.length;
        int padding = length - 3 - tail;
        if (padding < 8 || m.length != length - 1 || m[0] != 0x01) {
            return false;
        }
        for (int i = 1; i <= padding; i++) {
            if (m[i] != (byte) 0xff) {
                return false;
            }
        }
        int at = 1 + padding;
        return m[at] == 0x00
                && Arrays.equals(m, at + 1, at + 1 + prefix.length, prefix, 0, prefix.length)
                && Arrays.equals(m, at + 1 + prefix.length, m.length, digest, 0, digest.length);
    }
}
