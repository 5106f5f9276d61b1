package org.dunlin.dns.wire.dnssec;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.dunlin.dns.wire.dnssec.internal.SignatureSuite;
import org.dunlin.dns.wire.dnssec.internal.Suites;

/**
 * The byte-level DNSSEC primitives for every supported algorithm: DNSKEY Public Key field ↔ JCA key,
 * signing and verification of an octet string in DNSSEC's signature encodings, key generation, and
 * public-key derivation from a private key.
 *
 * <p>Supported: RSAMD5 (1), DSA (3) and DSA-NSEC3-SHA1 (6) for verification only (RFC 8624 forbids
 * signing with them), RSASHA1 (5), RSASHA1-NSEC3-SHA1 (7),
 * RSASHA256 (8), RSASHA512 (10), ECDSAP256SHA256 (13), ECDSAP384SHA384 (14), ED25519 (15), ED448 (16)
 * with the JDK's providers, and ECC-GOST (12) when Bouncy Castle is on the class or module path. When
 * Bouncy Castle is present its curve arithmetic also signs and verifies algorithms 13 to 16, several
 * times faster than the JDK 17 providers; keys stay JDK key objects either way. Which code serves an
 * algorithm is invisible to callers: both accept and reject the same signatures, and Ed25519/Ed448
 * signatures are the same bytes. Bouncy Castle is never registered globally.
 *
 * <p>Stateless and thread-safe. Randomness (ECDSA, GOST, key generation) comes from the caller.
 */
public final class DnssecCrypto {

    private DnssecCrypto() {
    }

    /** True if this runtime can verify signatures of {@code algorithm}. */
    public static boolean isSupported(DnssecAlgorithm algorithm) {
        return Suites.find(algorithm).isPresent();
    }

    /** True if this runtime can and may sign with {@code algorithm} (RFC 8624 forbids RSAMD5 and DSA). */
    public static boolean canSign(DnssecAlgorithm algorithm) {
        return Suites.find(algorithm).map(SignatureSuite::canSign).orElse(false);
    }

    /**
     * Decodes the Public Key field of a DNSKEY (or KEY) record.
     *
     * @throws DnssecException if the algorithm is unsupported or the field is malformed (wrong length,
     *         point not on the curve, RSA modulus outside 512..4096 bits)
     */
    public static PublicKey decodePublicKey(DnssecAlgorithm algorithm, byte[] keyField) {
        return suite(algorithm).decodePublicKey(keyField);
    }

    /**
     * The DNSKEY Public Key field for {@code key}.
     *
     * @throws DnssecException if the key does not belong to the algorithm
     */
    public static byte[] encodePublicKey(DnssecAlgorithm algorithm, PublicKey key) {
        return suite(algorithm).encodePublicKey(key);
    }

    /**
     * Signs {@code data} and returns the signature in its DNSSEC wire encoding (RSA: PKCS #1 v1.5 octet
     * string; ECDSA: {@code r || s}; EdDSA: RFC 8032; GOST: {@code s || r}).
     *
     * @param random randomness for ECDSA and GOST; ignored by deterministic algorithms, may be null
     *        for them
     * @throws DnssecException if the algorithm is unsupported or must not sign, or the key does not fit
     */
    public static byte[] sign(DnssecAlgorithm algorithm, PrivateKey key, byte[] data, SecureRandom random) {
        return suite(algorithm).sign(key, data, random);
    }

    /**
     * Verifies a DNSSEC-encoded signature over {@code data}. Returns false for a wrong signature, a
     * malformed signature, or a key of another type; never throws for bad input.
     *
     * @throws DnssecException only if the algorithm is unsupported
     */
    public static boolean verify(DnssecAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return suite(algorithm).verify(key, data, signature);
    }

    /**
     * A new key pair. {@code bits} matters only for RSA (1024..4096; 0 means 2048); other algorithms
     * have fixed sizes and accept 0 or their size.
     *
     * @throws DnssecException if the algorithm is unsupported or the size is not allowed
     */
    public static KeyPair generateKeyPair(DnssecAlgorithm algorithm, int bits, SecureRandom random) {
        SignatureSuite suite = suite(algorithm);
        if (!suite.canSign()) {
            throw new DnssecException(algorithm + " keys must not be generated (RFC 8624 §3.1)");
        }
        return suite.generateKeyPair(bits, random);
    }

    /**
     * The public half of a private key (RSA CRT keys, EC scalars, EdDSA seeds, GOST scalars).
     *
     * @throws DnssecException if the key does not belong to the algorithm or lacks the needed parts
     */
    public static PublicKey derivePublicKey(DnssecAlgorithm algorithm, PrivateKey key) {
        return suite(algorithm).derivePublicKey(key);
    }

    /** The size in bits of a public key, as BIND reports it (RSA modulus, curve size). */
    public static int keySize(DnssecAlgorithm algorithm, PublicKey key) {
        return suite(algorithm).keySize(key);
    }

    private static SignatureSuite suite(DnssecAlgorithm algorithm) {
        return Suites.find(algorithm).orElseThrow(() -> new DnssecException(
                "unsupported DNSSEC algorithm " + algorithm.code() + " (" + algorithm.mnemonic() + ")"
                + (algorithm.equals(DnssecAlgorithm.ECC_GOST) ? ": Bouncy Castle is not available" : "")));
    }
}
